import type { FlattenedField } from 'payload'

import { createHash } from 'node:crypto'

/** What is not the text a reviewer approves: the review itself and bookkeeping. */
const NOT_CONTENT = new Set(['review', 'rightsProposal', '_status', 'deletedAt', 'id', 'createdAt', 'updatedAt'])

type Doc = Record<string, unknown>

const stored = (field: FlattenedField) => 'name' in field && field.type !== 'join' && !(field as { virtual?: unknown }).virtual

/** A value as reviewers see it: relationships as ids, no empty values, keys in order, dates as instants. */
const normal = (value: unknown): unknown => {
  if (value === undefined || value === null || value === '') return null
  if (Array.isArray(value)) return value.length ? value.map(normal) : null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    const object = value as Doc
    if ('relationTo' in object && 'value' in object) return { relationTo: object.relationTo, value: normal(object.value) }
    if ('id' in object && 'createdAt' in object) return object.id
    const entries = Object.keys(object)
      .sort()
      .map((key) => [key, normal(object[key])] as const)
      .filter(([, inner]) => inner !== null)
    return entries.length ? Object.fromEntries(entries) : null
  }
  return value
}

const instant = (value: unknown) => (value ? new Date(value as string).getTime() : null)

/** Whether two values are the same for a reviewer. */
export const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b))

/** The content fields of a collection: every stored field but the review and bookkeeping. */
export const contentFields = (fields: FlattenedField[]) => fields.filter((field) => stored(field) && !NOT_CONTENT.has(field.name))

/** Whether `data` (a partial update) changes any of `fields` from `original`; groups compare key by key. */
export const changes = (fields: FlattenedField[], data: Doc, original: Doc | null | undefined): boolean =>
  fields.some((field) => {
    if (!stored(field) || !(field.name in data)) return false
    const [next, before] = [data[field.name], original?.[field.name]]
    if (field.type === 'group' && next && typeof next === 'object') return changes(field.flattenedFields, next as Doc, before as Doc)
    if (field.type === 'date') return instant(next) !== instant(before)
    return !same(next, before)
  })

/** What identifies a version of a text under review: a hash of its content fields. */
export const fingerprint = (fields: FlattenedField[], doc: Doc): string =>
  createHash('sha256')
    .update(JSON.stringify(normal(Object.fromEntries(fields.map((field) => [field.name, doc[field.name]])))))
    .digest('hex')
