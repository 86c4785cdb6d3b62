/** The sites' feeds and sitemaps as documents: XML built and escaped by the builder, read back; the address rules; the copyright line. */
import { describe, expect, it } from '@jest/globals'
import { copyrightNotice } from '@wirehouse/payload-plugin-attribution'
import { XMLParser } from 'fast-xml-parser'
import Parser from 'rss-parser'

import type { Section } from '../../payload-types'

import type { FeedArticle, MappedArticle } from '@/site/data'

import { STORED_TYPES } from '@/pageCache/middleware'
import { decodablePath } from '@/server/malformedPath'
import { requestOrigin, siteAddress } from '@/site/feeds/address'
import { FEED_TYPES } from '@/site/feeds/respond'
import { buildRss, rfc822 } from '@/site/feeds/rss'
import { buildNewsSitemap, buildRobots, buildSitemap } from '@/site/feeds/sitemap'
import { xmlDocument, xmlText } from '@/site/feeds/xml'

const HOSTILE = 'Fish & chips <b>bold</b> ]]> "quoted" \'single\' \u0001\u0008\u000B\u001F\uFFFE end'
const CLEAN = 'Fish & chips <b>bold</b> ]]> "quoted" \'single\'  end'

const section = { id: 3, name: 'World & <Politics>', slug: 'world', site: 7 } as Section
const address = siteAddress({ domain: 'example.com', ownHost: true, origin: 'http://ignored' })

const article = (id: number, extra: Partial<FeedArticle> = {}): FeedArticle => ({
  id,
  headline: `${HOSTILE} ${id}`,
  slug: `story-${id}`,
  summary: `Summary ${HOSTILE}`,
  byline: 'Raw byline',
  publishedAt: `2026-12-0${id}T10:00:00.000Z`,
  section: 3,
  source: 1,
  additionalSources: [],
  attribution: {
    credit: 'AFP & Co',
    byline: 'Jane <Doe>',
    copyrightHolder: 'Agence France-Presse',
    copyrightYear: 2026,
    license: 'copyright',
    notices: [{ kind: 'copyright', text: `© 2026 AFP ${HOSTILE}` }, { kind: 'disclaimer', text: 'Not rights' }],
  },
  ...extra,
})

const parser = new Parser({ customFields: { item: ['dc:creator', 'dc:rights', 'media:credit'] } })

describe('XML building', () => {
  it('escapes every hostile character and drops what XML cannot carry', () => {
    expect(xmlText(HOSTILE)).toBe(CLEAN)
    expect(xmlText('\u0001 ')).toBeUndefined()
    // A lone surrogate is dropped; a pair stays.
    expect(xmlText('a\uD800b\uD83D\uDE00')).toBe('ab\uD83D\uDE00')
    const xml = xmlDocument({ root: { '@_attr': HOSTILE, text: HOSTILE } })
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    expect(xml).not.toContain(']]>')
    expect([...xml].some((c) => c < ' ' && !'\t\n\r'.includes(c))).toBe(false)
    const read = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml)
    expect(read.root.text).toBe(CLEAN)
    expect(read.root['@_attr']).toBe(CLEAN)
  })

  it('leaves out empty elements', () => {
    expect(xmlDocument({ root: { a: '', b: undefined, c: 'x' } })).not.toMatch(/<a|<b/)
  })
})

describe('the RSS feed', () => {
  const xml = buildRss({ site: { name: 'Example & Co', masthead: null }, sections: [section], articles: [article(2), article(1)], address })

  it('reads back with rss-parser: channel, items, and each item’s rights', async () => {
    const feed = await parser.parseString(xml)
    expect(feed.title).toBe('Example & Co')
    expect(feed.link).toBe('https://example.com/')
    expect(feed.language).toBe('en')
    expect(feed.items).toHaveLength(2)
    const [first] = feed.items
    expect(first.title).toBe(`${CLEAN} 2`)
    expect(first.link).toBe('https://example.com/world/story-2')
    expect(first.guid).toBe('https://example.com/world/story-2')
    expect(first.pubDate).toBe('Wed, 02 Dec 2026 10:00:00 GMT')
    expect(first.content).toBe(`Summary ${CLEAN}`)
    expect(first.categories).toEqual(['World & <Politics>'])
    expect(first['dc:creator']).toBe('Jane <Doe>')
    expect(first['dc:rights']).toBe(`© 2026 AFP ${CLEAN}`)
    expect(first['media:credit']).toBe('AFP & Co')
  })

  it('declares its namespaces and its own address (atom:link rel=self)', () => {
    const read = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml)
    expect(read.rss['@_version']).toBe('2.0')
    expect(read.rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/')
    expect(read.rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/')
    expect(read.rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom')
    expect(read.rss.channel['atom:link']).toEqual({ '@_href': 'https://example.com/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' })
    expect(read.rss.channel.item[0].guid['@_isPermaLink']).toBe('true')
  })

  it('an empty site is a valid feed with no items', async () => {
    const feed = await parser.parseString(buildRss({ site: { name: 'Empty', masthead: 'M' }, sections: [], articles: [], address }))
    expect(feed.items).toEqual([])
    expect(feed.description).toBe('M')
  })

  it('dates are RFC 822, in GMT', () => {
    expect(rfc822('2026-01-05T08:09:10.000Z')).toBe('Mon, 05 Jan 2026 08:09:10 GMT')
    expect(rfc822('nope')).toBeUndefined()
    expect(rfc822(null)).toBeUndefined()
  })
})

describe('the copyright line (one home for ninjs and RSS)', () => {
  it('is the rights notices’ texts, one a line, else © year holder, else none', () => {
    const notices = [
      { kind: 'copyright', text: ' © AFP ' },
      { kind: 'disclaimer', text: 'no' },
      { kind: 'source-copyright', text: 'Reuters' },
    ]
    expect(copyrightNotice({ copyrightHolder: 'AFP', copyrightYear: 2026, notices })).toBe('© AFP\nReuters')
    expect(copyrightNotice({ copyrightHolder: 'AFP', copyrightYear: 2026, notices: [] })).toBe('© 2026 AFP')
    expect(copyrightNotice({ copyrightHolder: null, copyrightYear: 2026, notices: null })).toBeUndefined()
    expect(copyrightNotice(null)).toBeUndefined()
  })
})

describe('the sitemaps', () => {
  const mapped = (id: number, extra: Partial<MappedArticle> = {}): MappedArticle => ({
    id,
    headline: `${HOSTILE} ${id}`,
    slug: `story-${id}`,
    section: 3,
    publishedAt: '2026-12-03T10:00:00.000Z',
    updatedAt: '2026-12-03T11:00:00.000Z',
    ...extra,
  })
  const read = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'url' }).parse(xml)

  it('the sitemap lists the home, the sections and the articles with their last change; an article without a section is left out', () => {
    const map = read(buildSitemap({ sections: [section], articles: [mapped(1), mapped(2, { section: 99 })], address }))
    expect(map.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(map.urlset.url).toEqual([
      { loc: 'https://example.com/' },
      { loc: 'https://example.com/world' },
      { loc: 'https://example.com/world/story-1', lastmod: '2026-12-03T11:00:00.000Z' },
    ])
  })

  it('the news sitemap names the publication and language, the date and the title, escaped', () => {
    const map = read(buildNewsSitemap({ site: { name: 'Example & Co' }, sections: [section], articles: [mapped(1)], address }))
    expect(map.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    expect(map.urlset.url[0]).toEqual({
      loc: 'https://example.com/world/story-1',
      'news:news': {
        'news:publication': { 'news:name': 'Example & Co', 'news:language': 'en' },
        'news:publication_date': '2026-12-03T10:00:00.000Z',
        'news:title': `${CLEAN} 1`,
      },
    })
  })

  it('robots.txt names both sitemaps by absolute address', () => {
    expect(buildRobots(address).split('\n')).toEqual(
      expect.arrayContaining(['User-agent: *', 'Sitemap: https://example.com/sitemap.xml', 'Sitemap: https://example.com/news-sitemap.xml']),
    )
  })
})

describe('a site’s public address', () => {
  it('on its own host: https://<domain>, as its canonical URLs', () => {
    expect(address.base).toBe('https://example.com')
    expect(address.article('world', 'a')).toBe('https://example.com/world/a')
    expect(address.file('rss.xml')).toBe('https://example.com/rss.xml')
  })

  it('elsewhere: the request’s origin and /s/<domain>', () => {
    const path = siteAddress({ domain: 'example.com', ownHost: false, origin: requestOrigin('localhost:3000', 'http://127.0.0.1:3000/s/example.com/rss.xml') })
    expect(path.home).toBe('http://localhost:3000/s/example.com/')
    expect(path.section('world')).toBe('http://localhost:3000/s/example.com/world')
    expect(path.file('sitemap.xml')).toBe('http://localhost:3000/s/example.com/sitemap.xml')
    // A Host that is no host name is not written into a link.
    expect(requestOrigin('evil"><x', 'https://127.0.0.1/s/example.com/rss.xml')).toBe('https://127.0.0.1')
    expect(requestOrigin(null, 'http://127.0.0.1:3000/x')).toBe('http://127.0.0.1:3000')
  })
})

describe('serving them', () => {
  it('each answers with its media type, which the page cache keeps', () => {
    expect(FEED_TYPES.rss).toBe('application/rss+xml; charset=utf-8')
    for (const type of Object.values(FEED_TYPES)) expect(STORED_TYPES.test(type)).toBe(true)
    expect(STORED_TYPES.test('text/html; charset=utf-8')).toBe(true)
    expect(STORED_TYPES.test('application/json')).toBe(false)
    expect(STORED_TYPES.test('application/xml-dtd')).toBe(false)
  })

  it('a path with a malformed percent-escape is refused; its query is not the path', () => {
    expect(decodablePath('/s/x/%E0%A4%A')).toBe(false)
    expect(decodablePath('/s/x/%')).toBe(false)
    expect(decodablePath('/s/x/caf%C3%A9?q=%E0')).toBe(true)
    expect(decodablePath('/s/example.com/rss.xml')).toBe(true)
  })
})
