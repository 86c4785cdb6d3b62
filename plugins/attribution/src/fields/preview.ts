import type { Field } from 'payload'

import type { ResolvedOptions } from '../options.ts'

/** Props the admin panel gets: which form fields to watch. */
export type AttributionPreviewProps = {
  sourceField: string
  additionalSourcesField: string
  bylineField: string
  /** The first field of `sitePath`, so `{{site.name}}` previews too. */
  siteField?: string
}

/** A sidebar panel on the edit view showing the boilerplate the unsaved article would get. */
export const attributionPreviewField = (options: ResolvedOptions, siteField?: string): Field => ({
  name: 'attributionPreview',
  type: 'ui',
  admin: {
    position: 'sidebar',
    ...(options.disabled && { condition: () => false }),
    components: {
      Field: {
        path: '@wirehouse/payload-plugin-attribution/client#AttributionPreview',
        clientProps: {
          sourceField: options.sourceField,
          additionalSourcesField: options.additionalSourcesField,
          bylineField: options.bylineField,
          siteField,
        } satisfies AttributionPreviewProps,
      },
    },
  },
})
