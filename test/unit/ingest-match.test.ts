/**
 * Source and section matching: the documented order, and a reason instead of a guess; what a
 * planned story writes (wire rights, versions) and its fingerprint.
 */
import { describe, expect, it } from '@jest/globals'

import type { Story } from '@/ingest/types'

import { contentHalf, storyHalf } from '@/ingest/identity'
import { matchSection, matchSource, type SectionRecord, type SourceRecord } from '@/ingest/match'
import { articleData, planStory, shorten } from '@/ingest/plan'

const source = (id: number, code: string, name: string, copyrightHolder: string, aliases: string[], kind = 'news-agency'): SourceRecord => ({
  id,
  code,
  name,
  kind,
  credit: code,
  copyrightHolder,
  bylineAliases: aliases,
})
const AFP = source(1, 'AFP', 'Agence France-Presse', 'Agence France-Presse', ['AFP Staff Writers', 'AFP'])
const UPI = source(2, 'UPI', 'United Press International', 'United Press International', ['UPI Staff Writers'])
const SPX = source(3, 'SPX', 'Staff Writers', '', ['Staff Writers'], 'staff')
const NASA = source(4, 'NASA', 'National Aeronautics and Space Administration', '', ['NASA Staff Writers', 'NASA'], 'government')
const sources = [AFP, UPI, SPX, NASA]

const story = (fields: Partial<Story>): Story => ({
  format: 'nitf',
  headline: 'H',
  dateline: {},
  bodyHtml: '<p>x</p>',
  relatedLinks: [],
  distributors: [],
  rights: {},
  ...fields,
})

describe('matchSource', () => {
  it.each([
    ['the dateline credit', { dateline: { credit: 'afp' } }, AFP, 'credit'],
    ['a byline alias', { byline: 'UPI Staff Writers' }, UPI, 'byline'],
    ['a distributor by code or name', { distributors: ['United Press International'] }, UPI, 'distributor'],
    ['the copyright holder', { rights: { holder: 'Agence France-Presse' } }, AFP, 'copyright holder'],
    ['"Staff Writers" copy', { byline: 'Staff Writers', dateline: { credit: 'SPX' } }, SPX, 'credit'],
  ])('matches by %s', (_, fields, want, by) => {
    expect(matchSource(story(fields as Partial<Story>), sources)).toEqual({ source: want, by })
  })

  it('takes the first signal in order and ignores signals that name no source', () => {
    expect(matchSource(story({ dateline: { credit: 'AFP' }, byline: 'Jane Doe', rights: { holder: 'Agence France-Presse' } }), sources)).toEqual({
      source: AFP,
      by: 'credit',
    })
  })

  it('refuses to choose when two signals name different sources', () => {
    expect(matchSource(story({ dateline: { credit: 'AFP' }, byline: 'UPI Staff Writers' }), sources)).toEqual({
      reason: 'credit "AFP" names AFP but byline "UPI Staff Writers" names UPI',
    })
    // "Staff Writers" under an agency credit is not the agency's own copy: no guess either way.
    expect(matchSource(story({ dateline: { credit: 'AFP' }, byline: 'Staff Writers' }), sources)).toHaveProperty('reason')
  })

  it('says what it looked for when nothing matches, and when there was nothing to look for', () => {
    expect(matchSource(story({ dateline: { credit: 'XYZ' }, distributors: ['Zeta Wire'] }), sources)).toEqual({
      reason: 'no wire source matches credit "XYZ", distributor "Zeta Wire"',
    })
    expect(matchSource(story({}), sources)).toEqual({ reason: 'the story names no credit, byline, distributor or copyright holder' })
    expect(matchSource(story({ dateline: { credit: 'AFP' } }), [])).toHaveProperty('reason')
  })
})

describe('matchSource: names contained in provider and rights fields', () => {
  it.each([
    ['a code in a copyright notice', { rights: { notice: 'Copyright 2024 AFP. All rights reserved.' } }, AFP, 'copyright notice'],
    ['a name in a notice, any case', { rights: { notice: '© 2024 AGENCE FRANCE-PRESSE' } }, AFP, 'copyright notice'],
    ['a byline alias in a notice', { rights: { notice: 'Text by UPI Staff Writers, all rights reserved' } }, UPI, 'copyright notice'],
    ['a name in a longer holder', { rights: { holder: 'Agence France-Presse SA' } }, AFP, 'copyright holder'],
    ['a code in a distributor', { distributors: ['AFP Services'] }, AFP, 'distributor'],
    ['a code in a compound credit', { dateline: { credit: 'NASA/JPL' } }, NASA, 'credit'],
    ["a code with an apostrophe's s", { rights: { notice: "NASA's own imagery" } }, NASA, 'copyright notice'],
  ])('matches %s', (_, fields, want, by) => {
    expect(matchSource(story(fields as Partial<Story>), sources)).toEqual({ source: want, by })
  })

  it('matches whole words only: "AFP" is not in "SAFPX" or "AFPX"', () => {
    for (const notice of ['Copyright SAFPX Ltd', 'Copyright AFPX', 'afp2024']) {
      expect(matchSource(story({ rights: { notice } }), sources)).toEqual({ reason: `no wire source matches copyright notice "${notice}"` })
    }
  })

  it('reads the longest name at each word: "NASA Staff Writers" names NASA only, not also SPX', () => {
    expect(matchSource(story({ rights: { notice: 'Prepared by NASA Staff Writers' } }), sources)).toEqual({ source: NASA, by: 'copyright notice' })
  })

  it('refuses a value that names two sources, and a notice that contradicts an earlier signal', () => {
    const footer = 'AFP, UPI and IANS news wire stories are copyright Agence France-Presse, United Press International and others.'
    expect(matchSource(story({ rights: { notice: footer } }), sources)).toEqual({ reason: `copyright notice "${footer.slice(0, 79)}…" names AFP and UPI` })
    expect(matchSource(story({ dateline: { credit: 'AFP' }, rights: { notice: '© 2024 United Press International' } }), sources)).toEqual({
      reason: 'credit "AFP" names AFP but copyright notice "© 2024 United Press International" names UPI',
    })
  })

  it('agrees when every signal names the same source, exact or contained', () => {
    const afp = story({ dateline: { credit: 'AFP' }, distributors: ['AFP'], rights: { holder: 'Agence France-Presse', notice: 'Copyright 2024 AFP' } })
    expect(matchSource(afp, sources)).toEqual({ source: AFP, by: 'credit' })
  })

  it('costs one pass over a hostile notice', () => {
    const notice = 'AFP Staff '.repeat(50_000)
    const started = performance.now()
    expect(matchSource(story({ rights: { notice } }), sources)).toEqual({ source: AFP, by: 'copyright notice' })
    console.log(`matching a ${notice.length.toLocaleString('en')}-character notice took ${(performance.now() - started).toFixed(1)} ms`)
  })
})

describe('matchSource on the publisher\'s own pages: a staff rewrite of agency copy', () => {
  const page = (fields: Partial<Story>) => story({ format: 'text', ...fields })

  it('lets an agency credit outrank the generic "Staff Writers" byline', () => {
    expect(matchSource(page({ dateline: { credit: 'NASA' }, byline: 'Staff Writers' }), sources)).toEqual({ source: NASA, by: 'credit' })
    expect(matchSource(page({ dateline: { credit: 'AFP' }, byline: 'Staff Writers' }), sources)).toEqual({ source: AFP, by: 'credit' })
  })

  it('keeps other conflicts: an agency byline, a staff credit, or a page that is not the publisher\'s', () => {
    expect(matchSource(page({ dateline: { credit: 'NASA' }, byline: 'UPI Staff Writers' }), sources)).toHaveProperty(
      'reason',
      'credit "NASA" names NASA but byline "UPI Staff Writers" names UPI',
    )
    expect(matchSource(page({ dateline: { credit: 'SPX' }, byline: 'AFP Staff Writers' }), sources)).toHaveProperty('reason')
    expect(matchSource(page({ dateline: { credit: 'NASA' }, byline: 'Staff Writers', rights: { notice: '© AFP' } }), sources)).toHaveProperty(
      'reason',
      'credit "NASA" names NASA but copyright notice "© AFP" names AFP',
    )
    expect(matchSource(story({ format: 'nitf', dateline: { credit: 'NASA' }, byline: 'Staff Writers' }), sources)).toHaveProperty('reason')
  })
})

describe('planStory and articleData', () => {
  const references = { sources, sections: [] }
  const body = { root: { children: [] } }

  it('stores the rights as received, and clears them when a later version states none', () => {
    const rights = { holder: 'Agence France-Presse', notice: '© 2024 AFP', usageTerms: 'No archive use.' }
    expect(articleData(planStory(story({ rights }), references), body).wireRights).toEqual(rights)
    expect(articleData(planStory(story({}), references), body).wireRights).toEqual({ holder: null, notice: null, usageTerms: null })
  })

  it('shortens a rights statement longer than its field, with an ellipsis and a note', () => {
    const notice = `© AFP ${'x'.repeat(3000)}`
    const plan = planStory(story({ rights: { notice, holder: 'H'.repeat(301) } }), references)
    const { wireRights } = articleData(plan, body)
    expect(wireRights.notice).toHaveLength(2000)
    expect(wireRights.notice).toMatch(/^© AFP x+…$/)
    expect(wireRights.holder).toBe(`${'H'.repeat(299)}…`)
    expect(plan.notes).toEqual([
      'the copyright holder is 301 characters long: kept the first 299',
      'the copyright notice is 3,006 characters long: kept the first 1,999',
    ])
    expect(plan.source).toBe(AFP.id)
    // Never half a surrogate pair.
    expect(shorten(`${'a'.repeat(8)}😀😀`, 10)).toBe(`${'a'.repeat(8)}…`)
  })

  it("keeps the wire's timestamps in UTC, and leaves out one that is no date with a note", () => {
    const plan = planStory(story({ firstCreated: '2024-07-03T10:00:00+02:00', versionCreated: 'yesterday' }), references)
    expect(articleData(plan, body).ingest).toMatchObject({ firstCreated: '2024-07-03T08:00:00.000Z', versionCreated: null })
    expect(plan.notes).toEqual(['version created "yesterday" is not a date: left out'])
  })

  it('fingerprints what is written: an equivalent story from another file has another story half, the same content half', () => {
    const a = story({ dateline: { credit: 'AFP' }, versionCreated: '2024-07-03T08:00:00Z' })
    const b = story({ dateline: { credit: 'AFP' }, versionCreated: '2024-07-03T10:00:00+02:00', format: 'ninjs', bodyHtml: '<p >x</p>' })
    const [hashA, hashB] = [a, b].map((s) => articleData(planStory(s, references), body).ingest.hash)
    expect(hashA).toMatch(/^[0-9a-f]{64}$/)
    expect(storyHalf(hashA)).not.toBe(storyHalf(hashB))
    expect(contentHalf(hashA)).toBe(contentHalf(hashB))
    // Anything written differs: rights, versions, status.
    for (const other of [{ rights: { notice: '© AFP' } }, { versionCreated: '2024-07-04T08:00:00Z' }, { dateline: {} }]) {
      const hash = articleData(planStory({ ...a, ...other }, references), body).ingest.hash
      expect(contentHalf(hash)).not.toBe(contentHalf(hashA))
    }
  })
})

describe('matchSection', () => {
  const site = (id: number, name: string, domain: string) => ({ id, name, domain })
  const frontier = site(1, 'Frontier Defense', 'frontierdefense.example')
  const orbital = site(2, 'Orbital Times', 'orbitaltimes.example')
  const sections: SectionRecord[] = [
    { id: 10, name: 'SUPERPOWERS', slug: 'superpowers', site: frontier },
    { id: 11, name: 'SUPERPOWERS', slug: 'superpowers', site: orbital },
    { id: 12, name: 'DEEP SPACE', slug: 'deep-space', site: orbital },
  ]

  it('finds a section by name or slug, case aside', () => {
    expect(matchSection(story({ section: 'Deep Space' }), sections)).toEqual({ section: sections[2] })
    expect(matchSection(story({ section: 'deep-space' }), sections)).toEqual({ section: sections[2] })
    expect(matchSection(story({}), sections)).toEqual({})
  })

  it('tells a name in several sites apart by the site given, else by the masthead, else files none', () => {
    expect(matchSection(story({ section: 'SUPERPOWERS' }), sections, 'orbitaltimes.example')).toEqual({ section: sections[1] })
    expect(matchSection(story({ section: 'SUPERPOWERS' }), sections, 1)).toEqual({ section: sections[0] })
    expect(matchSection(story({ section: 'SUPERPOWERS', masthead: 'Frontier Defense' }), sections)).toEqual({ section: sections[0] })
    expect(matchSection(story({ section: 'SUPERPOWERS' }), sections)).toEqual({
      note: 'section "SUPERPOWERS" is in 2 sites: name the site to file it',
    })
    expect(matchSection(story({ section: 'WEATHER' }), sections)).toEqual({ note: 'no section "WEATHER": filed without one' })
    expect(matchSection(story({ section: 'DEEP SPACE' }), sections, 'frontierdefense.example')).toEqual({
      note: 'no section "DEEP SPACE" in site frontierdefense.example: filed without one',
    })
  })
})
