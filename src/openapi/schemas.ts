/**
 * The document's component schemas, from Payload's own JSON Schema of the config (the one
 * `payload generate:types` writes payload-types.ts from): every public collection and global by
 * its slug, the named interfaces (`Attribution`, `AttributionNotice`, `Availability`…), plus an
 * input schema per collection, the list page, the error shape and `AttributionFull`.
 */
import type { SanitizedConfig } from 'payload'

import { configToJSONSchema } from 'payload'

import type { Json } from './types'

import { SCHEMA_EXAMPLES } from './examples'
import { ERROR_SCHEMA, schemaRef } from './refs'

/** Payload's internal collections: the admin's, not part of the public contract. */
export const isInternal = (slug: string) => slug.startsWith('payload-')

/** Server-made properties a client never sends. */
const SERVER_MADE = ['id', 'globalType', '_strategy', 'createdAt', 'updatedAt', 'deletedAt', 'attribution', 'availability', 'collection', 'sessions', 'salt', 'hash', 'loginAttempts', 'lockUntil', 'resetPasswordToken', 'resetPasswordExpiration', 'apiKeyIndex']

/** Draft-07 `#/definitions/x` to OpenAPI's `#/components/schemas/x`, and drop the TypeScript-only keywords. */
const rewrite = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(rewrite)
  if (!value || typeof value !== 'object') return value
  const out: Json = {}
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'tsType') continue
    if (key === '$ref' && typeof inner === 'string') out.$ref = inner.replace('#/definitions/', '#/components/schemas/')
    else out[key] = rewrite(inner)
  }
  // Payload writes an optional select as `type: [..., 'null']` with an enum of its values: null is one too.
  if (Array.isArray(out.enum) && Array.isArray(out.type) && out.type.includes('null') && !out.enum.includes(null)) out.enum = [...out.enum, null]
  return out
}

/** Every `$ref`'d schema name under `value`. */
export const refsIn = (value: unknown, into = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, into))
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) into.add(inner.slice('#/components/schemas/'.length))
      else refsIn(inner, into)
    }
  }
  return into
}

/** What a client sends to create or update a document: the fields it may write, none required (Payload says which it misses). */
const inputOf = (schema: Json, title: string): Json => {
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([name]) => !SERVER_MADE.includes(name)))
  return { type: 'object', title, description: `The fields of ${schema.title ?? title} a client may send; relationships by id.`, properties }
}

/** `AttributionFull`: `?attribution=full`'s form, each notice with its own `text` and `html`. */
const attributionFull = (): Json => ({
  description:
    "The attribution as `?attribution=full` (or a `select` naming the notices' texts) answers it: each notice carries its own `text` and `html` too. Without it (the lean form, `Attribution`) each notice has `id`, `kind` and `title` only, and the texts are in the attribution's `text` and `html` once.",
  allOf: [
    schemaRef('Attribution'),
    {
      type: 'object',
      properties: {
        notices: {
          type: 'array',
          items: { type: 'object', properties: { text: { type: ['string', 'null'] }, html: { type: ['string', 'null'] } }, required: ['text', 'html'] },
        },
      },
    },
  ],
})

/** A version's `version` (and a restored document): the document as it was, without its own id. */
const versionOf = (schema: Json, title: string): Json => ({
  ...schema,
  title,
  required: (schema.required ?? []).filter((name: string) => !['id', 'createdAt', 'updatedAt'].includes(name)),
  additionalProperties: true,
})

const paginated = (): Json => ({
  type: 'object',
  description: 'A page of documents, as every list of the REST API answers.',
  properties: {
    docs: { type: 'array', items: {} },
    totalDocs: { type: 'integer' },
    limit: { type: 'integer' },
    totalPages: { type: 'integer' },
    page: { type: 'integer' },
    pagingCounter: { type: 'integer' },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean' },
    prevPage: { type: ['integer', 'null'] },
    nextPage: { type: ['integer', 'null'] },
  },
  required: ['docs', 'totalDocs', 'limit', 'page', 'hasPrevPage', 'hasNextPage'],
})

/** A page of one collection's documents. */
export const pageOf = (schema: Json): Json => ({ allOf: [schemaRef('Page'), { type: 'object', properties: { docs: { type: 'array', items: schema } } }] })

/**
 * What Payload never answers leaves the answer's schema: the `hidden` fields (a user's `hash`,
 * `salt`, `resetPasswordToken`, `loginAttempts`, `apiKeyIndex`…; `sessions` stays, its owner reads it), which the TypeScript types list.
 * The document is public: it describes what a client reads, not how the server stores it.
 */
const withoutHidden = (schema: Json, fields: SanitizedConfig['collections'][number]['flattenedFields']) => {
  const hidden = fields.filter((field) => 'hidden' in field && field.hidden === true).map((field) => field.name)
  // `password` is written (sign-up, reset), never read.
  if (schema.properties?.password) hidden.push('password')
  for (const name of hidden) delete schema.properties?.[name]
  if (Array.isArray(schema.required)) schema.required = schema.required.filter((name: string) => !hidden.includes(name))
}

export const componentSchemas = (config: SanitizedConfig, defaultIDType: 'number' | 'text'): Json => {
  const definitions = rewrite(configToJSONSchema(config, defaultIDType).definitions ?? {}) as Json
  const schemas: Json = {}
  for (const [name, schema] of Object.entries(definitions)) {
    // The admin's internals, the select shapes (types only) and the auth operations' TypeScript types.
    if (isInternal(name) || name.endsWith('_select') || name === 'auth' || name === 'collections_widget') continue
    schemas[name] = schema
  }
  for (const collection of config.collections) {
    const schema = schemas[collection.slug]
    if (!schema) continue
    // `collection` is on the signed-in user (login, me), not on a user read as a document.
    if (collection.auth && Array.isArray(schema.required)) schema.required = schema.required.filter((name: string) => name !== 'collection')
    // Sign-in answers the user as the strategy read it (its dates may be unset).
    if (collection.auth) for (const name of ['createdAt', 'updatedAt']) if (schema.properties[name]) schema.properties[name] = { type: ['string', 'null'] }
    if (collection.auth) schema.properties._strategy = { type: 'string', description: 'How the user signed in (on the signed-in user only).' }
    schemas[`${collection.slug}_input`] = inputOf(schema, `${schema.title ?? collection.slug} (input)`)
    withoutHidden(schema, collection.flattenedFields)
    if (collection.versions) schemas[`${collection.slug}_version`] = versionOf(schema, `${schema.title ?? collection.slug} (version)`)
  }
  for (const global of config.globals) {
    const schema = schemas[global.slug]
    if (!schema) continue
    schema.properties.globalType = { type: 'string', enum: [global.slug] }
    // A global has no id of its own to a client (the database's row id comes and goes).
    schema.required = (schema.required ?? []).filter((name: string) => name !== 'id')
    schemas[`${global.slug}_input`] = inputOf(schema, `${schema.title ?? global.slug} (input)`)
    withoutHidden(schema, global.flattenedFields)
    if (global.versions) schemas[`${global.slug}_version`] = versionOf(schema, `${schema.title ?? global.slug} (version)`)
  }
  if (schemas.Attribution) schemas.AttributionFull = attributionFull()
  for (const [name, example] of Object.entries(SCHEMA_EXAMPLES)) if (schemas[name]) schemas[name].example = example
  schemas.Page = paginated()
  schemas.Error = ERROR_SCHEMA
  // Internal collections referenced from public ones (none today) are described as ids only.
  for (const name of refsIn(schemas)) if (!schemas[name]) schemas[name] = { description: `Internal (${name}): not part of the public API.` }
  return schemas
}
