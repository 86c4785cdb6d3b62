import type { CollectionBeforeDeleteHook, CollectionSlug, FlattenedField, GlobalSlug, PayloadRequest, Where } from 'payload'

import { APIError } from 'payload'

import type { Id } from '../utilities/idOf.ts'

import { translate } from '../translations/translate.ts'
import { sameId } from '../utilities/idOf.ts'

/** A document (or a version of it) that points to the one being deleted. */
export type Reference = { collection: string; id: Id | null; title: string; version?: true }

type Path = { path: string; polymorphic: boolean }

/** Where relationship and upload fields that can point to `slug` sit, through groups, tabs, arrays and blocks. */
const pathsTo = (fields: FlattenedField[], slug: string, prefix = ''): Path[] =>
  fields.flatMap((field): Path[] => {
    if ((field as { virtual?: unknown }).virtual) return []
    if (field.type === 'relationship' || field.type === 'upload') {
      const polymorphic = Array.isArray(field.relationTo)
      const targets: string[] = polymorphic ? (field.relationTo as string[]) : [field.relationTo as string]
      return targets.includes(slug) ? [{ path: prefix + field.name, polymorphic }] : []
    }
    if (field.type === 'group' || field.type === 'array' || field.type === 'tab') {
      return pathsTo(field.flattenedFields, slug, 'name' in field && field.name ? `${prefix}${field.name}.` : prefix)
    }
    if (field.type === 'blocks') {
      return field.blocks.flatMap((block) => (typeof block === 'string' ? [] : pathsTo(block.flattenedFields, slug, `${prefix}${field.name}.`)))
    }
    return []
  })

const pointingTo = ({ path, polymorphic }: Path, slug: string, id: Id, prefix = ''): Where =>
  polymorphic
    ? { and: [{ [`${prefix}${path}.relationTo`]: { equals: slug } }, { [`${prefix}${path}.value`]: { equals: id } }] }
    : { [`${prefix}${path}`]: { equals: id } }

/** Whether `value` at the dot `path` (through groups and arrays) points to `id`. */
const holds = (value: unknown, [name, ...rest]: string[], id: Id): boolean => {
  if (Array.isArray(value)) return value.some((item) => holds(item, [name, ...rest], id))
  if (!name) return sameId(value, id)
  return Boolean(value && typeof value === 'object') && holds((value as Record<string, unknown>)[name], rest, id)
}

// Payload's own bookkeeping (locked documents, preferences, jobs, folders) is not history.
const isBookkeeping = (slug: string) => slug.startsWith('payload-')

const LIMIT = 50

const referencesTo = async (slug: string, id: Id, req: PayloadRequest): Promise<Reference[]> => {
  const { payload } = req
  const found: Reference[] = []
  for (const { config } of Object.values(payload.collections)) {
    if (isBookkeeping(config.slug)) continue
    const title = (doc: unknown) => String((doc as Record<string, unknown> | undefined)?.[config.admin?.useAsTitle ?? 'id'] ?? '')
    const collection = config.slug as CollectionSlug
    for (const path of pathsTo(config.flattenedFields, slug)) {
      const { docs } = await payload.find({
        collection,
        where: pointingTo(path, slug, id),
        depth: 0,
        limit: LIMIT,
        overrideAccess: true,
        req,
        trash: Boolean(config.trash),
      })
      for (const doc of docs) found.push({ collection, id: doc.id, title: title(doc) })
      if (!config.versions) continue
      const versions = await payload.findVersions({
        collection,
        where: pointingTo(path, slug, id, 'version.'),
        depth: 0,
        limit: LIMIT,
        overrideAccess: true,
        req,
        trash: Boolean(config.trash),
      })
      for (const version of versions.docs) {
        found.push({ collection, id: version.parent as Id, title: title(version.version), version: true })
      }
    }
  }
  for (const config of payload.config.globals) {
    const paths = pathsTo(config.flattenedFields, slug)
    if (!paths.length) continue
    const global = config.slug as GlobalSlug
    const doc = await payload.findGlobal({ slug: global, depth: 0, overrideAccess: true, req })
    if (paths.some(({ path }) => holds(doc, path.split('.'), id))) found.push({ collection: global, id: null, title: global })
    if (!config.versions) continue
    for (const path of paths) {
      const versions = await payload.findGlobalVersions({ slug: global, where: pointingTo(path, slug, id, 'version.'), depth: 0, limit: 1, overrideAccess: true, req })
      if (versions.docs.length) found.push({ collection: global, id: null, title: global, version: true })
    }
  }
  // The document itself and its own versions go with it; each other document is listed once, as it is now if it still points here.
  const seen = new Set<string>()
  return found
    .filter((ref) => !(ref.collection === slug && sameId(ref.id, id)))
    .sort((a, b) => Number(Boolean(a.version)) - Number(Boolean(b.version)))
    .filter((ref) => {
      const key = `${ref.collection}:${ref.id}`
      return seen.has(key) ? false : Boolean(seen.add(key))
    })
}

const SHOWN = 5

const describe = (references: Reference[], req: PayloadRequest): string => {
  const shown = references.slice(0, SHOWN).map((ref) => {
    const what = `${ref.collection}${ref.id === null ? '' : ` ${ref.id}`} “${ref.title}”`
    return ref.version ? `${what} (${translate(req.t, 'reference-version')})` : what
  })
  const more = references.length - shown.length
  return [...shown, ...(more > 0 ? [translate(req.t, 'error-referencedMore', { count: more })] : [])].join(', ')
}

/**
 * A delete that the database would carry over to the documents pointing at the deleted one
 * (relationship rows cascade away, single references are set to null, in versions too) would
 * rewrite what published documents and their history say. So a document that any other document
 * or version points to, in any collection or global, is not deleted: a 409 lists who points to it
 * and, where the collection has a trash, offers it instead.
 */
export const refuseDeleteWhileReferenced =
  (): CollectionBeforeDeleteHook =>
  async ({ collection, id, req }) => {
    const references = await referencesTo(collection.slug, id, req)
    if (!references.length) return
    const current = collection.trash
      ? ((await req.payload.db.findOne({ collection: collection.slug, req, where: { id: { equals: id } } })) as { deletedAt?: unknown } | null)
      : null
    const offerTrash = Boolean(collection.trash) && !current?.deletedAt
    const message = [
      translate(req.t, 'error-referenced', { references: describe(references, req) }),
      ...(offerTrash ? [translate(req.t, 'error-referencedTrash')] : []),
    ].join(' ')
    throw new APIError(message, 409, { references }, true)
  }
