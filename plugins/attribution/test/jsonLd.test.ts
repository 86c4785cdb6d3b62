import { describe, expect, it } from '@jest/globals'

import type { SourceInput } from '../src/types.ts'

import { type Decided, newsArticleJsonLd } from '../src/jsonLd.ts'
import { isAbsoluteUrl } from '../src/utilities/web.ts'
import { resolveAttribution } from '../src/resolve.ts'

const AFP: SourceInput = {
  id: 1,
  name: 'Agence France-Presse',
  code: 'AFP',
  kind: 'news-agency',
  license: 'copyright',
  copyrightHolder: 'Agence France-Presse',
  credit: 'AFP',
  bylineAliases: ['AFP Staff Writers'],
}
const NASA: SourceInput = { id: 3, name: 'NASA', code: 'NASA', kind: 'government', license: 'public-domain', credit: 'NASA' }

const publisher = {
  name: 'Orbit Media Network',
  copyrightStartYear: 1995,
  logo: { url: 'https://cdn.example/api/media/file/logo.png', width: 600, height: 60 },
}
const decided = (more: Partial<Decided> = {}): Decided => ({
  sources: [AFP],
  credit: 'AFP',
  copyrightHolder: 'Agence France-Presse',
  copyrightYear: 2019,
  license: 'copyright',
  owner: 'Orbit Media Network',
  publisherName: 'Orbit Media Network',
  ...more,
})

const article = {
  headline: 'Kazakhstan hosts a summit',
  summary: 'Leaders meet in Astana.',
  byline: 'AFP Staff Writers',
  publishedAt: '2026-12-03T09:00:00.000Z',
  updatedAt: '2026-12-03T10:30:00.000Z',
  dateline: { place: 'Astana, Kazakhstan', date: '2019-07-03T00:00:00.000Z' },
  url: 'https://www.spacewar.example/superpowers/kazakhstan-hosts-a-summit',
}

const authorOf = (byline: null | string, more: Partial<Decided> = {}) => newsArticleJsonLd({ ...article, byline }, publisher, decided(more)).author

describe('newsArticleJsonLd', () => {
  it('is a complete NewsArticle on its own', () => {
    expect(newsArticleJsonLd(article, publisher, decided())).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Kazakhstan hosts a summit',
      description: 'Leaders meet in Astana.',
      url: article.url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
      datePublished: '2026-12-03T09:00:00.000Z',
      dateModified: '2026-12-03T10:30:00.000Z',
      author: { '@type': 'Organization', name: 'Agence France-Presse' },
      publisher: {
        '@type': 'Organization',
        name: 'Orbit Media Network',
        logo: { '@type': 'ImageObject', url: 'https://cdn.example/api/media/file/logo.png', width: 600, height: 60 },
      },
      copyrightHolder: { '@type': 'Organization', name: 'Agence France-Presse' },
      copyrightYear: 2019,
      creditText: 'AFP',
      license: { '@type': 'CreativeWork', name: 'All rights reserved' },
      isAccessibleForFree: true,
      sourceOrganization: [{ '@type': 'Organization', name: 'Agence France-Presse' }],
      dateline: 'Astana, Kazakhstan',
    })
  })

  it('gives dates in ISO 8601 with their zone, whatever the database returned', () => {
    const ld = newsArticleJsonLd({ publishedAt: '2024-07-03 08:15:00+02', updatedAt: 'not a date' }, publisher, decided())
    expect(ld.datePublished).toBe('2024-07-03T06:15:00.000Z')
    expect(ld.dateModified).toBe('2024-07-03T06:15:00.000Z')
    expect(newsArticleJsonLd({}, publisher, decided())).not.toHaveProperty('datePublished')
  })

  it('names a person for a person’s byline, an organisation for a desk or an agency', () => {
    expect(authorOf('By Jane Doe')).toEqual({ '@type': 'Person', name: 'Jane Doe' })
    expect(authorOf('By Bernard Condon, AP Business Writer')).toEqual({ '@type': 'Person', name: 'Bernard Condon' })
    expect(authorOf('Jane Doe and John Roe')).toEqual([
      { '@type': 'Person', name: 'Jane Doe' },
      { '@type': 'Person', name: 'John Roe' },
    ])
    // A source's byline alias, name, code or credit, alone or before a desk: the source.
    for (const byline of ['AFP Staff Writers', 'by afp', 'AFP Staff', 'Agence France-Presse']) {
      expect(authorOf(byline)).toEqual({ '@type': 'Organization', name: 'Agence France-Presse' })
    }
    // A generic desk: the primary source, or for copy without a source its owner.
    expect(authorOf('Staff Writers')).toEqual({ '@type': 'Organization', name: 'Agence France-Presse' })
    expect(authorOf('SpaceDaily Staff Writers', { sources: [NASA] })).toEqual({ '@type': 'Organization', name: 'NASA' })
    expect(authorOf('Staff Writers', { sources: [] })).toEqual({ '@type': 'Organization', name: 'Orbit Media Network' })
    expect(authorOf(null, { sources: [], owner: 'Thomson Reuters' })).toEqual({ '@type': 'Organization', name: 'Thomson Reuters' })
    expect(authorOf('', { sources: [NASA] })).toEqual({ '@type': 'Organization', name: 'NASA' })
    // The publisher's own desk (a source under copyright without a holder of its own): the publisher.
    const desk: SourceInput = { id: 5, name: 'Staff Writers', code: 'SPX', license: 'copyright', copyrightHolder: '', bylineAliases: ['Staff Writers'] }
    expect(authorOf('by Staff Writers', { sources: [desk] })).toEqual({ '@type': 'Organization', name: 'Orbit Media Network' })
  })

  it('states the licence by URL where there is one, and leaves out the holder of public-domain copy', () => {
    const ld = newsArticleJsonLd(article, publisher, decided({ sources: [NASA], license: 'public-domain', copyrightHolder: null, credit: 'NASA' }))
    expect(ld.license).toBe('https://creativecommons.org/publicdomain/mark/1.0/')
    expect(ld).not.toHaveProperty('copyrightHolder')
  })

  it('has no url without an absolute one, and no logo without an absolute URL', () => {
    for (const url of [null, '', '/superpowers/x', 'javascript:alert(1)', 'www.example/x']) {
      const ld = newsArticleJsonLd({ ...article, url }, { name: 'P', logo: { url: '/api/media/file/logo.png' } }, decided())
      expect(ld).not.toHaveProperty('url')
      expect(ld).not.toHaveProperty('mainEntityOfPage')
      expect(ld.publisher).toEqual({ '@type': 'Organization', name: 'Orbit Media Network' })
    }
    expect(isAbsoluteUrl('https://a.example/x')).toBe(true)
    expect(isAbsoluteUrl('ftp://a.example/x')).toBe(false)
  })
})

describe('resolveAttribution’s JSON-LD and year', () => {
  const resolve = (more: Parameters<typeof resolveAttribution>[0]['article'], pub: typeof publisher | { name: string; logo?: { url: string } } = publisher) =>
    resolveAttribution({ article: more, sources: [AFP, NASA], notices: [], publisher: pub, at: new Date('2026-12-03T12:00:00.000Z') })

  it('is the builder’s NewsArticle', () => {
    const a = resolve({ ...article, source: 1 })
    expect(a.jsonLd).toEqual(newsArticleJsonLd({ ...article, source: 1 }, publisher, decided()))
  })

  it('dates the copyright by the story (dateline date), not by its publication or now', () => {
    expect(resolve({ ...article, source: 1 }).copyrightYear).toBe(2019)
    expect(resolve({ source: 1, publishedAt: '2024-01-05T00:00:00.000Z' }).copyrightYear).toBe(2024)
    expect(resolve({ source: 1 }).copyrightYear).toBe(2026)
    expect(resolve({ source: 1, dateline: { date: '2019-07-03T00:00:00.000Z' } }).jsonLd.copyrightYear).toBe(2019)
  })

  it('attributes copy without a source to the rights holder the wire named, else the publisher', () => {
    const wire = resolve({ byline: 'Staff Writers', wireRights: { holder: ' Thomson Reuters ', notice: '© 2019 Reuters' } })
    expect(wire).toMatchObject({ copyrightHolder: 'Thomson Reuters', credit: 'Thomson Reuters', license: 'copyright' })
    expect(wire.jsonLd).toMatchObject({
      copyrightHolder: { '@type': 'Organization', name: 'Thomson Reuters' },
      creditText: 'Thomson Reuters',
      author: { '@type': 'Organization', name: 'Thomson Reuters' },
    })
    expect(wire.warnings).toEqual(['no source: attributed to Thomson Reuters, the rights holder the wire named'])
    expect(resolve({ wireRights: { holder: '' } }).copyrightHolder).toBe('Orbit Media Network')
    // With a source, the source's reviewed rights win over what the wire said.
    expect(resolve({ source: 1, wireRights: { holder: 'Someone Else' } }).copyrightHolder).toBe('Agence France-Presse')
  })

  it('puts a relative logo on the article’s own host; without a public URL, leaves it out', () => {
    const relative = { name: 'Orbit', logo: { url: '/api/media/file/logo.png' } }
    const published = resolve({ source: 1, url: 'https://orbitaltimes.example/launch-pad/x' }, relative)
    expect(published.jsonLd.publisher).toMatchObject({ logo: { '@type': 'ImageObject', url: 'https://orbitaltimes.example/api/media/file/logo.png' } })
    expect(published.warnings.filter((w) => w.includes('logo'))).toEqual([])
    const draft = resolve({ source: 1 }, relative)
    expect(draft.jsonLd.publisher).toEqual({ '@type': 'Organization', name: 'Orbit' })
    expect(draft.warnings.filter((w) => w.includes('logo'))).toEqual([])
  })
})
