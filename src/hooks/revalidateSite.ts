import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

/** The cache tag of everything the public pages read. */
export const SITE_TAG = 'wirehouse-site'

const expire = async () => {
  // Next's runtime provides this global. Without it (the CLI, the seed before Next starts,
  // tests) there is no page cache to expire, and loading next/cache would break Next's start.
  if (!('AsyncLocalStorage' in globalThis)) return
  try {
    const { revalidateTag } = await import('next/cache.js')
    revalidateTag(SITE_TAG, { expire: 0 })
  } catch {
    // Outside a request (a job, a script in the server's process) there is nothing to expire.
  }
}

/**
 * Expires the public pages' cache after any change they show: an article, a section, a site,
 * a source, a notice or the publisher. Coarse on purpose: one edit can change every page's
 * boilerplate, and a wire site's pages are cheap to render again.
 */
export const revalidateSite = (): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } => ({
  afterChange: async ({ doc }) => (await expire(), doc),
  afterDelete: async ({ doc }) => (await expire(), doc),
})

export const revalidateSiteGlobal = (): GlobalAfterChangeHook => async ({ doc }) => (await expire(), doc)
