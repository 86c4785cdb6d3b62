import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import type { ArchivePolicy, AvailabilityState, License, NoticeScope, WithdrawReason } from './constants.ts'
import type { Id } from './utilities/idOf.ts'

export type { License, NoticeScope } from './constants.ts'
export type { Id } from './utilities/idOf.ts'

/** A wire source as the resolver needs it (a subset of the sources collection). */
export type SourceInput = {
  id: Id
  name: string
  code?: null | string
  kind?: null | string
  license?: License | null
  copyrightHolder?: null | string
  credit?: null | string
  bylineAliases?: null | string[]
  /** How long its stories may be shown, and what is left of them after. */
  usage?: UsageInput | null
  deletedAt?: null | string
}

/** A source's usage terms: shown for `maxAgeDays` after the story's date (no limit when empty). */
export type UsageInput = { maxAgeDays?: null | number; archive?: ArchivePolicy | null; note?: null | string }

/** A withdrawal as recorded on an article. */
export type WithdrawnInput = { at?: null | string; reason?: null | WithdrawReason; message?: null | string; by?: unknown }

/** Where a story stands for readers at a moment (the virtual `availability` field). */
export type Availability = {
  state: AvailabilityState
  /** Why it is not public: a withdrawal's reason, or `expired` for an ended usage window. */
  reason: null | WithdrawReason
  /** Since when it is in this state, when that is known (withdrawal, end of the usage window). */
  since: null | string
  /** Until when: the embargo's end, or for a public story the end of its usage window. */
  until: null | string
  /** After its usage window, whether a tombstone may stay (the source's `usage.archive`). */
  archive: ArchivePolicy | null
}

export type NoticeInput = {
  id: Id
  title: string
  kind: string
  body?: null | SerializedEditorState
  appliesTo?: {
    scope?: NoticeScope | null
    sources?: (Id | { id: Id })[] | null
    sourceKinds?: null | string[]
    licenses?: null | string[]
    /** Only on these sites; empty or missing means every site. */
    sites?: (Id | { id: Id })[] | null
  } | null
  effectiveFrom?: null | string
  effectiveUntil?: null | string
  order?: null | number
  _status?: 'draft' | 'published' | null
  deletedAt?: null | string
}

/** The publisher's logo as schema.org's `publisher.logo` needs it: an absolute URL, its size in pixels when known. */
export type LogoInput = { url?: null | string; width?: null | number; height?: null | number }

export type PublisherInput = {
  name?: null | string
  copyrightStartYear?: null | number
  jurisdiction?: null | string
  /** Left out of the JSON-LD (with a warning) unless its URL is absolute. */
  logo?: LogoInput | null
}

/** The rights statement a wire file carried, as received. */
export type WireRightsInput = { holder?: null | string; notice?: null | string; usageTerms?: null | string }

export type ArticleInput = {
  source?: Id | null | SourceInput
  additionalSources?: (Id | SourceInput)[] | null
  byline?: null | string
  publishedAt?: null | string
  /** When the article was last changed (JSON-LD `dateModified`). */
  updatedAt?: null | string
  /** The story's own date (or the wire's first-created one): its copyright year, before `publishedAt`. */
  dateline?: { date?: null | string; place?: null | string } | null
  headline?: null | string
  /** The standfirst (JSON-LD `description`). */
  summary?: null | string
  /** The absolute public URL, when the article has one (JSON-LD `url` and `mainEntityOfPage`). */
  url?: null | string
  /** Without a source, the holder the wire named holds the copyright, not the publisher. */
  wireRights?: WireRightsInput | null
  /** The article's site, for notices kept to some sites. */
  site?: Id | null
}

/** A notice in an attribution; its own `text` and `html` only when asked for (`?attribution=full`, a select or a GraphQL selection). */
export type AttributionNotice = { id: Id; kind: string; title: string; text?: string; html?: string }

export type Attribution = {
  credit: string
  byline: string
  /** Null when nothing in the article is under copyright (public domain only). */
  copyrightHolder: null | string
  copyrightYear: number
  license: License
  /** Which notices apply, in display order. */
  notices: AttributionNotice[]
  /** Every notice as plain text, each body once. */
  text: string
  /** Every notice as sanitized HTML, each body once. */
  html: string
  /** Schema.org NewsArticle, complete on its own (see jsonLd.ts); `url` is the canonical public URL. */
  jsonLd: Record<string, unknown>
  warnings: string[]
}

/** Values a notice template may use, as `{{publisher.name}}`, `{{source.code}}`, `{{year}}`... */
export type TemplateVariables = Record<string, unknown>
