import type { CollectionBeforeDeleteHook } from 'payload'

import { refuse } from './refuse'

/**
 * A document that was ever published (any published version in its history) stays on record:
 * it can go to the trash, but nobody deletes it for good, whatever their role or access
 * override. A draft that was never published can still be deleted from the trash.
 */
export const keepIfEverPublished =
  (what: string): CollectionBeforeDeleteHook =>
  async ({ collection, id, req }) => {
    const published = await req.payload.countVersions({
      collection: collection.slug as never,
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
      overrideAccess: true,
      req,
    })
    const current = (await req.payload.db.findOne({ collection: collection.slug, req, where: { id: { equals: id } } })) as {
      _status?: string
    } | null
    if (published.totalDocs > 0 || current?._status === 'published') {
      throw refuse(`This ${what} was published, so it is kept for the record: it can be moved to the trash and restored, but never deleted for good.`)
    }
  }
