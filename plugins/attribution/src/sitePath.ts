import type { CollectionSlug, Config, FlattenedField } from 'payload'

import { flattenTopLevelFields } from 'payload/shared'

/** One step from a document towards its site: the field, and the collection it points to. */
export type Hop = { field: string; collection: CollectionSlug }

const fieldsOf = (config: Config, slug: string): FlattenedField[] | undefined => {
  const collection = config.collections?.find((c) => c.slug === slug)
  return collection ? (flattenTopLevelFields(collection.fields) as FlattenedField[]) : undefined
}

/**
 * The collections along `path` from `slug`, read from the config's relationship fields. A path
 * that does not lead anywhere is a configuration error, reported at start-up.
 */
export const siteHops = (config: Config, slug: string, path: false | string[]): Hop[] => {
  if (!path) return []
  const hops: Hop[] = []
  let current = slug
  for (const name of path) {
    const field = fieldsOf(config, current)?.find((f) => f.name === name)
    if (!field || field.type !== 'relationship' || typeof field.relationTo !== 'string' || field.hasMany) {
      throw new Error(`attributionPlugin: sitePath ${JSON.stringify(path)}: "${name}" is not a single-collection relationship field of "${current}".`)
    }
    hops.push({ field: name, collection: field.relationTo })
    current = field.relationTo
  }
  return hops
}

/** `siteHops`, or none when the path does not lead anywhere (for the default path). */
export const siteHopsIfAny = (config: Config, slug: string, path: string[]): Hop[] => {
  try {
    return siteHops(config, slug, path)
  } catch {
    return []
  }
}
