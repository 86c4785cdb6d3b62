/** The page cache's vocabulary: what pages declare and what each change expires, and that the two meet exactly. */
import { describe, expect, it } from '@jest/globals'

import {
  articleChangeTags,
  articlePageTags,
  feedTags,
  listingPageTags,
  noticeChangeTags,
  publisherChangeTags,
  sectionChangeTags,
  sitemapTags,
  siteChangeTags,
  sourceChangeTags,
  TAGS,
} from '@/pageCache/vocabulary'

const AFP = { id: 1, kind: 'news-agency', license: 'copyright' }
const NASA = { id: 2, kind: 'space-agency', license: 'public-domain' }
const SITE = 7
const OTHER_SITE = 8

/** An AFP story on SITE showing notices 10 and 11, linking to article 99. */
const afpPage = articlePageTags(
  { id: 100, source: AFP, additionalSources: [], section: 3, relatedArticles: [{ id: 99 }], attribution: { notices: [{ id: 10 }, { id: 11 }] } },
  SITE,
)
/** A NASA story on SITE. */
const nasaPage = articlePageTags({ id: 200, source: NASA, section: 3, attribution: { notices: [{ id: 10 }] } }, SITE)
/** The site's home listing both. */
const home = listingPageTags(SITE, [3, 4], [
  { id: 100, source: 1, additionalSources: [] },
  { id: 200, source: 2 },
])

const meets = (page: string[], change: string[]) => change.some((tag) => page.includes(tag))

const notice = (appliesTo: object, extra: object = {}) => ({ id: 50, _status: 'published', appliesTo, ...extra })

describe('what pages declare', () => {
  it('an article page: the article, site, publisher, sources, every notice scope that could reach it, its notices, its related articles', () => {
    expect(afpPage).toEqual(
      expect.arrayContaining([
        TAGS.article(100),
        TAGS.site(SITE),
        TAGS.publisher(),
        TAGS.source(1),
        TAGS.noticesForAll(),
        TAGS.noticesForAll(SITE),
        TAGS.noticesForSource(1),
        TAGS.noticesForSourceKind('news-agency'),
        TAGS.noticesForLicence('copyright'),
        TAGS.noticesForSource(1, SITE),
        TAGS.notice(10),
        TAGS.notice(11),
        TAGS.article(99),
      ]),
    )
    // Not its section's list: another article there changes nothing on this page.
    expect(afpPage).not.toContain(TAGS.section(3))
    expect(new Set(afpPage).size).toBe(afpPage.length)
  })

  it('a listing: the site, its sections, each teaser’s article and credited sources, the publisher; no notice scope', () => {
    expect(home).toEqual(
      expect.arrayContaining([TAGS.site(SITE), TAGS.section(3), TAGS.section(4), TAGS.article(100), TAGS.article(200), TAGS.source(1), TAGS.source(2), TAGS.publisher()]),
    )
    expect(home.some((tag) => tag.startsWith('notices:'))).toBe(false)
  })
})

describe('what changes expire', () => {
  const published = { id: 100, _status: 'published', section: 3, publishedAt: '2024-07-03T00:00:00.000Z', slug: 'summit', headline: 'Summit' }

  it('publishing, unpublishing or trashing an article: the article and its section’s lists', () => {
    expect(articleChangeTags(null, published).sort()).toEqual([TAGS.article(100), TAGS.section(3)].sort())
    expect(articleChangeTags(published, null).sort()).toEqual([TAGS.article(100), TAGS.section(3)].sort())
  })

  it('editing a published article’s text: its pages only; moving it: both sections’ lists', () => {
    expect(articleChangeTags(published, { ...published, headline: 'Summit ends' })).toEqual([TAGS.article(100)])
    expect(articleChangeTags(published, { ...published, section: { id: 4, name: 'Populated' } }).sort()).toEqual(
      [TAGS.article(100), TAGS.section(3), TAGS.section(4)].sort(),
    )
    expect(articleChangeTags(published, { ...published, slug: 'summit-2' })).toContain(TAGS.section(3))
  })

  it('nothing seen before or after (a draft never published): nothing', () => {
    expect(articleChangeTags(null, null)).toEqual([])
  })

  it('an article edit meets its own page, its teasers and the pages linking to it, not another article’s page', () => {
    const edit = articleChangeTags(published, { ...published, headline: 'x' })
    expect(meets(afpPage, edit)).toBe(true)
    expect(meets(home, edit)).toBe(true)
    expect(meets(nasaPage, edit)).toBe(false)
    expect(meets(afpPage, articleChangeTags({ ...published, id: 99 }, { ...published, id: 99, headline: 'y' }))).toBe(true)
  })

  it('a section: its list and every page of its site, before and after a move', () => {
    expect(sectionChangeTags({ id: 3, site: SITE }, { id: 3, site: OTHER_SITE }).sort()).toEqual([TAGS.section(3), TAGS.site(SITE), TAGS.site(OTHER_SITE)].sort())
    expect(sectionChangeTags(null, { id: 5, site: SITE })).toContain(TAGS.site(SITE))
  })

  it('a site: its pages and the network’s list', () => {
    expect(siteChangeTags({ id: SITE }, { id: SITE })).toEqual([TAGS.site(SITE), TAGS.sites()])
  })

  it('a source: its tag when what pages show of it changed; not for a rights proposal or a new source', () => {
    const before = { id: 1, name: 'Agence France-Presse', credit: 'AFP', license: 'copyright', rightsProposal: null }
    expect(sourceChangeTags(before, { ...before, credit: 'AFP/Getty' })).toEqual([TAGS.source(1)])
    expect(sourceChangeTags(before, { ...before, license: 'cc-by' })).toEqual([TAGS.source(1)])
    expect(sourceChangeTags(before, { ...before, deletedAt: '2024-01-01T00:00:00.000Z' })).toEqual([TAGS.source(1)])
    expect(sourceChangeTags(before, { ...before, rightsProposal: { license: 'cc-by', state: 'in-review' } })).toEqual([])
    expect(sourceChangeTags(null, before)).toEqual([])
    const change = sourceChangeTags(before, { ...before, credit: 'AFP/Getty' })
    expect(meets(afpPage, change) && meets(home, change)).toBe(true)
    expect(meets(nasaPage, change)).toBe(false)
  })

  it('the publisher: every page', () => {
    for (const page of [afpPage, nasaPage, home]) expect(meets(page, publisherChangeTags())).toBe(true)
  })
})

describe('notices', () => {
  it('a notice scoped to one source expires that source’s articles, not another source’s, and no listing', () => {
    const change = noticeChangeTags(null, notice({ scope: 'sources', sources: [1] }))
    expect(change).toEqual(expect.arrayContaining([TAGS.notice(50), TAGS.noticesForSource(1)]))
    expect(meets(afpPage, change)).toBe(true)
    expect(meets(nasaPage, change)).toBe(false)
    expect(meets(home, change)).toBe(false)
  })

  it('its scope before and after a change: moved from AFP to NASA, both sources’ articles', () => {
    const change = noticeChangeTags(notice({ scope: 'sources', sources: [{ id: 1 }] }), notice({ scope: 'sources', sources: [2] }))
    expect(meets(afpPage, change) && meets(nasaPage, change)).toBe(true)
  })

  it('by kind and by licence: the articles of sources of that kind or licence', () => {
    const byKind = noticeChangeTags(null, notice({ scope: 'source-kinds', sourceKinds: ['space-agency'] }))
    expect(meets(nasaPage, byKind)).toBe(true)
    expect(meets(afpPage, byKind)).toBe(false)
    const byLicence = noticeChangeTags(notice({ scope: 'licenses', licenses: ['copyright'] }), null)
    expect(meets(afpPage, byLicence)).toBe(true)
    expect(meets(nasaPage, byLicence)).toBe(false)
  })

  it('for all: every article page, no listing', () => {
    const change = noticeChangeTags(notice({ scope: 'all' }), notice({ scope: 'all' }))
    expect(change).toContain(TAGS.noticesForAll())
    expect(meets(afpPage, change) && meets(nasaPage, change)).toBe(true)
    expect(meets(home, change)).toBe(false)
  })

  it('kept to some sites: those sites’ articles in its scope only', () => {
    const change = noticeChangeTags(null, notice({ scope: 'sources', sources: [1], sites: [OTHER_SITE] }))
    expect(change).toEqual([TAGS.notice(50), TAGS.noticesForSource(1, OTHER_SITE)])
    expect(meets(afpPage, change)).toBe(false)
    const onOther = articlePageTags({ id: 300, source: AFP, attribution: { notices: [] } }, OTHER_SITE)
    expect(meets(onOther, change)).toBe(true)
    const allOnSite = noticeChangeTags(null, notice({ scope: 'all', sites: [SITE] }))
    expect(meets(afpPage, allOnSite) && meets(nasaPage, allOnSite)).toBe(true)
    expect(meets(onOther, allOnSite)).toBe(false)
  })

  it('shown on a page, whatever its scope says now: the page showing it', () => {
    expect(meets(nasaPage, noticeChangeTags(notice({ scope: 'sources', sources: [1] }, { id: 10 }), null))).toBe(true)
  })
})

describe('feeds and sitemaps', () => {
  /** SITE's RSS feed with the AFP story (notices 10, 11) and the NASA story. */
  const rss = feedTags(SITE, [3, 4], [
    { id: 100, source: AFP, additionalSources: [], section: 3, attribution: { notices: [{ id: 10 }, { id: 11 }] } },
    { id: 200, source: NASA, section: 3, attribution: { notices: [{ id: 10 }] } },
  ])
  const sitemap = sitemapTags(SITE, [3, 4], [100, 200])
  const published = { id: 100, _status: 'published', section: 3, slug: 'a', publishedAt: '2026-12-01T00:00:00.000Z' }

  it('the feed declares what a listing does, and what each item’s rights are made of; not the related articles', () => {
    expect(rss).toEqual(expect.arrayContaining(home))
    expect(rss).toEqual(expect.arrayContaining([TAGS.noticesForSource(1), TAGS.noticesForSourceKind('space-agency', SITE), TAGS.notice(11)]))
    expect(rss).not.toContain(TAGS.article(99))
    expect(sitemap).toEqual([TAGS.site(SITE), TAGS.section(3), TAGS.section(4), TAGS.article(100), TAGS.article(200)])
  })

  it('a story published, unpublished, lifted from its embargo or past its window (the scheduler’s change): both', () => {
    const publish = articleChangeTags(null, { ...published, id: 500 })
    const unpublish = articleChangeTags(published, null)
    for (const change of [publish, unpublish]) expect(meets(rss, change) && meets(sitemap, change)).toBe(true)
  })

  it('a story withdrawn or its text edited: the feed and sitemap holding it', () => {
    const change = articleChangeTags(published, { ...published, headline: 'changed', withdrawn: { at: '2026-12-02T00:00:00.000Z' } })
    expect(meets(rss, change) && meets(sitemap, change)).toBe(true)
  })

  it('a notice in force for a story of the feed, its source, the publisher: the feed (its dc:rights), not the sitemap', () => {
    for (const change of [
      noticeChangeTags(null, notice({ scope: 'sources', sources: [2] })),
      noticeChangeTags(null, notice({ scope: 'all', sites: [SITE] })),
      sourceChangeTags({ id: 1, name: 'AFP' }, { id: 1, name: 'Agence France-Presse' }),
      publisherChangeTags(),
    ]) {
      expect(meets(rss, change)).toBe(true)
      expect(meets(sitemap, change)).toBe(false)
    }
    expect(meets(rss, noticeChangeTags(null, notice({ scope: 'all', sites: [OTHER_SITE] })))).toBe(false)
  })

  it('the site renamed or moved to another domain: all of them', () => {
    const change = siteChangeTags({ id: SITE }, { id: SITE })
    expect(meets(rss, change) && meets(sitemap, change)).toBe(true)
  })
})
