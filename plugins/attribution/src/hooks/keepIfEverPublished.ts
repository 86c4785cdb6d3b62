import type { CollectionBeforeDeleteHook } from 'payload'

import { translate } from '../translations/translate.ts'
import { refuse } from '../utilities/refuse.ts'

/**
 * A notice that was ever published (any published version in its history) stays on record, as
 * time travel reads the notices of the past from it: it can go to the trash, but nobody deletes
 * it for good, whatever their role or access override. A never-published draft can be deleted.
 */
export const keepIfEverPublished: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const published = await req.payload.countVersions({
    collection: collection.slug,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  const current = (await req.payload.db.findOne({ collection: collection.slug, req, where: { id: { equals: id } } })) as {
    _status?: string
  } | null
  if (published.totalDocs > 0 || current?._status === 'published') throw refuse(translate(req.t, 'error-keptForRecord'))
}
