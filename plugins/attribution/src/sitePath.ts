import type { CollectionConfig, Config, FlattenedField } from 'payload'

import { flattenTopLevelFields } from 'payload/shared'

import type { Hop } from './attach.ts'

/**
 * The collections along `path` from `collection`, read from the config's relationship fields.
 * A path that does not lead anywhere is a configuration error, reported at start-up.
 */
export const siteHops = (config: Config, collection: CollectionConfig, path: false | string[]): Hop[] => {
  if (!path) return []
  const hops: Hop[] = []
  let current: CollectionConfig | undefined = collection
  for (const name of path) {
    const field: FlattenedField | undefined = current
      ? (flattenTopLevelFields(current.fields) as FlattenedField[]).find((f) => f.name === name)
      : undefined
    if (!field || field.type !== 'relationship' || typeof field.relationTo !== 'string') {
      throw new Error(
        `attributionPlugin: sitePath ${JSON.stringify(path)}: "${name}" is not a single-collection relationship field of "${current?.slug}".`,
      )
    }
    hops.push({ field: name, collection: field.relationTo })
    current = config.collections?.find((c) => c.slug === field.relationTo)
  }
  return hops
}
