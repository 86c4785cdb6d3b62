import type { Where } from 'payload'

import config from '@payload-config'
import { unstable_cache } from 'next/cache.js'
import { getPayload } from 'payload'
import { cache } from 'react'

import type { Article, Section, Site } from '../../payload-types'

import type { GoneStory } from './tombstone'

import { currentGeneration } from './generation'

const payload = () => getPayload({ config })

/** Read once per request: the pages of one request see one generation. */
const generation = cache(async () => currentGeneration(await payload()))

/**
 * What the public pages read, through the Local API as an anonymous reader (published content
 * only, access rules applied). Cached in Next's cache (each instance's memory, or Redis shared by
 * all with `REDIS_URL`: `cache-handler.mjs`) under the current generation (`./generation.ts`),
 * which every change the pages show replaces, and so does a notice coming into force at its time
 * (`src/pageCache/scheduler.ts`): every instance reads afresh after a change wherever it was
 * saved. A minute at most besides, should a scheduled notice's moment pass with no scheduler running.
 */
const cached = <A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>) => {
  const stored = unstable_cache((_generation: string, ...args: A) => read(...args), ['wirehouse', name], { revalidate: 60 })
  return async (...args: A): Promise<R> => stored(await generation(), ...args)
}

/** Fields of an article in a list: no body. */
const TEASER = {
  headline: true,
  slug: true,
  summary: true,
  dateline: true,
  publishedAt: true,
  section: true,
  // The sources its credit names, for the page cache's tags.
  source: true,
  additionalSources: true,
  attribution: { credit: true },
} as const

export type Teaser = Pick<Article, 'additionalSources' | 'dateline' | 'headline' | 'id' | 'publishedAt' | 'slug' | 'source' | 'summary'> & {
  attribution?: Pick<NonNullable<Article['attribution']>, 'credit'> | null
}

export const siteByDomain = cached('site', async (domain: string): Promise<null | Site> => {
  const { docs } = await (await payload()).find({
    collection: 'sites',
    where: { domain: { equals: domain } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  return docs[0] ?? null
})

export const allSites = cached('sites', async (): Promise<Site[]> => {
  const { docs } = await (await payload()).find({ collection: 'sites', sort: 'name', pagination: false, depth: 0, overrideAccess: false })
  return docs
})

const sectionsOf = async (siteId: number): Promise<Section[]> => {
  const { docs } = await (await payload()).find({
    collection: 'sections',
    where: { site: { equals: siteId } },
    sort: 'name',
    pagination: false,
    depth: 0,
    overrideAccess: false,
  })
  return docs
}

/** The latest published articles; `page` to page through them (and count them), else the first `limit`. */
const latest = async (where: Where, limit: number, page?: number) =>
  (await payload()).find({
    collection: 'articles',
    where,
    sort: '-publishedAt',
    limit,
    // Without paging, no count of every article the section has.
    ...(page === undefined ? { pagination: false } : { page }),
    depth: 0,
    select: TEASER,
    overrideAccess: false,
  })

/** A site's sections by name. */
export const siteSections = cached('sections', sectionsOf)

/** A site's sections, each with its latest articles. */
export const siteHome = cached('home', async (siteId: number, perSection: number) => {
  const sections = await sectionsOf(siteId)
  return Promise.all(
    sections.map(async (section) => ({
      section,
      articles: (await latest({ section: { equals: section.id } }, perSection)).docs as Teaser[],
    })),
  )
})

/** A section of a site by its slug, with a page of its latest articles. */
export const sectionPage = cached('section', async (siteId: number, slug: string, page: number) => {
  const section = (await sectionsOf(siteId)).find((s) => s.slug === slug)
  if (!section) return null
  const result = await latest({ section: { equals: section.id } }, 20, page)
  return { section, articles: result.docs as Teaser[], page: result.page ?? 1, totalPages: result.totalPages }
})

type ArticleQuery = { siteId: number; section: string; slug: string }

const readArticle = async ({ siteId, section, slug }: ArticleQuery, preview?: { headers: Headers }) => {
  const client = await payload()
  const user = preview ? (await client.auth({ headers: preview.headers })).user : null
  const { docs } = await client.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 2,
    draft: Boolean(preview && user),
    user,
    overrideAccess: false,
  })
  const article = docs[0]
  const home = article?.section && typeof article.section === 'object' ? article.section : undefined
  const siteOf = home && (typeof home.site === 'object' ? home.site.id : home.site)
  return article && home?.slug === section && siteOf === siteId ? article : null
}

/** A published article of the site, in the section it is filed in. */
export const publishedArticle = cached('article', (query: ArticleQuery) => readArticle(query))

/** The latest version, draft or not, for a signed-in editor in draft mode (live preview): never cached. */
export const previewArticle = (query: ArticleQuery, headers: Headers) => readArticle(query, { headers })

/**
 * A published story of the site, in the section it is filed in, that readers do not see (withdrawn,
 * embargoed, past its usage window), for its tombstone (`./tombstone.ts`): read past the access
 * rules, only what the tombstone needs. Null when there is no such published story (a draft, the
 * trash, another section). Cached under the generation like every read: a restore or any change
 * of the story or its source writes a new one. Whether it is gone is decided at each render.
 */
export const goneStory = cached('gone', async ({ siteId, section, slug }: ArticleQuery): Promise<GoneStory | null> => {
  const client = await payload()
  const home = (await sectionsOf(siteId)).find((s) => s.slug === section)
  if (!home) return null
  const { docs } = await client.find({
    collection: 'articles',
    where: { and: [{ slug: { equals: slug } }, { section: { equals: home.id } }, { _status: { equals: 'published' } }] },
    limit: 1,
    pagination: false,
    depth: 0,
    select: { source: true, embargoUntil: true, withdrawn: true, dateline: true, publishedAt: true },
    overrideAccess: true,
  })
  const story = docs[0]
  if (!story) return null
  const sourceId = typeof story.source === 'object' && story.source ? story.source.id : story.source
  const source = sourceId
    ? await client.findByID({ collection: 'wire-sources', id: sourceId, depth: 0, select: { name: true, usage: true }, trash: true, disableErrors: true, overrideAccess: true })
    : null
  return {
    id: story.id,
    embargoUntil: story.embargoUntil ?? null,
    withdrawn: story.withdrawn ? { at: story.withdrawn.at ?? null, reason: story.withdrawn.reason ?? null, message: story.withdrawn.message ?? null } : null,
    dateline: { date: story.dateline?.date ?? null },
    publishedAt: story.publishedAt ?? null,
    source: source ? { id: source.id, name: source.name, usage: source.usage ? { archive: source.usage.archive ?? null, maxAgeDays: source.usage.maxAgeDays ?? null } : null } : null,
  }
})

/** The most items a site's RSS feed holds: the latest published. */
export const FEED_ITEMS = 50

/** The most URLs one sitemap may list (sitemaps.org); there is no sitemap index (yet). */
export const SITEMAP_MAX_URLS = 50_000

/** A Google News sitemap lists the articles of the last two days, a thousand at most. */
export const NEWS_SITEMAP_HOURS = 48
export const NEWS_SITEMAP_MAX_URLS = 1_000

/** Where the articles of a site are: its sections. */
const inSections = (sections: Section[]): Where => ({ section: { in: sections.map((s) => s.id) } })

/** An RSS item's article: its rights resolved in full (the rights notices' texts, for `dc:rights`), sources and section populated. */
export type FeedArticle = Pick<Article, 'additionalSources' | 'attribution' | 'byline' | 'headline' | 'id' | 'publishedAt' | 'section' | 'slug' | 'source' | 'summary'>

/**
 * A site's feed: its sections and its latest published articles, read as an anonymous reader
 * (`overrideAccess: false`, no user): embargoed, expired and withdrawn stories, and drafts, are
 * left out by the same read access as every public read (docs/rights-lifecycle.md).
 */
export const siteFeed = cached('feed', async (siteId: number) => {
  const sections = await sectionsOf(siteId)
  if (!sections.length) return { sections, articles: [] as FeedArticle[] }
  const { docs } = await (await payload()).find({
    collection: 'articles',
    where: inSections(sections),
    sort: '-publishedAt',
    limit: FEED_ITEMS,
    pagination: false,
    depth: 1,
    select: {
      headline: true,
      slug: true,
      summary: true,
      byline: true,
      publishedAt: true,
      section: true,
      source: true,
      additionalSources: true,
      attribution: true,
    },
    // The notices' texts; a new object per read (the plugin keeps per-request caches in it).
    context: { attribution: 'full' },
    overrideAccess: false,
  })
  return { sections, articles: docs as FeedArticle[] }
})

/** A sitemap's article: where it is, when it was published and last changed (and its title, for the news sitemap). */
export type MappedArticle = Pick<Article, 'id' | 'publishedAt' | 'section' | 'slug' | 'updatedAt'> & Partial<Pick<Article, 'headline'>>

/**
 * How many articles one cached read of a sitemap holds: each read's data stays well under the 2 MB
 * Next's data cache keeps, so a sitemap too long for the page cache is rebuilt from cached reads
 * (measured: 20,000 articles, 4 s read afresh, a quarter of a second from the cached reads).
 */
export const SITEMAP_READ = 5_000

/** One page of a site's published articles, newest first, as an anonymous reader reads them (as `siteFeed`). */
const sitemapRead = cached('sitemap', async (sectionIds: number[], page: number) => {
  const result = await (await payload()).find({
    collection: 'articles',
    where: { section: { in: sectionIds } },
    sort: ['-publishedAt', '-id'],
    limit: SITEMAP_READ,
    page,
    depth: 0,
    select: { slug: true, section: true, publishedAt: true, updatedAt: true },
    overrideAccess: false,
  })
  return { articles: result.docs as MappedArticle[], more: result.hasNextPage }
})

/** A site's sections and its published articles for its sitemap, newest first, up to `SITEMAP_MAX_URLS`. */
export const siteArticles = async (siteId: number) => {
  const sections = await siteSections(siteId)
  const articles: MappedArticle[] = []
  if (!sections.length) return { sections, articles }
  const ids = sections.map((s) => s.id)
  for (let page = 1; articles.length < SITEMAP_MAX_URLS; page++) {
    const read = await sitemapRead(ids, page)
    articles.push(...read.articles)
    if (!read.more) break
  }
  return { sections, articles: articles.slice(0, SITEMAP_MAX_URLS) }
}

/** A site's sections and its articles published after `since`, newest first, up to `NEWS_SITEMAP_MAX_URLS` (as `siteFeed`). */
export const siteNews = cached('news', async (siteId: number, since: string) => {
  const sections = await sectionsOf(siteId)
  if (!sections.length) return { sections, articles: [] as MappedArticle[] }
  const { docs } = await (await payload()).find({
    collection: 'articles',
    where: { and: [inSections(sections), { publishedAt: { greater_than: since } }] },
    sort: ['-publishedAt', '-id'],
    limit: NEWS_SITEMAP_MAX_URLS,
    pagination: false,
    depth: 0,
    select: { headline: true, slug: true, section: true, publishedAt: true, updatedAt: true },
    overrideAccess: false,
  })
  return { sections, articles: docs as MappedArticle[] }
})
