export type Id = number | string

/**
 * The id a relationship value points to, whatever its form: an id, a populated document, or a
 * polymorphic `{ relationTo, value }`. Null when it points nowhere. Safe in client components.
 */
export const idOf = (ref: unknown): Id | null => {
  if (ref === null || ref === undefined || ref === '') return null
  if (typeof ref === 'string' || typeof ref === 'number') return ref
  if (typeof ref === 'object') {
    if ('value' in ref && 'relationTo' in ref) return idOf(ref.value)
    if ('id' in ref) return idOf(ref.id)
  }
  return null
}

/** The ids of a hasMany relationship value, empty references left out. */
export const idsOf = (refs: unknown): Id[] =>
  (Array.isArray(refs) ? refs : [refs]).map(idOf).filter((id): id is Id => id !== null)

/** Whether two references point to the same document (ids compared as strings: PostgreSQL ids are numbers, JWT ids may be strings). */
export const sameId = (a: unknown, b: unknown): boolean => {
  const id = idOf(a)
  return id !== null && String(id) === String(idOf(b))
}
