/**
 * `GET /api/openapi.json`'s document, generated from the running config: nothing here lists a
 * collection or an endpoint by hand. Payload's own endpoints are described by `builtin.ts`; every
 * other endpoint (the app's, the plugin's, any plugin's) by the `custom.openapi` metadata beside
 * its handler. One without metadata is listed as "Not described yet." and named in
 * `undocumented`, which the tests require to be empty.
 */
import type { Endpoint, Payload, SanitizedConfig } from 'payload'

import type { Json } from './types'

import { builtin, type Entity } from './builtin'
import { graphqlPaths } from './graphql'
import { COMMON_RESPONSES, pathParameter } from './refs'
import { componentSchemas, isInternal } from './schemas'
import { NOT_DESCRIBED } from './types'

export type Generated = { document: Json; undocumented: string[] }

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const

/** `/:id/reach` to `/{id}/reach`, and the names of its parameters. */
const openApiPath = (path: string) => {
  const names: string[] = []
  const converted = path.replace(/:([A-Za-z0-9_]+)\??/g, (_, name: string) => {
    names.push(name)
    return `{${name}}`
  })
  return { path: converted === '/' ? '' : converted.replace(/\/$/, ''), names }
}

const labelOf = (labels: unknown, fallback: string): string => {
  if (typeof labels === 'string') return labels
  if (labels && typeof labels === 'object' && 'en' in labels && typeof labels.en === 'string') return labels.en
  return fallback
}

const entityOf = (config: SanitizedConfig, kind: Entity['kind'], slug: string): Entity => {
  if (kind === 'global') {
    const global = config.globals.find((g) => g.slug === slug)!
    return { kind, slug, title: labelOf(global.label, slug), auth: false, upload: false, versions: Boolean(global.versions), drafts: Boolean(global.versions && typeof global.versions === 'object' && global.versions.drafts), attribution: false }
  }
  const collection = config.collections.find((c) => c.slug === slug)!
  return {
    kind,
    slug,
    title: labelOf(collection.labels?.plural, slug),
    auth: Boolean(collection.auth),
    upload: Boolean(collection.upload),
    versions: Boolean(collection.versions),
    drafts: Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts),
    attribution: collection.flattenedFields.some((field) => field.name === 'attribution' && field.type === 'group'),
  }
}

/** The operation for one registered endpoint, or null when it stays out of the document. */
const describe = (entity: Entity | null, endpoint: Endpoint, names: string[], undocumented: string[], where: string): Json | null => {
  const custom = (endpoint.custom as undefined | { openapi?: false | Json })?.openapi
  if (custom === false) return null
  let operation: Json | null | undefined = custom
  if (!operation) {
    const known = builtin(entity, endpoint.method, endpoint.path)
    if (known === 'internal' || known === null) return null
    operation = known
  }
  if (!operation) {
    undocumented.push(where)
    operation = { summary: NOT_DESCRIBED, description: NOT_DESCRIBED, responses: { default: { $ref: '#/components/responses/Error' } } }
  }
  const listed = new Set((operation.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name))
  const missing = names.filter((name) => !listed.has(name)).map((name) => pathParameter(name, name === 'id' ? "The document's id." : name))
  const responses = { ...operation.responses }
  if (!Object.keys(responses).some((code) => code.startsWith('5') || code === 'default')) responses.default = { $ref: '#/components/responses/Error' }
  return {
    ...operation,
    tags: operation.tags ?? [entity?.slug ?? 'api'],
    ...((missing.length || operation.parameters) && { parameters: [...missing, ...(operation.parameters ?? [])] }),
    responses,
  }
}

const SECURITY_SCHEMES = {
  cookie: { type: 'apiKey', in: 'cookie', name: 'payload-token', description: 'The session cookie `POST /api/users/login` sets (HttpOnly; it counts only on requests from ALLOWED_ORIGINS).' },
  jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`Authorization: JWT <token>`, the `token` `POST /api/users/login` answers.' },
  apiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: "`Authorization: users API-Key <key>`, a key from `POST /api/users/{id}/api-key` (integrations: ingest, feeds)." },
}

export const generate = (config: SanitizedConfig, defaultIDType: 'number' | 'text', info: Json = {}): Generated => {
  const api = config.routes.api
  const paths: Json = {}
  const undocumented: string[] = []
  const seen = new Set<string>()
  const add = (entity: Entity | null, prefix: string, endpoints: Endpoint[] | false | undefined) => {
    for (const endpoint of endpoints || []) {
      const method = endpoint.method.toLowerCase()
      if (!(METHODS as readonly string[]).includes(method)) continue
      const { path, names } = openApiPath(endpoint.path)
      const full = `${prefix}${path}` || '/'
      // The first registered answers (the app's before Payload's for the same route).
      if (seen.has(`${method} ${full}`)) continue
      seen.add(`${method} ${full}`)
      const operation = describe(entity, endpoint, names, undocumented, `${method.toUpperCase()} ${api}${full}`)
      if (!operation) continue
      paths[full] = { ...paths[full], [method]: { operationId: operationId(method, full), ...operation } }
    }
  }
  add(null, '', config.endpoints)
  for (const collection of config.collections) {
    if (isInternal(collection.slug)) continue
    add(entityOf(config, 'collection', collection.slug), `/${collection.slug}`, collection.endpoints)
  }
  for (const global of config.globals) add(entityOf(config, 'global', global.slug), `/globals/${global.slug}`, global.endpoints)
  Object.assign(paths, graphqlPaths(config))
  const tags = [
    ...config.collections.filter((c) => !isInternal(c.slug)).map((c) => ({ name: c.slug, description: labelOf(c.labels?.plural, c.slug) })),
    ...config.globals.map((g) => ({ name: g.slug, description: `${labelOf(g.label, g.slug)} (global)` })),
    { name: 'api', description: 'Across collections: the attribution preview and report, GraphQL, this document.' },
  ].filter((tag) => Object.values(paths).some((item: Json) => Object.values(item).some((op: Json) => op.tags?.includes(tag.name))))
  const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)))
  const document: Json = {
    openapi: '3.1.0',
    info: {
      title: 'Wirehouse API',
      version: '1',
      description:
        'The REST API of Wirehouse, generated from the running configuration (collections, fields, endpoints). Errors are always `{ errors: [{ message }] }`. Anonymous callers read what is public; sign in with the session cookie, `Authorization: JWT <token>` or an API key for the rest.',
      ...info,
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: api, description: 'This server' }],
    security: [{}, { cookie: [] }, { jwt: [] }, { apiKey: [] }],
    tags,
    paths: sorted,
    components: { schemas: componentSchemas(config, defaultIDType), responses: COMMON_RESPONSES, securitySchemes: SECURITY_SCHEMES },
  }
  return { document, undocumented }
}

const operationId = (method: string, path: string) =>
  `${method}${path
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/[{}]/g, '').replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()))
    .join('_')}`

/** One document per Payload instance (the config does not change while it runs). */
const cache = new WeakMap<Payload, Generated>()

export const documentFor = (payload: Payload): Generated => {
  let generated = cache.get(payload)
  if (!generated) {
    generated = generate(payload.config, payload.db.defaultIDType === 'number' ? 'number' : 'text')
    cache.set(payload, generated)
  }
  return generated
}


