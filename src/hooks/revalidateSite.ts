import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { bumpGeneration } from '../site/generation'

/**
 * Expires the public pages' cache, on every instance, after any change they show: an article,
 * a section, a site, a source, a notice or the publisher. Coarse on purpose: one edit can change
 * every page's boilerplate, and a wire site's pages are cheap to render again. A new draft is
 * the one change no page shows.
 */
export const revalidateSite = (): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } => ({
  afterChange: async ({ doc, operation, req }) => {
    if (!(operation === 'create' && doc?._status === 'draft')) await bumpGeneration(req)
    return doc
  },
  afterDelete: async ({ doc, req }) => (await bumpGeneration(req), doc),
})

export const revalidateSiteGlobal = (): GlobalAfterChangeHook => async ({ doc, req }) => (await bumpGeneration(req), doc)
