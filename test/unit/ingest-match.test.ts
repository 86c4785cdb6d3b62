/** Source and section matching: the documented order, and a reason instead of a guess. */
import { describe, expect, it } from '@jest/globals'

import type { Story } from '@/ingest/types'

import { matchSection, matchSource, type SectionRecord, type SourceRecord } from '@/ingest/match'

const source = (id: number, code: string, name: string, copyrightHolder: string, aliases: string[]): SourceRecord => ({
  id,
  code,
  name,
  credit: code,
  copyrightHolder,
  bylineAliases: aliases,
})
const AFP = source(1, 'AFP', 'Agence France-Presse', 'Agence France-Presse', ['AFP Staff Writers'])
const UPI = source(2, 'UPI', 'United Press International', 'United Press International', ['UPI Staff Writers'])
const SPX = source(3, 'SPX', 'Staff Writers', '', ['Staff Writers'])
const sources = [AFP, UPI, SPX]

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
