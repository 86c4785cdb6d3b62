import { describe, expect, it } from '@jest/globals'

import type { NoticeInput, SourceInput } from '../src/types.ts'

import { resolveAttribution } from '../src/resolve.ts'
import { problemsIn, tagsIn } from '../src/template.ts'
import { paragraph } from './helpers.ts'

const body = (text: string) => paragraph(text) as unknown as NoticeInput['body']

const source = (id: number, code: string, name: string, kind: string, license: SourceInput['license'], copyrightHolder = name): SourceInput => ({
  id,
  code,
  name,
  kind,
  license,
  copyrightHolder,
  credit: code,
  bylineAliases: [`${code} Staff Writers`],
})

const AFP = source(1, 'AFP', 'Agence France-Presse', 'news-agency', 'copyright')
const UPI = source(2, 'UPI', 'United Press International', 'news-agency', 'copyright')
const NASA = source(3, 'NASA', 'NASA', 'government', 'public-domain', '')
const ESA = source(4, 'ESA', 'European Space Agency', 'space-agency', 'copyright')
const SPX = { ...source(5, 'SPX', 'Staff Writers', 'staff', 'copyright', ''), bylineAliases: ['Staff Writers'] }
const CCX = source(6, 'CCX', 'Open Images Collective', 'other', 'cc-by')
const sources = [AFP, UPI, NASA, ESA, SPX, CCX]

const notice = (id: number, kind: string, order: number, text: string, appliesTo: NoticeInput['appliesTo'] = { scope: 'all' }, extra: Partial<NoticeInput> = {}): NoticeInput => ({
  id,
  title: `${kind} ${id}`,
  kind,
  order,
  body: body(text),
  appliesTo,
  _status: 'published',
  ...extra,
})

const notices: NoticeInput[] = [
  notice(10, 'copyright', 10, 'Copyright {{publisher.copyrightStartYear}}-{{year}} {{publisher.name}}.'),
  notice(20, 'source-copyright', 20, 'Wire copy is copyright {{source.copyrightHolder}}.', { scope: 'source-kinds', sourceKinds: ['news-agency'] }),
  notice(21, 'source-copyright', 21, 'ESA reports are copyright {{source.copyrightHolder}}.', { scope: 'sources', sources: [4] }),
  notice(22, 'public-domain', 22, '{{source.name}} material is in the public domain.', { scope: 'licenses', licenses: ['public-domain'] }),
  notice(23, 'other', 23, 'Licensed CC BY by {{source.copyrightHolder}}.', { scope: 'licenses', licenses: ['cc-by', 'cc-by-sa'] }),
  notice(30, 'staff-writers', 30, 'Staff Writers copy is edited by {{publisher.name}}.', { scope: 'source-kinds', sourceKinds: ['staff', 'press-release'] }),
  notice(90, 'gdpr', 90, 'GDPR applies.', { scope: 'all' }, { effectiveFrom: '2018-05-25T00:00:00.000Z' }),
]

const publisher = { name: 'Orbit Media Network', copyrightStartYear: 1995, jurisdiction: 'Australia' }
const at = new Date('2024-07-03T12:00:00.000Z')

const resolve = (article: Parameters<typeof resolveAttribution>[0]['article'], more: Partial<Parameters<typeof resolveAttribution>[0]> = {}) =>
  resolveAttribution({ article, sources, notices, publisher, at, ...more })

const kinds = (a: ReturnType<typeof resolve>) => a.notices.map((n) => n.kind)

describe('resolveAttribution by source kind', () => {
  it('news agency: wire copyright, never the public-domain line', () => {
    const a = resolve({ source: 1, publishedAt: '2024-07-03T00:00:00.000Z' })
    expect(kinds(a)).toEqual(['copyright', 'source-copyright', 'gdpr'])
    expect(a).toMatchObject({ credit: 'AFP', byline: 'by AFP Staff Writers', copyrightHolder: 'Agence France-Presse', copyrightYear: 2024, license: 'copyright', warnings: [] })
    expect(a.text).toContain('Wire copy is copyright Agence France-Presse.')
    expect(a.text).toContain('Copyright 1995-2024 Orbit Media Network.')
    expect(a.text).not.toMatch(/public domain/)
  })

  it('government, public domain: the public-domain line, no holder, a licence URL', () => {
    const a = resolve({ source: 3 })
    expect(kinds(a)).toEqual(['copyright', 'public-domain', 'gdpr'])
    expect(a.copyrightHolder).toBeNull()
    expect(a.license).toBe('public-domain')
    expect(a.jsonLd).toMatchObject({ license: 'https://creativecommons.org/publicdomain/mark/1.0/', creditText: 'NASA' })
    expect(a.jsonLd).not.toHaveProperty('copyrightHolder')
    expect(a.text).not.toMatch(/Wire copy/)
  })

  it('space agency: its own copyright notice by source', () => {
    const a = resolve({ source: 4 })
    expect(kinds(a)).toEqual(['copyright', 'source-copyright', 'gdpr'])
    expect(a.text).toContain('ESA reports are copyright European Space Agency.')
  })

  it('staff copy: the staff-writers text, the publisher holds the copyright', () => {
    const a = resolve({ source: 5 })
    expect(kinds(a)).toEqual(['copyright', 'staff-writers', 'gdpr'])
    expect(a.copyrightHolder).toBe('Orbit Media Network')
    expect(a.byline).toBe('by Staff Writers')
  })

  it('CC licence: the CC notice and its URL', () => {
    const a = resolve({ source: 6 })
    expect(a.license).toBe('cc-by')
    expect(a.jsonLd.license).toBe('https://creativecommons.org/licenses/by/4.0/')
    expect(a.text).toContain('Licensed CC BY by Open Images Collective.')
  })
})

describe('resolveAttribution with several or no sources', () => {
  it('combines holders in order and shows each notice once', () => {
    const a = resolve({ source: 2, additionalSources: [1, 2] })
    expect(a.notices.filter((n) => n.kind === 'source-copyright')).toHaveLength(1)
    expect(a.copyrightHolder).toBe('United Press International and Agence France-Presse')
    expect(a.text).toContain('Wire copy is copyright United Press International and Agence France-Presse.')
    expect(a.credit).toBe('UPI, AFP')
  })

  it('a wire story with NASA material: both notices, the strictest licence, only AFP holds copyright', () => {
    const a = resolve({ source: 1, additionalSources: [3] })
    expect(kinds(a)).toEqual(['copyright', 'source-copyright', 'public-domain', 'gdpr'])
    expect(a.license).toBe('copyright')
    expect(a.copyrightHolder).toBe('Agence France-Presse')
    expect(a.text).toContain('NASA material is in the public domain.')
  })

  it('no source: the publisher’s own copy with site-wide notices only, and a warning', () => {
    const a = resolve({})
    expect(kinds(a)).toEqual(['copyright', 'gdpr'])
    expect(a.copyrightHolder).toBe('Orbit Media Network')
    expect(a.warnings).toEqual([expect.stringMatching(/no source/)])
  })

  it('a deleted or trashed source never fails: warnings, and the publisher’s notices', () => {
    const gone = resolve({ source: 999 })
    expect(gone.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/source 999 no longer exists/)]))
    expect(kinds(gone)).toEqual(['copyright', 'gdpr'])

    const trashed = resolve({ source: 1 }, { sources: [{ ...AFP, deletedAt: '2024-01-01T00:00:00.000Z' }] })
    expect(trashed.warnings).toEqual([expect.stringMatching(/AFP is in the trash/)])
    expect(trashed.copyrightHolder).toBe('Orbit Media Network')
  })

  it('a source no notice covers (its notice trashed or withdrawn) is named in the warnings', () => {
    const withoutWire = notices.map((n) => (n.id === 20 ? { ...n, deletedAt: '2024-06-01T00:00:00.000Z' } : n))
    const a = resolve({ source: 1, additionalSources: [3] }, { notices: withoutWire })
    expect(a.warnings).toEqual(['no notice in force covers source AFP (news-agency, copyright)'])
    expect(kinds(a)).toEqual(['copyright', 'public-domain', 'gdpr'])
    expect(resolve({ source: 1, additionalSources: [3] }).warnings).toEqual([])
  })

  it('{{site.name}} is the article’s site, or the publisher’s name when it has none', () => {
    const withSite = [notice(5, 'other', 5, 'Published on {{site.name}}.')]
    expect(resolve({ source: 1 }, { notices: withSite, variables: { site: { name: 'Orbital Times' } } }).text).toBe('Published on Orbital Times.')
    expect(resolve({ source: 1 }, { notices: withSite }).text).toBe('Published on Orbit Media Network.')
  })

  it('a notice kept to some sites applies on those sites only, never to an article with no site', () => {
    const kept = [...notices, notice(40, 'jurisdiction', 40, 'Governed by the law of Ruritania.', { scope: 'all', sites: [7, { id: 8 }] })]
    expect(kinds(resolve({ source: 1, site: 7 }, { notices: kept }))).toContain('jurisdiction')
    expect(kinds(resolve({ source: 1, site: 8 }, { notices: kept }))).toContain('jurisdiction')
    expect(kinds(resolve({ source: 1, site: 9 }, { notices: kept }))).not.toContain('jurisdiction')
    expect(kinds(resolve({ source: 1 }, { notices: kept }))).not.toContain('jurisdiction')
    // Several articles through one cache: the site is part of what is cached.
    const cache = new Map()
    expect(kinds(resolve({ source: 1, site: 7 }, { notices: kept, cache }))).toContain('jurisdiction')
    expect(kinds(resolve({ source: 1, site: 9 }, { notices: kept, cache }))).not.toContain('jurisdiction')
  })

  it('accepts populated sources (depth ≥ 1) as well as ids', () => {
    expect(resolve({ source: AFP }).copyrightHolder).toBe('Agence France-Presse')
  })
})

describe('resolveAttribution over time and status', () => {
  it('leaves out notices before effectiveFrom and from effectiveUntil on', () => {
    expect(kinds(resolve({ source: 1 }, { at: new Date('2018-05-24T23:59:59Z') }))).not.toContain('gdpr')
    expect(kinds(resolve({ source: 1 }, { at: new Date('2018-05-25T00:00:00Z') }))).toContain('gdpr')
    const ending = [...notices.slice(0, 6), { ...notices[6], effectiveUntil: '2024-07-03T12:00:00.000Z' }]
    expect(kinds(resolve({ source: 1 }, { notices: ending }))).not.toContain('gdpr')
  })

  it('leaves out drafts and trashed notices', () => {
    const changed = notices.map((n) =>
      n.id === 20 ? { ...n, _status: 'draft' as const } : n.id === 90 ? { ...n, deletedAt: '2024-01-01T00:00:00Z' } : n,
    )
    expect(kinds(resolve({ source: 1 }, { notices: changed }))).toEqual(['copyright'])
  })

  it('orders by `order`, then title, whatever the input order', () => {
    const a = resolve({ source: 1 }, { notices: [...notices].reverse() })
    expect(a.notices.map((n) => n.id)).toEqual([10, 20, 90])
    expect(a.text.split('\n\n')).toHaveLength(3)
  })

  it('uses the year of `at` for {{year}} and of publication for copyrightYear', () => {
    const a = resolve({ source: 1, publishedAt: '2019-03-01T00:00:00Z' }, { at: new Date('2026-01-01T00:00:00Z') })
    expect(a.copyrightYear).toBe(2019)
    expect(a.text).toContain('Copyright 1995-2026')
  })
})

describe('templates', () => {
  it('escapes values in HTML, not in text', () => {
    const a = resolve({ source: 1 }, { publisher: { ...publisher, name: 'Orbit <b>&</b> Co' } })
    expect(a.text).toContain('Orbit <b>&</b> Co')
    expect(a.html).toContain('Orbit &lt;b&gt;&amp;&lt;/b&gt; Co')
    expect(a.html).not.toContain('<b>&</b>')
  })

  it('finds the tags of a template and what is wrong with them', () => {
    const template = 'Copyright {{publisher.name}} {{ year }} {{source.holder}} {{{raw}}} {{open'
    expect(tagsIn(template).map(({ name, construct }) => name ?? construct ?? 'unclosed')).toEqual([
      'publisher.name',
      'year',
      'source.holder',
      '{{{',
      'unclosed',
    ])
    const root = (body(template) as { root: object }).root
    expect(problemsIn(root, { publisher: { name: 'x' }, year: 1, source: { name: 'y' } })).toEqual([
      { kind: 'unknown', tag: '{{source.holder}}' },
      { kind: 'construct', construct: '{{{', tag: '{{{raw}}}' },
      { kind: 'unclosed', tag: '{{open' },
    ])
  })
})
