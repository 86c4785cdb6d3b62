/**
 * PURE: the page cache's tags, both directions in one place: which tags a page declares from what
 * it shows, and which tags a change expires. A page is expired when a change's tags meet its own.
 * docs/sites.md ("What expires what") is the table of this file.
 */
import { idOf } from '@wirehouse/payload-plugin-attribution'

import { ALL_PAGES_TAG } from './tags'

type Ref = unknown
type Id = number | string
type Doc = Record<string, unknown>

/** The ids a relationship value (one or many, populated or not) points to. */
const idsOf = (refs: unknown): Id[] => (Array.isArray(refs) ? refs : [refs]).map(idOf).filter((id): id is Id => id !== null)

/** One function per kind of tag. */
export const TAGS = {
  /** An article as pages show it: its own page, its teasers, links to it as a related article. */
  article: (id: Ref) => `article:${idOf(id)}`,
  /** A section's list of articles (its page and its block on the site's home). */
  section: (id: Ref) => `section:${idOf(id)}`,
  /** Every page of a site: its name, masthead, domain and the names of its sections (the header). */
  site: (id: Ref) => `site:${idOf(id)}`,
  /** The network's list of sites (`/` on a host that is no site). */
  sites: () => 'sites',
  /** A source's name, credit and rights, wherever a page shows them (an article's attribution, a teaser's credit). */
  source: (id: Ref) => `source:${idOf(id)}`,
  /** A notice shown on a page. */
  notice: (id: Ref) => `notice:${idOf(id)}`,
  /** The publisher global: its name in credits and notices, its logo in the JSON-LD. */
  publisher: () => 'publisher',
  /**
   * Pages whose notices a notice of some scope may join or leave: every article page (`all`), the
   * articles of a source, of a source kind, of a licence. Listings show no notices, so a notice's
   * change never expires them. `site` narrows to one site's articles, for notices kept to some sites.
   */
  noticesForAll: (site?: Ref) => onSite('notices:all', site),
  noticesForSource: (id: Ref, site?: Ref) => onSite(`notices:source:${idOf(id)}`, site),
  noticesForSourceKind: (kind: string, site?: Ref) => onSite(`notices:kind:${kind}`, site),
  noticesForLicence: (licence: string, site?: Ref) => onSite(`notices:licence:${licence}`, site),
} as const

const onSite = (tag: string, site: Ref) => (site === undefined ? tag : `${tag}@site:${idOf(site)}`)

const unique = (tags: Iterable<string>): string[] => [...new Set(tags)]

// ---------------------------------------------------------------------------------------------
// What pages declare

/** A source as an article read at depth ≥ 1 carries it. */
type SourceShown = { id: Ref; kind?: null | string; license?: null | string } | number | string

/** What an article page shows, as the Local API returns it at depth 2. */
export type ArticleShown = {
  id: Ref
  source?: null | SourceShown
  additionalSources?: null | SourceShown[]
  section?: unknown
  relatedArticles?: unknown
  attribution?: null | { notices?: null | { id?: Ref }[] }
}

/** The notice-scope keys an article's notices are chosen by: all, each source, its kind, its licence. */
const noticeScopes = (sources: SourceShown[], site: Ref | undefined) =>
  [undefined, ...(site === undefined ? [] : [site])].flatMap((on) => [
    TAGS.noticesForAll(on),
    ...sources.flatMap((source) => {
      const shown = typeof source === 'object' ? source : undefined
      return [
        TAGS.noticesForSource(source, on),
        ...(shown?.kind ? [TAGS.noticesForSourceKind(shown.kind, on)] : []),
        ...(shown?.license ? [TAGS.noticesForLicence(shown.license, on)] : []),
      ]
    }),
  ])

/**
 * An article page: the article, its site (header), its sources and every notice scope that could
 * reach it, the notices it shows, the publisher, and the related articles it links to. Not its
 * section's list: another article published there does not change this page.
 */
export const articlePageTags = (article: ArticleShown, site: Ref): string[] => {
  const sources = [article.source, ...(article.additionalSources ?? [])].filter((s): s is SourceShown => idOf(s) !== null)
  return unique([
    TAGS.article(article.id),
    TAGS.site(site),
    TAGS.publisher(),
    ...sources.map((s) => TAGS.source(s)),
    ...noticeScopes(sources, site),
    ...(article.attribution?.notices ?? []).map((n) => TAGS.notice(n.id)),
    ...idsOf(article.relatedArticles).map((id) => TAGS.article(id)),
  ])
}

/** A teaser as the listings read it (depth 0: sources are ids). */
export type TeaserShown = { id: Ref; source?: unknown; additionalSources?: unknown }

/**
 * A listing (a site's home, a section's page): the site, the sections listed, each teaser's
 * article and the sources its credit names, and the publisher (the credit of copy without a source).
 */
export const listingPageTags = (site: Ref, sections: Ref[], teasers: TeaserShown[]): string[] =>
  unique([
    TAGS.site(site),
    TAGS.publisher(),
    ...sections.map((s) => TAGS.section(s)),
    ...teasers.flatMap((t) => [TAGS.article(t.id), ...idsOf([t.source, ...idsOf(t.additionalSources)]).map((s) => TAGS.source(s))]),
  ])

/**
 * A tombstone (a story withdrawn or past its licence, `src/site/tombstone.ts`): the story, whose
 * restore brings its page back, the site (header) and the source it names.
 */
export const tombstonePageTags = (story: { id: Ref; source?: null | { id: Ref } }, site: Ref): string[] =>
  unique([TAGS.article(story.id), TAGS.site(site), ...(story.source ? [TAGS.source(story.source.id)] : [])])

/**
 * A site's RSS feed: a listing of the site's sections (`listingPageTags`: a story published,
 * unpublished, withdrawn, embargoed or past its window joins or leaves it) whose items each state
 * the story's rights (`dc:rights`, `dc:creator`, `media:credit`), as its page does: every notice
 * scope that could reach it and the notices it shows (`articlePageTags`, without related articles).
 */
export const feedTags = (site: Ref, sections: Ref[], items: ArticleShown[]): string[] =>
  unique([
    ...listingPageTags(site, sections, items),
    ...items.flatMap((item) => articlePageTags({ ...item, relatedArticles: undefined }, site)),
  ])

/**
 * A sitemap (the site's articles, or a news sitemap's last two days): the site (its domain and
 * name), its sections' lists (stories joining or leaving them, moved, re-slugged, re-dated) and
 * each article listed (a withdrawal takes it out).
 */
export const sitemapTags = (site: Ref, sections: Ref[], articles: Ref[]): string[] =>
  unique([TAGS.site(site), ...sections.map((s) => TAGS.section(s)), ...articles.map((a) => TAGS.article(a))])

/** A site's robots.txt: its domain. */
export const robotsTags = (site: Ref): string[] => [TAGS.site(site)]

/** A page of a site that shows nothing else (its header, a page not found under it). */
export const sitePageTags = (site: Ref): string[] => [TAGS.site(site)]

/** The network's list of sites; also a page under a domain that is no site (until one is created). */
export const networkPageTags = (): string[] => [TAGS.sites()]

// ---------------------------------------------------------------------------------------------
// What changes expire. `before` and `after` are the document as readers saw it before and after
// the change: null when they saw nothing (a draft never published, trashed, deleted, not yet created).

const changed = (before: Doc | null, after: Doc | null, fields: string[]) =>
  fields.some((field) => JSON.stringify(idOrValue(before?.[field])) !== JSON.stringify(idOrValue(after?.[field])))

/** Relationships compared by id, whether populated or not. */
const idOrValue = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(idOrValue) : value && typeof value === 'object' && 'id' in value ? idOf(value) : value

/** What places an article in its section's list, or the list's links: it moving changes the list. */
const LISTED = ['section', 'publishedAt', 'slug']

/**
 * An article: every page showing it (its own, its teasers, links to it as related). Its section's
 * lists too, before and after, when it joins or leaves them or moves within them (published,
 * unpublished, trashed, deleted, moved to another section, re-dated, re-slugged).
 */
export const articleChangeTags = (before: Doc | null, after: Doc | null): string[] => {
  const doc = after ?? before
  if (!doc) return []
  const listed = !before || !after || changed(before, after, LISTED)
  return unique([
    TAGS.article(doc.id),
    ...(listed ? idsOf([before?.section, after?.section]).map((s) => TAGS.section(s)) : []),
  ])
}

/** A section: its list, and every page of its site (before and after a move), whose header names it. */
export const sectionChangeTags = (before: Doc | null, after: Doc | null): string[] => {
  const doc = after ?? before
  if (!doc) return []
  return unique([TAGS.section(doc.id), ...idsOf([before?.site, after?.site]).map((s) => TAGS.site(s))])
}

/** A site: every page of it, and the network's list of sites. */
export const siteChangeTags = (before: Doc | null, after: Doc | null): string[] => {
  const doc = after ?? before
  return doc ? [TAGS.site(doc.id), TAGS.sites()] : []
}

/** What of a source readers see (the attribution's inputs); a rights proposal under review is not. */
export const SOURCE_SHOWN = ['name', 'code', 'kind', 'license', 'copyrightHolder', 'credit', 'bylineAliases', 'deletedAt']

/** What of a source's usage terms decides what readers see (not its note, for editors): none when trashed. */
const terms = (source: Doc | null) => {
  const usage = (source?.usage ?? {}) as { archive?: null | string; maxAgeDays?: null | number }
  return source && !source.deletedAt && usage.maxAgeDays ? [usage.maxAgeDays, usage.archive ?? 'allowed'] : null
}

/**
 * A source: the pages that show it, when what they show of it changed. A new source is on no page
 * yet. Its usage terms (approved rights) may show or hide any number of its stories, in every list
 * of the network: every page (`ALL_PAGES_TAG`).
 */
export const sourceChangeTags = (before: Doc | null, after: Doc | null): string[] => {
  if (!before) return []
  if (JSON.stringify(terms(before)) !== JSON.stringify(terms(after))) return [ALL_PAGES_TAG]
  return changed(before, after, SOURCE_SHOWN) ? [TAGS.source(before.id)] : []
}

/** The publisher global: every page that names it. */
export const publisherChangeTags = (): string[] => [TAGS.publisher()]

type AppliesTo = { scope?: null | string; sources?: unknown; sourceKinds?: null | string[]; licenses?: null | string[]; sites?: unknown }

/** The article pages a notice could be on, by its `appliesTo`: its scope's tags, on its sites when it names some. */
export const noticeReachTags = (notice: Doc): string[] => {
  const rule = (notice.appliesTo ?? {}) as AppliesTo
  const sites: (Ref | undefined)[] = idsOf(rule.sites)
  const on = sites.length ? sites : [undefined]
  return on.flatMap((site) => {
    switch (rule.scope ?? 'all') {
      case 'sources':
        return idsOf(rule.sources).map((id) => TAGS.noticesForSource(id, site))
      case 'source-kinds':
        return (rule.sourceKinds ?? []).map((kind) => TAGS.noticesForSourceKind(kind, site))
      case 'licenses':
        return (rule.licenses ?? []).map((licence) => TAGS.noticesForLicence(licence, site))
      default:
        return [TAGS.noticesForAll(site)]
    }
  })
}

/**
 * A notice approved, unpublished, edited and published, trashed or deleted, or coming into force
 * or leaving it at its time: the pages showing it, and every page it could join or leave, by its
 * `appliesTo` before and after. A notice scoped to one source expires that source's articles only.
 */
export const noticeChangeTags = (before: Doc | null, after: Doc | null): string[] => {
  const doc = after ?? before
  if (!doc) return []
  return unique([TAGS.notice(doc.id), ...[before, after].flatMap((n) => (n ? noticeReachTags(n) : []))])
}
