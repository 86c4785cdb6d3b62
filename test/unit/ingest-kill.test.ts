/**
 * Kills and embargoes as each wire format signals them, read by the parsers into the story
 * (`kill`, `embargoUntil`); nothing here touches a database.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { killWordOf } from '@/ingest/kill'
import { parseNinjs } from '@/ingest/ninjs'
import { parseNitf } from '@/ingest/nitf'
import { parseStory } from '@/ingest/parse'
import { parseTextPage } from '@/ingest/text'
import { IngestError } from '@/ingest/types'

const KILLS = path.resolve('test/fixtures/wire-kills')
const file = (name: string) => ({ bytes: readFileSync(path.join(KILLS, name)), filename: name })

const refusal = (parse: () => unknown): string => {
  try {
    parse()
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError)
    expect((error as IngestError).status).toBe(400)
    return (error as Error).message
  }
  throw new Error('not refused')
}

describe('kill signals', () => {
  it('ninjs 2.x pubstatus "canceled": the item itself, by uri and headline, with its ednote', () => {
    const story = parseStory(file('kill-ninjs.json'))
    expect(story.kill).toEqual({
      signal: 'pubstatus "canceled"',
      wireId: 'urn:example:lpr:kill-test-ninjs-1',
      headline: 'Test rig vents coolant during night shift',
      message: 'KILL. The operator has disputed the figures in this story. Remove it from all platforms.',
    })
  })

  it('ninjs 3.x pubStatus "withheld" without an embargo is a withdrawal, with its edNote', () => {
    expect(parseStory(file('kill-ninjs3.json')).kill).toEqual({
      signal: 'pubstatus "withheld"',
      wireId: 'urn:example:lpr:kill-test-ninjs3-1',
      headline: 'Ferry timetable changes for the winter',
      message: 'Withheld until further notice: the timetable is not final.',
    })
  })

  it('ninjs: "withheld" with an embargo is the embargo; "usable" is no kill; another status is refused', () => {
    const base = { uri: 'urn:x:1', headline: 'A headline', body_text: 'Text.' }
    const embargoed = parseNinjs(JSON.stringify({ ...base, pubstatus: 'withheld', embargoed: '2099-01-01T09:00:00+01:00' }))
    expect(embargoed.kill).toBeUndefined()
    expect(embargoed.embargoUntil).toBe('2099-01-01T08:00:00Z')
    expect(parseNinjs(JSON.stringify({ ...base, pubStatus: 'usable' })).kill).toBeUndefined()
    expect(refusal(() => parseNinjs(JSON.stringify({ ...base, pubstatus: 'gone' })))).toMatch(/pubstatus "gone" is not one of usable, withheld, canceled/)
    expect(refusal(() => parseNinjs(JSON.stringify({ ...base, embargoed: 'next Tuesday' })))).toMatch(/embargoed "next Tuesday" is not an ISO 8601/)
  })

  it('ninjs: a kill with a description and no ednote carries the description; with neither, its body', () => {
    const kill = (fields: object) => parseNinjs(JSON.stringify({ uri: 'urn:x:2', pubstatus: 'canceled', ...fields })).kill
    expect(kill({ description_text: 'Legal advice.' })?.message).toBe('Legal advice.')
    expect(kill({ body_html: '<p>Take it <b>down</b>.</p>' })?.message).toBe('Take it down.')
    expect(kill({})).toEqual({ signal: 'pubstatus "canceled"', wireId: 'urn:x:2', headline: undefined })
  })

  it('NITF <docdata management-status="canceled" management-doc-idref>: the story the idref names, the ed-msg', () => {
    expect(parseStory(file('kill-nitf.xml')).kill).toEqual({
      signal: 'management-status="canceled"',
      wireId: 'LPR-KILL-TEST-NITF-1',
      headline: 'Harbour crane contract goes to second bidder',
      message: 'The harbour board has not confirmed the award. Withdraw the story.',
    })
  })

  it('NITF: management-idref-status, a KILL headline, and a canceled document naming itself', () => {
    const nitf = (docdata: string, hl1: string, body = '') =>
      parseNitf(`<nitf><head><docdata ${docdata}><doc-id id-string="OWN-1"/></docdata></head><body><body.head><hedline><hl1>${hl1}</hl1></hedline></body.head>${body}</body></nitf>`).kill
    expect(nitf('management-doc-idref="OLD-7" management-idref-status="withheld"', 'Notice')).toEqual({
      signal: 'management-idref-status="withheld"',
      wireId: 'OLD-7',
      headline: undefined,
    })
    expect(nitf('', 'WITHDRAWN - Bridge reopens', '<body.content><p>Wrong bridge.</p></body.content>')).toEqual({
      signal: 'headline WITHDRAWN',
      wireId: undefined,
      headline: 'Bridge reopens',
      message: 'Wrong bridge.',
    })
    expect(nitf('management-status="withheld"', 'Bridge reopens')).toMatchObject({ wireId: 'OWN-1', headline: 'Bridge reopens' })
    // Urgency is no kill; nor is a headline that merely starts with the letters.
    expect(nitf('', 'Killer whales return', '<body.content><p>Text.</p></body.content>')).toBeUndefined()
  })

  it('NITF: <date.release> later than <date.issue>, or management-status="embargoed", is the embargo', () => {
    const nitf = (docdata: string, dates: string) =>
      parseNitf(`<nitf><head><docdata ${docdata}>${dates}</docdata></head><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content><p>T.</p></body.content></body></nitf>`)
    expect(nitf('', '<date.issue norm="20250303T090000Z"/><date.release norm="20250304T090000Z"/>').embargoUntil).toBe('2025-03-04T09:00:00Z')
    expect(nitf('', '<date.issue norm="20250303T090000Z"/><date.release norm="20250303T090000Z"/>').embargoUntil).toBeUndefined()
    expect(nitf('management-status="embargoed"', '<date.release norm="20990101T000000Z"/>').embargoUntil).toBe('2099-01-01T00:00:00Z')
    expect(refusal(() => nitf('management-status="embargoed"', ''))).toMatch(/management-status="embargoed" needs a <date.release/)
  })

  it('a plain page opening KILL: the next line names the story (by headline or id), the rest is the message', () => {
    expect(parseStory(file('kill-text.txt')).kill).toEqual({
      signal: 'KILL',
      wireId: 'Solar farm opens ahead of schedule in Testville',
      headline: 'Solar farm opens ahead of schedule in Testville',
      message: 'LPR withdraws this story: the opening date was not confirmed by the builder.\n\nPlease remove it from all platforms.',
    })
    expect(parseTextPage('\n  withdrawn: LPR-2025-03-03-abc\nSorry.').kill).toMatchObject({ signal: 'WITHDRAWN', wireId: 'LPR-2025-03-03-abc', message: 'Sorry.' })
  })

  it('a plain page EMBARGOED UNTIL <ISO 8601> above the story: the embargo, out of the header', () => {
    const story = parseStory(file('embargo-text.txt'))
    expect(story).toMatchObject({ embargoUntil: '2099-01-01T09:00:00Z', masthead: 'Launchpad Daily', section: 'TESTVILLE', headline: 'Testville council to vote on spaceport road' })
    const page = readFileSync(path.join(KILLS, 'embargo-text.txt'), 'utf8').replace('2099-01-01T09:00:00Z', 'Thursday noon')
    expect(refusal(() => parseTextPage(page))).toMatch(/line 1: the embargo "Thursday noon" is not an ISO 8601 date-time/)
  })

  it('a kill that names no story is refused, naming the problem', () => {
    expect(refusal(() => parseStory(file('kill-malformed.txt')))).toMatch(/a kill \(KILL\) must name the story it takes down: the line after KILL gives/)
    expect(refusal(() => parseStory(file('kill-malformed.json')))).toMatch(/a kill \(pubstatus "canceled"\) must name the story it takes down: give its "uri"/)
  })

  it.each([
    ['KILL', { word: 'KILL', rest: '' }],
    ['kill: Storm closes port', { word: 'KILL', rest: 'Storm closes port' }],
    ['WITHDRAWN – Storm closes port', { word: 'WITHDRAWN', rest: 'Storm closes port' }],
    ['Killer whales return', undefined],
    ['Kill Devil Hills Gazette', undefined],
    ['KILL.', undefined],
    ['Withdrawnness', undefined],
  ])('killWordOf(%j)', (line, want) => {
    expect(killWordOf(line)).toEqual(want)
  })

  it('a hostile line costs its length', () => {
    const line = `KILL${' :-'.repeat(200_000)}x`
    const started = performance.now()
    expect(killWordOf(line)?.rest).toBe('x')
    expect(performance.now() - started).toBeLessThan(200)
  })
})
