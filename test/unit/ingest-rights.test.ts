/**
 * What a file says about its own rights and times (ninjs in every key spelling, NITF docdata),
 * and the ISO 8601 forms wires write their timestamps in.
 */
import { describe, expect, it } from '@jest/globals'

import { calendarDate, isoTimestamp } from '@/ingest/dateline'
import { parseNinjs } from '@/ingest/ninjs'
import { parseNitf } from '@/ingest/nitf'

const ninjs = (fields: Record<string, unknown>) =>
  parseNinjs(JSON.stringify({ uri: 'urn:x:1', headline: 'A headline', body_html: '<p>Text.</p>', ...fields }))

const nitf = (docdata: string, dateline = '') =>
  parseNitf(
    `<nitf><head><docdata>${docdata}</docdata></head><body><body.head><hedline><hl1>A headline</hl1></hedline>${dateline}</body.head><body.content><p>Text.</p></body.content></body></nitf>`,
  )

describe('ISO 8601 timestamps', () => {
  it.each([
    ['2020-09-07T14:45:26Z', '2020-09-07T14:45:26Z'],
    ['2020-09-07T14:45:26', '2020-09-07T14:45:26Z'],
    ['2020-09-07T14:45:26+02:00', '2020-09-07T12:45:26Z'],
    ['2020-09-07T14:45:26.25-0100', '2020-09-07T15:45:26.250Z'],
    ['2020-09-07T14:45', '2020-09-07T14:45:00Z'],
    ['20200907T144526Z', '2020-09-07T14:45:26Z'],
    ['20200907T144526', '2020-09-07T14:45:26Z'],
    ['20240703T231500-0500', '2024-07-04T04:15:00Z'],
    ['2020-09-07', '2020-09-07T00:00:00Z'],
  ])('%s → %s (no zone: UTC)', (input, want) => {
    expect(isoTimestamp(input)).toBe(want)
  })

  it.each(['2024-02-30T10:00:00Z', '2024-07-03T25:00', '2024-07-03T10:61', 'July 3, 2024', '2024-07-03T10:00:00+25:00', '', `2024${'0'.repeat(100)}`])(
    'refuses %p',
    (input) => {
      expect(isoTimestamp(input)).toBeUndefined()
    },
  )

  it("a timestamp's calendar day is the day as written, the wire's local day", () => {
    expect(calendarDate('2024-07-03T23:15:00-05:00')).toBe('2024-07-03')
    expect(calendarDate('2020-09-07T14:45:26')).toBe('2020-09-07')
    expect(calendarDate('20200907T144526Z')).toBe('2020-09-07')
    expect(calendarDate('2024-07-03')).toBe('2024-07-03')
  })
})

describe('ninjs rights and times', () => {
  it('reads 1.x/2.x lower-case keys', () => {
    const story = ninjs({
      copyrightholder: 'Example Wire Ltd',
      copyrightnotice: '© 2024 Example Wire Ltd. All rights reserved.',
      usageterms: 'No archiving after 30 days.',
      firstcreated: '2024-03-01T08:00:00',
      versioncreated: '2024-03-01T09:30:00+01:00',
    })
    expect(story.rights).toEqual({
      holder: 'Example Wire Ltd',
      notice: '© 2024 Example Wire Ltd. All rights reserved.',
      usageTerms: 'No archiving after 30 days.',
    })
    expect(story).toMatchObject({ firstCreated: '2024-03-01T08:00:00Z', versionCreated: '2024-03-01T08:30:00Z' })
  })

  it('reads 3.x camelCase keys, and other spellings', () => {
    const story = ninjs({ copyrightHolder: 'Holder', copyrightNotice: 'Notice', usageTerms: 'Terms', firstCreated: '2025-01-02T03:04:05Z' })
    expect(story.rights).toEqual({ holder: 'Holder', notice: 'Notice', usageTerms: 'Terms' })
    expect(ninjs({ copyright_holder: 'Snake', Usage_Terms: 'Shout' }).rights).toMatchObject({ holder: 'Snake', usageTerms: 'Shout' })
    expect(story.firstCreated).toBe('2025-01-02T03:04:05Z')
  })

  it("dates the dateline by firstcreated (the story's own day), else versioncreated", () => {
    expect(ninjs({ firstcreated: '2019-12-31T22:00:00-05:00', versioncreated: '2020-01-02T10:00:00Z' }).dateline.date).toBe('2019-12-31')
    expect(ninjs({ versionCreated: '2020-01-02T10:00:00Z' }).dateline.date).toBe('2020-01-02')
    expect(ninjs({ versioncreated: 'yesterday' })).toMatchObject({ dateline: { date: undefined }, versionCreated: undefined })
  })

  it('a file that states no rights gives none', () => {
    expect(ninjs({}).rights).toEqual({ holder: undefined, notice: undefined, usageTerms: undefined })
  })
})

describe('NITF rights and times', () => {
  it('doc.copyright gives holder and notice; doc.rights the usage terms', () => {
    const story = nitf(
      '<doc.copyright year="2020" holder="Example Press"/><doc.rights owner="Example Press Group" agent="Rights Desk" limitations="Editorial use only" geography="Europe" startdate="20200907" enddate="2021-09-07"/>',
    )
    expect(story.rights).toEqual({
      holder: 'Example Press',
      notice: '© 2020 Example Press',
      usageTerms: 'Editorial use only; territory: Europe; from 2020-09-07 until 2021-09-07; rights agent: Rights Desk',
    })
  })

  it('the rights owner is the holder when no doc.copyright names one', () => {
    expect(nitf('<doc.rights owner="Owner Co" limitations="No resale"/>').rights).toEqual({
      holder: 'Owner Co',
      notice: undefined,
      usageTerms: 'No resale',
    })
  })

  it('reads extended and basic ISO dates in date.issue, date.release and story.date', () => {
    const extended = nitf(
      '<date.issue norm="2020-09-07T14:45:26"/><date.release norm="2020-09-07T15:00:00Z"/>',
      '<dateline><location>Oslo</location><story.date norm="2020-09-07T13:00:00+02:00">Sept. 7</story.date></dateline>',
    )
    expect(extended).toMatchObject({ firstCreated: '2020-09-07T11:00:00Z', versionCreated: '2020-09-07T14:45:26Z', dateline: { date: '2020-09-07' } })
    const basic = nitf('<date.issue norm="20200908T101500Z"/>', '<dateline><location>Oslo</location><story.date norm="20200907">x</story.date></dateline>')
    expect(basic).toMatchObject({ firstCreated: '2020-09-08T10:15:00Z', versionCreated: '2020-09-08T10:15:00Z', dateline: { date: '2020-09-07' } })
    expect(nitf('<date.release norm="2020-09-09T00:00:00Z"/>')).toMatchObject({ versionCreated: '2020-09-09T00:00:00Z', dateline: { date: undefined } })
    expect(nitf('<date.issue norm="2020-09-07T14:45:26Z"/>').dateline.date).toBe('2020-09-07')
  })
})
