import type { CollectionBeforeOperationHook, CollectionSlug, FlattenedField, Payload, Plugin, Where } from 'payload'

import { isIdOf } from '@wirehouse/payload-plugin-attribution'
import { APIError } from 'payload'

import { LIMITS } from '@/limits'

/**
 * Refuses a `where` or `sort` that Payload 3.90 would hand to the database as it is, where it fails
 * as a 500: an invalid date, `near` on a field that is not a point, a word compared with an id or
 * a number, `in` with something that is not a list. A 400 naming the path and the problem instead,
 * over REST, GraphQL and the Local API. Paths Payload itself refuses (unknown, virtual, not
 * readable) are left to its own check.
 */

type Found = { field: FlattenedField; slug: string } | { id: true; slug: string }

const GEO = new Set(['near', 'within', 'intersects'])
const COMPARE = new Set(['equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'in', 'not_in', 'all'])
const LISTS = new Set(['in', 'not_in', 'all'])

const bad = (message: string) => new APIError(message, 400, undefined, true)

/** The field at a dotted (or GraphQL `__`) path, through groups, tabs, arrays and relationships; null when unknown. */
const fieldAt = (payload: Payload, slug: string, path: string): Found | null => {
  const fieldsOf = (name: string): FlattenedField[] | undefined => payload.collections[name as CollectionSlug]?.config.flattenedFields
  let fields = fieldsOf(slug)
  let current = slug
  const segments = path.replace(/__/g, '.').split('.')
  for (const [i, name] of segments.entries()) {
    if (name === 'id' && i === segments.length - 1) return { id: true, slug: current }
    const field = fields?.find((f) => f.name === name)
    if (!field) return null
    if (i === segments.length - 1) return { field, slug: current }
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
      current = field.relationTo
      fields = fieldsOf(current)
    } else if ('flattenedFields' in field) {
      fields = field.flattenedFields
    } else return null
  }
  return null
}

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]

const isNull = (value: unknown) => value === null || value === undefined || value === '' || value === 'null'

const isDate = (value: unknown) =>
  value instanceof Date ? !Number.isNaN(value.getTime()) : (typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime())

const isNumber = (value: unknown) => (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) && Number.isFinite(Number(value))

const show = (value: unknown) => JSON.stringify(value)

/** What is wrong with one `path: { operator: value }`, or null. */
const constraintProblem = (payload: Payload, found: Found, path: string, operator: string, value: unknown): null | string => {
  const type = 'id' in found ? 'id' : found.field.type
  if (GEO.has(operator) && type !== 'point') return `${path}: "${operator}" works only on point fields, and this is a ${type} field.`
  if (operator === 'exists' && ![true, false, 'true', 'false'].includes(value as string)) return `${path}: "exists" takes true or false, not ${show(value)}.`
  if (!COMPARE.has(operator)) return null
  if (LISTS.has(operator) && !Array.isArray(value) && typeof value !== 'string') return `${path}: "${operator}" takes a list, not ${show(value)}.`
  const values = (LISTS.has(operator) ? listOf(value) : [value]).filter((v) => !isNull(v))
  const nested = values.find((v) => typeof v === 'object' && !(v instanceof Date))
  if (nested !== undefined) return `${path}: "${operator}" takes a value, not ${show(nested)}.`
  if (type === 'date') {
    const wrong = values.find((v) => !isDate(v))
    return wrong === undefined ? null : `${path}: ${show(wrong)} is not a date.`
  }
  if (type === 'number') {
    const wrong = values.find((v) => !isNumber(v))
    return wrong === undefined ? null : `${path}: ${show(wrong)} is not a number.`
  }
  const target = 'id' in found ? found.slug : (found.field.type === 'relationship' || found.field.type === 'upload') && typeof found.field.relationTo === 'string' ? found.field.relationTo : null
  if (target) {
    const wrong = values.find((v) => !isIdOf(payload, target, v))
    return wrong === undefined ? null : `${path}: ${show(wrong)} is not an id of ${target}.`
  }
  return null
}

const whereProblem = (payload: Payload, slug: string, where: unknown, at: string): null | string => {
  if (where === undefined || where === null) return null
  if (typeof where !== 'object' || Array.isArray(where)) return `${at || 'where'}: ${show(where)} is not a set of conditions.`
  for (const [key, constraint] of Object.entries(where as Where)) {
    const here = at ? `${at}.${key}` : key
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(constraint)) return `${here}: takes a list of conditions, not ${show(constraint)}.`
      for (const [i, item] of constraint.entries()) {
        const problem = whereProblem(payload, slug, item, `${here}.${i}`)
        if (problem) return problem
      }
      continue
    }
    const found = fieldAt(payload, slug, key)
    if (!found || !constraint || typeof constraint !== 'object') continue
    for (const [operator, value] of Object.entries(constraint)) {
      const problem = constraintProblem(payload, found, key, operator, value)
      if (problem) return problem
    }
  }
  return null
}

const { maxConditions, maxNesting, maxValues } = LIMITS.where

/**
 * What in a `where` is over `LIMITS.where`, or null: counted before anything else walks it, so a
 * `where` nested thousands deep or with thousands of conditions is a 400, not the database's 500.
 */
const sizeProblem = (where: unknown): null | string => {
  let conditions = 0
  const walk = (node: unknown, nesting: number): null | string => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return null
    for (const [key, constraint] of Object.entries(node)) {
      if (key === 'and' || key === 'or') {
        if (!Array.isArray(constraint)) continue
        if (nesting + 1 > maxNesting) return `where: "and"/"or" nested more than ${maxNesting} deep.`
        for (const item of constraint) {
          const problem = walk(item, nesting + 1)
          if (problem) return problem
        }
        continue
      }
      for (const [operator, value] of Object.entries(constraint && typeof constraint === 'object' ? constraint : { equals: constraint })) {
        if (++conditions > maxConditions) return `where: more than ${maxConditions} conditions.`
        const values = Array.isArray(value) ? value.length : typeof value === 'string' && LISTS.has(operator) ? value.split(',').length : 0
        if (values > maxValues) return `where: ${key} "${operator}" lists ${values} values, over the limit of ${maxValues}.`
      }
    }
    return null
  }
  return walk(where, 0)
}

/**
 * Payload checks a sort's read access path by path, but takes a string as one path while the
 * database splits it at commas, and skips a path with a space before it while the database trims
 * it: `sort=_status,-wireRights.holder` or `sort=headline,%20-ingest.reason` sorted by a field
 * the caller may not read. Each path on its own and trimmed instead, so each is checked.
 */
const sortPaths = (sort: unknown): unknown => {
  const paths = typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) && sort.every((path) => typeof path === 'string') ? sort.flatMap((path: string) => path.split(',')) : null
  if (!paths) return sort
  const trimmed = paths.map((path) => path.trim()).filter(Boolean)
  return typeof sort === 'string' && trimmed.length === 1 ? trimmed[0] : trimmed
}

/** The versions table's own columns: its operations (findVersions, countVersions) come through this hook too. */
const VERSION_COLUMNS = new Set(['version', 'parent', 'latest', 'snapshot', 'autosave', 'publishedLocale'])

const sortProblem = (payload: Payload, slug: string, sort: unknown): null | string => {
  if (sort === undefined || sort === null || sort === '') return null
  const paths = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : null
  if (!paths || paths.some((path) => typeof path !== 'string')) return `sort: ${show(sort)} is not a list of field names.`
  const unknown = paths
    .map((path: string) => path.trim().replace(/^-/, ''))
    .find((path) => path && !VERSION_COLUMNS.has(path.split('.')[0]) && !fieldAt(payload, slug, path))
  return unknown === undefined ? null : `sort: "${unknown}" is not a field of ${slug}.`
}

export const wellFormedQuery: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { where, sort, duplicateFromID } = args as { duplicateFromID?: unknown; sort?: unknown; where?: unknown }
  const size = req.payloadAPI === 'local' ? null : sizeProblem(where)
  // `POST /:id/duplicate` reads its source by id with no `where`: a malformed id reached the database (a 500).
  const source = duplicateFromID !== undefined && duplicateFromID !== null && !isIdOf(req.payload, collection.slug, duplicateFromID) ? `id: ${show(req.routeParams?.id ?? String(duplicateFromID))} is not an id of ${collection.slug}.` : null
  const problem = size ?? source ?? whereProblem(req.payload, collection.slug, where, '') ?? sortProblem(req.payload, collection.slug, sort)
  if (problem) throw bad(problem)
  return sort === undefined ? args : { ...args, sort: sortPaths(sort) }
}

/** The check on every collection, the plugins' included: listed after them in the config's plugins. */
export const wellFormedQueries: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [wellFormedQuery, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
