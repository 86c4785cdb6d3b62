import type { Field } from 'payload'

import type { Target } from '../options.ts'

import { sidebarPanel } from './panel.ts'

/** What the admin panel needs: the collection, and which form fields to watch. */
export type AttributionPreviewProps = {
  collection: string
  sourceField: string
  additionalSourcesField: string
  bylineField: false | string
  publishedAtField: false | string
  datelineField: false | string
  /** The wire's rights group: its `holder` attributes a document without a source. */
  wireRightsField?: false | string
  /** The first field of `sitePath`, so `{{site.name}}` previews too. */
  siteField?: string
}

/** A sidebar panel on the edit view showing the boilerplate the unsaved document would get. */
export const attributionPreviewField = (target: Target, disabled: boolean): Field =>
  sidebarPanel(
    'attributionPreview',
    'AttributionPreview',
    {
      collection: target.slug,
      sourceField: target.fields.source,
      additionalSourcesField: target.fields.additionalSources,
      bylineField: target.fields.byline,
      publishedAtField: target.fields.publishedAt,
      datelineField: target.fields.dateline,
      wireRightsField: target.fields.wireRights,
      siteField: target.hops[0]?.field,
    } satisfies AttributionPreviewProps,
    disabled,
  )
