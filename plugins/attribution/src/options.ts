import type { CollectionConfig, CollectionSlug, Config, Field, GlobalConfig, GlobalSlug, PayloadRequest } from 'payload'

import { flattenTopLevelFields } from 'payload/shared'

import type { Texts } from './translations/translate.ts'
import type { TemplateVariables } from './types.ts'

import { type Hop, siteHops, siteHopsIfAny } from './sitePath.ts'
import { withTranslations } from './translations/index.ts'

/** A check on the signed-in user, as in Payload's access functions. */
export type RequestCheck = (args: { req: PayloadRequest }) => boolean | Promise<boolean>

/** A rate limit on one of the plugin's endpoints, for the signed-in user of `req`: seconds to wait, or nothing. */
export type Throttle = (args: { endpoint: 'preview'; req: PayloadRequest }) => Promise<null | number | undefined> | null | number | undefined

/** Rewrites the fields of a collection or global the plugin adds: extend or replace the defaults. */
export type FieldsOverride = (args: { defaultFields: Field[] }) => Field[]

/**
 * Changes to a collection the plugin adds, as in plugin-form-builder's `formOverrides`: `fields`
 * rewrites the default fields; `access` and `admin` are merged key by key over the defaults;
 * `hooks` run after the plugin's own; anything else replaces the default.
 */
export type CollectionOverrides = { fields?: FieldsOverride } & Partial<Omit<CollectionConfig, 'fields' | 'slug'>>

/** Changes to the global the plugin adds, merged as for collections. */
export type GlobalOverrides = { fields?: FieldsOverride } & Partial<Omit<GlobalConfig, 'fields' | 'slug'>>

/**
 * Where an attributed collection keeps what attribution reads and the ninjs export shows. A name
 * left at its default is used when the collection has that field; a name given must exist.
 * `false`: the collection has no such field.
 */
export type AttributionFieldNames = {
  /** The primary source: a relationship to the sources collection, added when missing. @default 'source' */
  source: string
  /** Further sources: a hasMany relationship to the sources collection, added when missing. @default 'additionalSources' */
  additionalSources: string
  /** The title (text). @default 'headline', else the collection's `admin.useAsTitle` */
  headline: false | string
  /** The byline as the story gives it (text). Without one, the source's first byline alias. @default 'byline' */
  byline: false | string
  /** The URL slug (text). @default 'slug' */
  slug: false | string
  /** When the story was published (date): its copyright year. @default 'publishedAt' */
  publishedAt: false | string
  /** A group of `place` (text) and `date` (date): the place, and the year when there is no `publishedAt`. @default 'dateline' */
  dateline: false | string
  /** The standfirst (text or textarea), for ninjs. @default 'summary' */
  summary: false | string
  /** The story (rich text), for ninjs. @default 'body' */
  body: false | string
  /** The section (a relationship; its title is the ninjs subject). @default 'section' */
  section: false | string
  /** Links to further reading (an array of `label` and `url`), for ninjs. @default 'relatedLinks' */
  relatedLinks: false | string
  /** The wire's own id of the story (text), for ninjs `altids` (role `wire`). @default 'externalId' */
  externalId: false | string
  /**
   * A group of `holder`, `notice` and `usageTerms` (text): the rights the wire file stated, as
   * received. Without a source, `holder` holds the copyright instead of the publisher. @default 'wireRights'
   */
  wireRights: false | string
  /** Until when the story is under embargo (date): not read anonymously before. Added when missing. @default 'embargoUntil' */
  embargoUntil: string
  /** A group of `at`, `reason`, `message` and `by`, written by the withdraw and kill actions only. Added when missing. @default 'withdrawn' */
  withdrawn: string
}

/** A document as read, with the fields the plugin reads. */
export type AnyDoc = Record<string, unknown>

/**
 * The absolute public URL of an attributed document, or nothing when it has none (a draft, no
 * section, a site without a domain): schema.org's `url` and `mainEntityOfPage` (`attribution.jsonLd.url`).
 * `doc` has the collection's field names (`fields`) and `_status`; `path` holds the documents
 * along `sitePath`, in order, each null where the chain breaks; `site` is the last of them.
 * A value that is not an absolute http(s) URL is ignored with a warning.
 */
export type PublicUrl = (args: { doc: AnyDoc; path: (AnyDoc | null)[]; site: AnyDoc | null; collection: CollectionSlug }) => null | string | undefined

/** A collection to attribute, when its field names or its way to a site differ from the plugin-wide ones. */
export type AttributedCollection = {
  slug: CollectionSlug
  fields?: Partial<AttributionFieldNames>
  sitePath?: false | string[]
}

/** The four-eyes review of notices and of sources' rights. */
export type ReviewOptions = {
  /**
   * Who takes part in review: submits, approves and rejects notice changes, proposes and decides
   * on sources' rights, and sets rights fields on a new source.
   * @default any signed-in user
   */
  reviewers?: RequestCheck
  /** Who may publish a notice or change a source's rights alone, without a second person. @default nobody */
  bypass?: RequestCheck
}

/** Who may take a story out of public reads and bring it back (`POST /api/<collection>/:id/withdraw|restore`). */
export type LifecycleOptions = {
  /**
   * Who may withdraw a story (reason `manual` or `expired`; kills come from ingest).
   * @default the review's reviewers and whoever may publish alone (with review off: any signed-in user)
   */
  withdrawers?: RequestCheck
  /**
   * Who may restore a withdrawn story.
   * @default whoever may publish alone in the review (`review.bypass`; with review off: any signed-in user)
   */
  restorers?: RequestCheck
}

export type AttributionPluginOptions = {
  /**
   * Collections that get the virtual `attribution` field, the preview panel, the ninjs endpoint,
   * their place in notices' reach and in the compliance report.
   * @default ['articles']
   */
  collections?: (AttributedCollection | CollectionSlug)[]
  /** Field names in every attributed collection (a collection's own `fields` win). @default see AttributionFieldNames */
  fields?: Partial<AttributionFieldNames>
  /**
   * Relationship fields leading from an article to its site, for `{{site.name}}` and notices kept
   * to some sites; each step is a relationship to one collection. `false`: `{{site.name}}` is the
   * publisher's name and notices are not kept to sites.
   * @default ['section', 'site'] (or none, when the collection has no such path)
   */
  sitePath?: false | string[]
  /** The legal notices collection: its slug, and changes to it when the plugin adds it. */
  notices?: { slug?: CollectionSlug; overrides?: CollectionOverrides }
  /** The wire sources collection: its slug, and changes to it when the plugin adds it. */
  sources?: { slug?: CollectionSlug; overrides?: CollectionOverrides }
  /** The publisher global: its slug, and changes to it when the plugin adds it. */
  publisher?: { slug?: GlobalSlug; overrides?: GlobalOverrides }
  /** Four-eyes review of notices and sources' rights; `false` leaves publishing to access control alone. @default {} */
  review?: false | ReviewOptions
  /**
   * An upload collection for images, as in plugin-seo: the publisher global gets a `logo` from it,
   * which schema.org's `publisher.logo` (the article's JSON-LD) needs. Without one there is no logo field.
   */
  uploadsCollection?: CollectionSlug
  /**
   * The public URL of an attributed document, for its JSON-LD; it is read along `sitePath` (one
   * query per step for a whole page of documents). Without it the JSON-LD has no `url`.
   * @example ({ doc, path: [section, site] }) => site?.domain && section ? `https://${site.domain}/${section.slug}/${doc.slug}` : null
   */
  publicUrl?: PublicUrl
  /** More `{{variables}}` notices may use, e.g. `{ network: { url: 'https://…' } }`. */
  extraVariables?: TemplateVariables
  /** Who may withdraw and restore stories. @default see LifecycleOptions */
  lifecycle?: LifecycleOptions
  /** Who may read the compliance report (`GET /api/attribution/report` and the admin's compliance view). @default any signed-in user */
  reportAccess?: RequestCheck
  /**
   * Rate limit for the plugin's endpoints that work per request (`POST /api/attribution/preview`):
   * called after sign-in is checked, answers how many seconds the user must wait (the plugin then
   * answers 429 with Retry-After), or nothing to let the request through.
   * @default no limit
   */
  throttle?: Throttle
  /**
   * Keep the schema (collections, fields, GraphQL types) and the collections' own rules (review,
   * validation) but do no attribution work: no resolving, endpoints or admin panels.
   * @default false
   */
  disabled?: boolean
}

/** An attributed collection as the plugin works with it. */
export type Target = {
  slug: CollectionSlug
  fields: AttributionFieldNames
  /** The relationships from a document to its site (`sitePath` as found in the config); empty for none. */
  hops: Hop[]
  /** The collection keeps drafts: `_status` says whether a document is published. */
  drafts: boolean
}

export type ResolvedOptions = {
  targets: Target[]
  noticesSlug: CollectionSlug
  sourcesSlug: CollectionSlug
  publisherSlug: GlobalSlug
  /** The collection `sitePath` ends at, whose documents notices can be kept to; null without one. */
  sitesSlug: CollectionSlug | null
  review: false | Required<ReviewOptions>
  lifecycle: Required<LifecycleOptions>
  /** The plugin's texts with the host's own wording over them, by language. */
  texts: Texts
  extraVariables: TemplateVariables
  uploadsCollection: CollectionSlug | null
  publicUrl: null | PublicUrl
  reportAccess: RequestCheck
  throttle: Throttle
  disabled: boolean
}

const OPTIONAL_FIELDS = ['headline', 'byline', 'slug', 'publishedAt', 'dateline', 'summary', 'body', 'section', 'relatedLinks', 'externalId', 'wireRights'] as const

/**
 * A collection's field names: the given ones, and of the rest each default the collection has
 * (the headline falls back to its `useAsTitle`), or `false`.
 */
const fieldNames = (config: Config, slug: string, given: Partial<AttributionFieldNames>): AttributionFieldNames => {
  const collection = config.collections?.find((c) => c.slug === slug)
  const present = new Set(collection ? flattenTopLevelFields(collection.fields).map((f) => ('name' in f ? f.name : '')) : [])
  const pick = (...candidates: (string | undefined)[]) => candidates.find((name) => name && present.has(name)) ?? false
  const defaults = {
    headline: pick('headline', collection?.admin?.useAsTitle),
    byline: pick('byline'),
    slug: pick('slug'),
    publishedAt: pick('publishedAt'),
    dateline: pick('dateline'),
    summary: pick('summary'),
    body: pick('body'),
    section: pick('section'),
    relatedLinks: pick('relatedLinks'),
    externalId: pick('externalId'),
    wireRights: pick('wireRights'),
  }
  const optional = Object.fromEntries(OPTIONAL_FIELDS.map((key) => [key, given[key] ?? defaults[key]]))
  return {
    source: given.source ?? 'source',
    additionalSources: given.additionalSources ?? 'additionalSources',
    embargoUntil: given.embargoUntil ?? 'embargoUntil',
    withdrawn: given.withdrawn ?? 'withdrawn',
    ...optional,
  } as AttributionFieldNames
}

const hasDrafts = (config: Config, slug: string): boolean => {
  const versions = config.collections?.find((c) => c.slug === slug)?.versions
  return Boolean(versions && typeof versions === 'object' && versions.drafts)
}

const DEFAULT_SITE_PATH = ['section', 'site']

const signedIn: RequestCheck = ({ req }) => Boolean(req.user)
const nobody: RequestCheck = () => false

/** The options with their defaults, and each attributed collection's way to its site found in `config`. */
export const resolveOptions = (options: AttributionPluginOptions, config: Config): ResolvedOptions => {
  const targets = (options.collections ?? ['articles' as CollectionSlug]).map((entry): Target => {
    const collection = typeof entry === 'string' ? { slug: entry } : entry
    const sitePath = collection.sitePath ?? options.sitePath
    return {
      slug: collection.slug,
      fields: fieldNames(config, collection.slug, { ...options.fields, ...collection.fields }),
      // A path the host asked for must lead somewhere; the default may not.
      hops: sitePath === undefined ? siteHopsIfAny(config, collection.slug, DEFAULT_SITE_PATH) : siteHops(config, collection.slug, sitePath),
      drafts: hasDrafts(config, collection.slug),
    }
  })
  const review = options.review
  const resolvedReview = review === false ? false : { reviewers: review?.reviewers ?? signedIn, bypass: review?.bypass ?? nobody }
  const reviewersOrBypass: RequestCheck = async (args) =>
    resolvedReview ? (await resolvedReview.reviewers(args)) || (await resolvedReview.bypass(args)) : signedIn(args)
  return {
    targets,
    noticesSlug: options.notices?.slug ?? ('legal-notices' as CollectionSlug),
    sourcesSlug: options.sources?.slug ?? ('wire-sources' as CollectionSlug),
    publisherSlug: options.publisher?.slug ?? ('publisher' as GlobalSlug),
    sitesSlug: targets.find((target) => target.hops.length)?.hops.at(-1)?.collection ?? null,
    review: resolvedReview,
    lifecycle: {
      withdrawers: options.lifecycle?.withdrawers ?? reviewersOrBypass,
      restorers: options.lifecycle?.restorers ?? (resolvedReview ? resolvedReview.bypass : signedIn),
    },
    texts: withTranslations(config.i18n).translations as Texts,
    extraVariables: options.extraVariables ?? {},
    uploadsCollection: options.uploadsCollection ?? null,
    publicUrl: options.publicUrl ?? null,
    reportAccess: options.reportAccess ?? signedIn,
    throttle: options.throttle ?? (() => null),
    disabled: options.disabled ?? false,
  }
}
