import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import type { License, NoticeScope } from './constants.ts'
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
  deletedAt?: null | string
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

export type PublisherInput = {
  name?: null | string
  copyrightStartYear?: null | number
  jurisdiction?: null | string
}

export type ArticleInput = {
  source?: Id | null | SourceInput
  additionalSources?: (Id | SourceInput)[] | null
  byline?: null | string
  publishedAt?: null | string
  dateline?: { date?: null | string; place?: null | string } | null
  /** The article's site, for notices kept to some sites. */
  site?: Id | null
}

export type AttributionNotice = { id: Id; kind: string; title: string; text: string; html: string }

export type Attribution = {
  credit: string
  byline: string
  /** Null when nothing in the article is under copyright (public domain only). */
  copyrightHolder: null | string
  copyrightYear: number
  license: License
  notices: AttributionNotice[]
  text: string
  html: string
  jsonLd: Record<string, unknown>
  warnings: string[]
}

/** Values a notice template may use, as `{{publisher.name}}`, `{{source.code}}`, `{{year}}`... */
export type TemplateVariables = Record<string, unknown>
