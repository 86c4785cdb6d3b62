import type { Config, Plugin } from 'payload'

import { attributionField } from './fields'
import { type AttributionPluginOptions, resolveOptions } from './options'

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
      collections: (config.collections ?? []).map((collection) =>
        options.collections.includes(collection.slug as never)
          ? { ...collection, fields: [...collection.fields, attributionField(options)] }
          : collection,
      ),
    }
  }
