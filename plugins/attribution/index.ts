import type { CollectionSlug, Config, Plugin } from 'payload'

import { ninjsEndpoint, previewEndpoint } from './endpoints'
import { attributionField } from './fields'
import { type AttributionPluginOptions, resolveOptions } from './options'
import { rejectUnknownVariables } from './validateTemplates'

export type { AttributionPluginOptions } from './options'
export { resolveAttribution } from './resolve'
export type { Attribution, AttributionNotice } from './types'

/**
 * Attaches the right copyright and attribution boilerplate to each article, resolved at
 * read time from the notices and the sources' rights fields.
 */
export const attributionPlugin =
  (pluginOptions: AttributionPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    const options = resolveOptions(pluginOptions)
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        if (options.collections.includes(collection.slug as never)) {
          return {
            ...collection,
            fields: [...collection.fields, attributionField(options)],
            endpoints: [...(collection.endpoints || []), ninjsEndpoint(collection.slug as CollectionSlug)],
          }
        }
        if (collection.slug === options.noticesSlug && !options.disabled) {
          const beforeValidate = [...(collection.hooks?.beforeValidate ?? []), rejectUnknownVariables(options)]
          return { ...collection, hooks: { ...collection.hooks, beforeValidate } }
        }
        return collection
      }),
      endpoints: [...(config.endpoints ?? []), previewEndpoint(options)],
    }
  }
