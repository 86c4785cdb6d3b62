/**
 * Payload's own REST endpoints, described once for any collection or global: the table below is
 * keyed by `method path` as Payload registers them (collection.endpoints, global.endpoints,
 * config.endpoints). `'internal'` marks the admin's own (access, init, preferences), left out.
 */
import type { Json } from './types'

import { LIMITS } from '../limits'
import { jsonContent, jsonResponse, MESSAGE, pathParameter, queryParameter, refusals, schemaRef } from './refs'
import { pageOf } from './schemas'

export type Entity = {
  kind: 'collection' | 'global'
  slug: string
  title: string
  auth: boolean
  upload: boolean
  versions: boolean
  drafts: boolean
  attribution: boolean
}

type Describe = (entity: Entity) => 'internal' | Json | null

const { maxDepth, maxLimit } = LIMITS.rest

const depth = queryParameter('depth', `Relationship levels to populate (0 to ${maxDepth}; default 2).`, { type: 'integer', minimum: 0, maximum: maxDepth })
const locale = queryParameter('locale', 'The locale to read or write (when localization is on).')
const select = queryParameter('select', 'Only these fields, as `select[field]=true` (qs syntax).', { type: 'object', additionalProperties: true }, { style: 'deepObject', explode: true })
const draft = queryParameter('draft', 'Read the latest draft rather than the published version (for those who may).', { type: 'boolean' })

const listParameters = (entity: Entity): Json[] => [
  queryParameter('where', 'A query, as `where[field][operator]=value` (qs syntax): `equals`, `not_equals`, `in`, `like`, `contains`, `greater_than`, `exists`… and `and`/`or`.', { type: 'object', additionalProperties: true }, { style: 'deepObject', explode: true }),
  queryParameter('limit', `Documents per page (1 to ${maxLimit}; default 10).`, { type: 'integer', minimum: 1, maximum: maxLimit }),
  queryParameter('page', 'The page, from 1.', { type: 'integer', minimum: 1 }),
  queryParameter('sort', 'A field to sort by; `-field` descending; several comma separated.'),
  depth,
  select,
  ...(entity.drafts ? [draft] : []),
  locale,
  ...(entity.attribution ? [attributionParameter, attributionAtParameter] : []),
]

export const attributionParameter = queryParameter(
  'attribution',
  '`full`: each notice of `attribution.notices` with its own `text` and `html` (schema `AttributionFull`); without it the lean form (`Attribution`).',
  { type: 'string', enum: ['full'] },
)
export const attributionAtParameter = queryParameter('attributionAt', 'Resolve the attribution as it was or will be at this moment (ISO 8601).', { type: 'string', format: 'date-time' })

const docParameters = (entity: Entity): Json[] => [
  depth,
  select,
  ...(entity.drafts ? [draft] : []),
  locale,
  ...(entity.attribution ? [attributionParameter, attributionAtParameter] : []),
]

const doc = (entity: Entity) => schemaRef(entity.slug)
const input = (entity: Entity) => ({ required: true, content: jsonContent(schemaRef(`${entity.slug}_input`)) })
const docAndMessage = (entity: Entity) => ({ type: 'object', properties: { doc: doc(entity), message: { type: 'string' } }, required: ['doc'] })
const bulk = (entity: Entity) => ({
  type: 'object',
  properties: { docs: { type: 'array', items: doc(entity) }, errors: { type: 'array', items: { type: 'object' } }, message: { type: 'string' } },
  required: ['docs'],
})
const id = pathParameter('id')

const versionSchema = (entity: Entity) => ({
  type: 'object',
  properties: { id: { type: ['string', 'number'] }, parent: {}, version: schemaRef(`${entity.slug}_version`), createdAt: { type: 'string' }, updatedAt: { type: 'string' }, latest: { type: ['boolean', 'null'] }, autosave: { type: ['boolean', 'null'] } },
  required: ['id', 'version'],
})

const versionsOnly = (describe: Describe): Describe => (entity) => (entity.versions ? describe(entity) : null)

const COLLECTION: Record<string, Describe> = {
  'get /': (e) => ({
    summary: `List ${e.title}`,
    description: `A page of the ${e.title} the caller may read (anonymous readers: what is public).`,
    parameters: listParameters(e),
    responses: { 200: jsonResponse('A page of documents.', pageOf(doc(e))), ...refusals(400, 401, 403) },
  }),
  'post /': (e) => ({
    summary: `Create a ${e.title} document`,
    parameters: [depth, ...(e.drafts ? [draft] : []), locale],
    requestBody: e.upload
      ? { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' }, _payload: { type: 'string', description: 'The other fields, as JSON.' } }, required: ['file'] } } } }
      : input(e),
    responses: { 201: jsonResponse('Created.', docAndMessage(e)), ...refusals(400, 401, 403) },
  }),
  'patch /': (e) => ({
    summary: `Update the ${e.title} documents a query matches`,
    parameters: listParameters(e).filter((p) => ['where', 'limit', 'depth', 'draft', 'locale'].includes(p.name)),
    requestBody: input(e),
    responses: { 200: jsonResponse('The documents as written, and those that failed.', bulk(e)), ...refusals(400, 401, 403) },
  }),
  'delete /': (e) => ({
    summary: `Delete the ${e.title} documents a query matches`,
    parameters: listParameters(e).filter((p) => ['where', 'limit', 'depth'].includes(p.name)),
    responses: { 200: jsonResponse('The documents deleted, and those that failed.', bulk(e)), ...refusals(400, 401, 403) },
  }),
  'get /count': (e) => ({
    summary: `Count ${e.title}`,
    parameters: listParameters(e).filter((p) => ['where', 'draft', 'locale'].includes(p.name)),
    responses: { 200: jsonResponse('How many the caller may read.', { type: 'object', properties: { totalDocs: { type: 'integer' } }, required: ['totalDocs'] }), ...refusals(400, 401, 403) },
  }),
  'get /:id': (e) => ({
    summary: `Read a ${e.title} document`,
    parameters: [id, ...docParameters(e)],
    responses: { 200: jsonResponse('The document.', doc(e)), ...refusals(400, 401, 403, 404) },
  }),
  'patch /:id': (e) => ({
    summary: `Update a ${e.title} document`,
    parameters: [id, depth, ...(e.drafts ? [draft, queryParameter('autosave', 'Save as an autosave draft.', { type: 'boolean' })] : []), locale],
    requestBody: input(e),
    responses: { 200: jsonResponse('The document as written.', docAndMessage(e)), ...refusals(400, 401, 403, 404) },
  }),
  'delete /:id': (e) => ({
    summary: `Delete a ${e.title} document`,
    parameters: [id, depth],
    responses: { 200: jsonResponse('The deleted document.', docAndMessage(e)), ...refusals(400, 401, 403, 404) },
  }),
  'post /:id/duplicate': (e) => ({
    summary: `Duplicate a ${e.title} document`,
    parameters: [id, depth, ...(e.drafts ? [draft] : []), locale],
    requestBody: { required: false, content: jsonContent(schemaRef(`${e.slug}_input`)) },
    responses: { 200: jsonResponse('The copy.', docAndMessage(e)), ...refusals(400, 401, 403, 404) },
  }),
  'get /versions': versionsOnly((e) => ({
    summary: `List versions of ${e.title}`,
    parameters: listParameters(e).filter((p) => ['where', 'limit', 'page', 'sort', 'depth', 'locale'].includes(p.name)),
    responses: { 200: jsonResponse('A page of versions.', pageOf(versionSchema(e))), ...refusals(400, 401, 403) },
  })),
  'get /versions/:id': versionsOnly((e) => ({
    summary: `Read a version of a ${e.title} document`,
    parameters: [pathParameter('id', "The version's id."), depth, locale],
    responses: { 200: jsonResponse('The version.', versionSchema(e)), ...refusals(400, 401, 403, 404) },
  })),
  'post /versions/:id': versionsOnly((e) => ({
    summary: `Restore a version of a ${e.title} document`,
    parameters: [pathParameter('id', "The version's id."), depth],
    responses: { 200: jsonResponse('The document as restored, with a `message`.', schemaRef(`${e.slug}_version`)), ...refusals(400, 401, 403, 404) },
  })),
  'post /access/:id?': () => 'internal',
}

const credentials = {
  required: true,
  content: jsonContent({ type: 'object', properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } }, required: ['email', 'password'] }),
}
const session = (e: Entity) => ({
  type: 'object',
  properties: { message: { type: 'string' }, user: doc(e), token: { type: 'string', description: 'Send as `Authorization: JWT <token>`; the same is set as the `payload-token` cookie.' }, exp: { type: 'integer' } },
  required: ['user'],
})

const AUTH: Record<string, Describe> = {
  'post /login': (e) => ({
    summary: 'Sign in',
    description: 'Answers the user and a JWT, and sets the `payload-token` session cookie (HttpOnly). Throttled per address and per account.',
    security: [{}],
    requestBody: credentials,
    responses: { 200: jsonResponse('Signed in.', session(e)), ...refusals(400, 401, 403, 429) },
  }),
  'post /logout': () => ({
    summary: 'Sign out',
    description: 'Ends the session and clears the `payload-token` cookie.',
    responses: { 200: jsonResponse('Signed out.', MESSAGE), ...refusals(400, 401) },
  }),
  'get /me': (e) => ({
    summary: 'Who is signed in',
    description: '`user` is null for an anonymous caller.',
    responses: {
      200: jsonResponse('The signed-in user, or null.', {
        type: 'object',
        properties: { user: { oneOf: [doc(e), { type: 'null' }] }, token: { type: 'string' }, exp: { type: 'integer' }, collection: { type: 'string' }, strategy: { type: 'string' }, message: { type: 'string' } },
        required: ['user'],
      }),
    },
  }),
  'post /refresh-token': (e) => ({
    summary: 'Refresh the session',
    description: 'A new JWT (and cookie) for the signed-in user.',
    responses: {
      200: jsonResponse('Refreshed.', { type: 'object', properties: { message: { type: 'string' }, refreshedToken: { type: 'string' }, exp: { type: 'integer' }, user: doc(e) }, required: ['refreshedToken'] }),
      ...refusals(401, 403),
    },
  }),
  'post /forgot-password': () => ({
    summary: 'Ask for a password reset',
    description: 'Mails a reset link when the address has an account; answers the same either way.',
    security: [{}],
    requestBody: { required: true, content: jsonContent({ type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] }) },
    responses: { 200: jsonResponse('Sent (if the account exists).', MESSAGE), ...refusals(400, 429) },
  }),
  'post /reset-password': (e) => ({
    summary: 'Reset a password with the mailed token',
    security: [{}],
    requestBody: { required: true, content: jsonContent({ type: 'object', properties: { token: { type: 'string' }, password: { type: 'string' } }, required: ['token', 'password'] }) },
    responses: { 200: jsonResponse('Reset and signed in.', session(e)), ...refusals(400, 403) },
  }),
  'post /unlock': () => ({
    summary: 'Unlock an account locked by failed sign-ins',
    requestBody: { required: true, content: jsonContent({ type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] }) },
    responses: { 200: jsonResponse('Unlocked.', MESSAGE), ...refusals(400, 401, 403) },
  }),
  'post /verify/:id': () => ({
    summary: 'Verify an email address with the mailed token',
    security: [{}],
    parameters: [pathParameter('id', 'The verification token from the mail.')],
    responses: { 200: jsonResponse('Verified.', MESSAGE), ...refusals(400, 403, 404) },
  }),
  'post /first-register': (e) => ({
    summary: 'Create the first admin on an empty database',
    description: 'Only while no user exists (and never in production: use `npm run create-admin`).',
    security: [{}],
    requestBody: credentials,
    responses: { 200: jsonResponse('Created and signed in.', session(e)), ...refusals(400, 403) },
  }),
  'get /init': () => 'internal',
}

const UPLOAD: Record<string, Describe> = {
  'get /file/:filename': (e) => ({
    summary: `Download a ${e.title} file`,
    parameters: [pathParameter('filename', "The file's name (`filename`, or a size's).")],
    responses: { 200: { description: 'The file.', content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } }, ...refusals(403, 404) },
  }),
  'get /paste-url/:id?': () => 'internal',
}

const PREFERENCES: Record<string, Describe> = { 'get /:key': () => 'internal', 'delete /:key': () => 'internal', 'post /:key': () => 'internal' }

const GLOBAL: Record<string, Describe> = {
  'get /': (e) => ({
    summary: `Read ${e.title}`,
    parameters: docParameters(e),
    responses: { 200: jsonResponse(`${e.title}.`, doc(e)), ...refusals(400, 401, 403) },
  }),
  'post /': (e) => ({
    summary: `Update ${e.title}`,
    parameters: [depth, ...(e.drafts ? [draft] : []), locale],
    requestBody: input(e),
    responses: { 200: jsonResponse('As written.', { type: 'object', properties: { message: { type: 'string' }, result: doc(e) }, required: ['result'] }), ...refusals(400, 401, 403) },
  }),
  'get /versions': COLLECTION['get /versions']!,
  'get /versions/:id': COLLECTION['get /versions/:id']!,
  'post /versions/:id': versionsOnly((e) => ({
    summary: `Restore a version of ${e.title}`,
    parameters: [pathParameter('id', "The version's id."), depth],
    responses: { 200: jsonResponse('As restored.', { type: 'object', properties: { doc: { type: 'object', description: 'The restored version.', additionalProperties: true }, message: { type: 'string' } }, required: ['doc'] }), ...refusals(400, 401, 403, 404) },
  })),
  'post /access': () => 'internal',
}

/** The admin's: its permissions, and `@payloadcms/next`'s Open Graph image of admin pages. */
const ROOT: Record<string, Describe> = { 'get /access': () => 'internal', 'get /og': () => 'internal' }

/** Payload's description of an endpoint it registered itself, `'internal'`, `null` (not applicable), or undefined (not Payload's). */
export const builtin = (entity: Entity | null, method: string, path: string): 'internal' | Json | null | undefined => {
  const key = `${method.toLowerCase()} ${path}`
  if (!entity) return ROOT[key]?.(null as never)
  const table =
    entity.kind === 'global'
      ? GLOBAL
      : { ...COLLECTION, ...(entity.auth ? AUTH : {}), ...(entity.upload ? UPLOAD : {}), ...(entity.slug === 'payload-preferences' ? PREFERENCES : {}) }
  return table[key]?.(entity)
}
