import type { CollectionBeforeChangeHook } from 'payload'

/** The first account on an empty database becomes an admin, whatever it asked for. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ collection, data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: collection.slug as 'users', req })
  if (totalDocs === 0) data.roles = ['admin']
  return data
}
