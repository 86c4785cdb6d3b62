import type { CollectionBeforeChangeHook } from 'payload'

/** Stamps `publishedAt` the first time a document is published; later edits keep it. */
export const setPublishedAt =
  (field = 'publishedAt'): CollectionBeforeChangeHook =>
  ({ data, originalDoc }) => {
    if (data._status === 'published' && !data[field] && !originalDoc?.[field]) {
      data[field] = new Date().toISOString()
    }
    return data
  }
