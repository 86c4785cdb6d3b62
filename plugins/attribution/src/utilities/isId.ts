import type { CollectionSlug, Payload } from 'payload'

/** The largest id of a SQL adapter's serial id column: anything larger fails the query there. */
const MAX_SERIAL_ID = 2_147_483_647

/**
 * Whether a value from a request can be an id of a document of `slug`: on SQL adapters a whole
 * number from 1 to the column's maximum (`12abc`, `1.5`, `-1`, `%00` cannot), elsewhere a
 * non-empty string without a NUL. Checked before it reaches the database, which answers 500 otherwise.
 */
export const isIdOf = (payload: Payload, slug: string, value: unknown): boolean => {
  const numeric = payload.db.defaultIDType === 'number' && payload.collections[slug as CollectionSlug]?.customIDType !== 'text'
  if (!numeric) return typeof value === 'number' || (typeof value === 'string' && value !== '' && !value.includes('\0'))
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN
  return Number.isInteger(id) && id >= 1 && id <= MAX_SERIAL_ID
}
