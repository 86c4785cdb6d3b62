import type { CollectionSlug, GlobalSlug, PayloadRequest } from 'payload'

import type { TemplateVariables } from './types.ts'

export type AttributionPluginOptions = {
  /** Collections that get a virtual `attribution` field. @default ['articles'] */
  collections?: CollectionSlug[]
  /** Field holding the primary source (a relationship to `sourcesSlug`). @default 'source' */
  sourceField?: string
  /** Field holding further sources (hasMany relationship). @default 'additionalSources' */
  additionalSourcesField?: string
  /** Field holding the byline. @default 'byline' */
  bylineField?: string
  /** The legal notices collection. @default 'legal-notices' */
  noticesSlug?: CollectionSlug
  /** The wire sources collection. @default 'wire-sources' */
  sourcesSlug?: CollectionSlug
  /** The publisher global. @default 'publisher' */
  publisherSlug?: GlobalSlug
  /**
   * Relationship fields leading from an article to its site, for `{{site.name}}`; each step is a
   * relationship to one collection. `false` fills `{{site.name}}` with the publisher's name.
   * @default ['section', 'site']
   */
  sitePath?: false | string[]
  /** More `{{variables}}` notices may use, e.g. `{ network: { url: 'https://…' } }`. */
  extraVariables?: TemplateVariables
  /**
   * Who may read the compliance report (`GET /api/attribution/report` and the admin's compliance
   * view). @default any signed-in user
   */
  reportAccess?: (args: { req: PayloadRequest }) => boolean | Promise<boolean>
  /** Keep the schema (fields, GraphQL types) but skip all attribution work. @default false */
  disabled?: boolean
}

export type ResolvedOptions = Required<Omit<AttributionPluginOptions, 'extraVariables'>> & {
  extraVariables: TemplateVariables
}

export const resolveOptions = (options: AttributionPluginOptions = {}): ResolvedOptions => ({
  collections: options.collections ?? ['articles' as CollectionSlug],
  sourceField: options.sourceField ?? 'source',
  additionalSourcesField: options.additionalSourcesField ?? 'additionalSources',
  bylineField: options.bylineField ?? 'byline',
  noticesSlug: options.noticesSlug ?? ('legal-notices' as CollectionSlug),
  sourcesSlug: options.sourcesSlug ?? ('wire-sources' as CollectionSlug),
  publisherSlug: options.publisherSlug ?? ('publisher' as GlobalSlug),
  sitePath: options.sitePath ?? ['section', 'site'],
  extraVariables: options.extraVariables ?? {},
  reportAccess: options.reportAccess ?? (({ req }) => Boolean(req.user)),
  disabled: options.disabled ?? false,
})
