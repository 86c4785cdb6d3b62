import type { SanitizedConfig } from 'payload'

import { isIdOf } from '@wirehouse/payload-plugin-attribution'
import { APIError, getPayload } from 'payload'
import * as qs from 'qs-esm'

import { problem } from './problem'

/**
 * One small layer in front of Payload's REST and GraphQL route handlers for the malformed requests
 * Payload 3.90 answers with a 500: a body that is not a JSON object, a content type it ignores
 * (the document then arrives empty), an id that is not one (`abc`, `%00`, `12abc`), `where` that
 * is not JSON, paging parameters that are not numbers, a NUL character (PostgreSQL refuses it in
 * text), a GraphQL request error answered 200. Each is a 4xx in Payload's error shape whose
 * message names the problem. What the query means (`where` values by field) is checked by
 * `src/hooks/wellFormedQuery.ts`, for every API.
 */

type Config = Promise<SanitizedConfig> | SanitizedConfig
export type RestHandler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
export type GraphqlHandler = (request: Request) => Promise<Response>


const show = (value: unknown) => JSON.stringify(value)

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The path of the first string holding a NUL character, if any. */
const nulAt = (value: unknown, path = ''): null | string => {
  if (typeof value === 'string') return value.includes('\0') ? path || '(value)' : null
  if (typeof value !== 'object' || value === null) return null
  for (const [key, item] of Object.entries(value)) {
    const found = nulAt(item, path ? `${path}.${key}` : key)
    if (found) return found
  }
  return null
}

const WHOLE = /^\d+$/
/** qs-esm's depth, as Payload parses the query: deeper brackets stay in a key as text. */
const QUERY_DEPTH = 10

const tooDeep = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Object.entries(value).some(([key, item]) => key.includes('[') || tooDeep(item))

const queryProblem = (config: SanitizedConfig, search: string): null | string => {
  let query: Record<string, unknown>
  try {
    query = qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: QUERY_DEPTH, ignoreQueryPrefix: true })
  } catch {
    return 'The query string does not parse.'
  }
  const nul = nulAt(query)
  if (nul) return `${nul}: the query holds a NUL character.`
  for (const name of ['depth', 'limit', 'page'] as const) {
    const value = query[name]
    if (value === undefined) continue
    if (typeof value !== 'string' || !WHOLE.test(value) || (name === 'page' && Number(value) < 1)) {
      return `${name}: ${show(value)} must be a whole number from ${name === 'page' ? 1 : 0}.`
    }
  }
  if (tooDeep(query.where)) return `where: nested more than ${QUERY_DEPTH} levels deep.`
  if (typeof query.where === 'string' && query.where) {
    try {
      if (!isPlainObject(JSON.parse(query.where))) throw new Error()
    } catch {
      return 'where: not a JSON object; send where[field][operator]=value, or where as a JSON object.'
    }
  }
  if (query.select !== undefined && !isPlainObject(query.select)) return 'select: takes fields as select[field]=true.'
  if (query.populate !== undefined) {
    if (!isPlainObject(query.populate)) return 'populate: takes collections as populate[collection][field]=true.'
    const unknown = Object.keys(query.populate).find((slug) => !config.collections.some((c) => c.slug === slug))
    if (unknown) return `populate: "${unknown}" is not a collection.`
  }
  for (const name of ['locale', 'fallback-locale', 'fallbackLocale', 'sort']) {
    const value = query[name]
    if (value !== undefined && typeof value !== 'string' && !(name === 'sort' && Array.isArray(value))) return `${name}: ${show(value)} is not text.`
  }
  return null
}

const endpointsOf = (config: SanitizedConfig, slug: string) =>
  config.collections.find((c) => c.slug === slug)?.endpoints || []

/**
 * The path of the endpoint `/<collection>/<segment>` reaches, the first that matches as in
 * Payload's router: a named one (`/count`, `/me`, preferences' `/:key`) before `/:id`.
 */
const routeOf = (config: SanitizedConfig, slug: string, method: string, segment: string) =>
  endpointsOf(config, slug).find((e) => e.method.toUpperCase() === method && (e.path === `/${segment}` || /^\/:\w+$/.test(e.path)))?.path

/** The Payload data routes whose document comes from the body: create, update, a global's update. */
const takesDocument = (method: string, slug: string[], config: SanitizedConfig): boolean => {
  const [first, second, third] = slug
  if (first === 'globals') return method === 'POST' && slug.length === 2 && config.globals.some((g) => g.slug === second)
  if (!config.collections.some((c) => c.slug === first) || third !== undefined) return false
  if (method === 'POST') return second === undefined
  return method === 'PATCH' && (second === undefined || routeOf(config, first, method, second) === '/:id')
}

const bodyProblem = async (request: Request): Promise<null | Response> => {
  if (request.headers.get('X-Payload-HTTP-Method-Override') === 'GET' || request.headers.get('X-HTTP-Method-Override') === 'GET') return null
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase()
  const document = (data: unknown, what: string): null | Response => {
    if (!isPlainObject(data)) return problem(400, `${what} must be a JSON object with the document's fields, not ${data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data}.`)
    const nul = nulAt(data)
    return nul ? problem(400, `${nul}: NUL characters are not accepted.`) : null
  }
  if (type === 'application/json') {
    const text = await request.clone().text()
    if (!text) return problem(400, 'The request body is empty: send the document as a JSON object.')
    try {
      return document(JSON.parse(text), 'The request body')
    } catch {
      return problem(400, 'Invalid JSON: the request body does not parse.')
    }
  }
  if (type === 'multipart/form-data') {
    let form: FormData
    try {
      form = await request.clone().formData()
    } catch {
      return problem(400, 'The multipart/form-data body does not parse.')
    }
    const field = form.get('_payload')
    if (field === null) return null
    try {
      return document(typeof field === 'string' ? JSON.parse(field) : undefined, 'The _payload field')
    } catch {
      return problem(400, 'The _payload field is not valid JSON.')
    }
  }
  return problem(
    415,
    `Content-Type ${type ? `"${type}"` : 'missing'}: send the document as application/json (or multipart/form-data with a _payload field).`,
  )
}

/** Payload's REST handler behind the checks above. */
export const wellFormedRest =
  (config: Config, handler: RestHandler): RestHandler =>
  async (request, context) => {
    const resolved = await config
    const url = new URL(request.url)
    const { slug } = await context.params
    const method = request.method.toUpperCase()
    const query = queryProblem(resolved, url.search)
    if (query) return problem(400, query)
    const [collection, id, more] = slug
    if (id !== undefined && more === undefined && routeOf(resolved, collection, method, id) === '/:id') {
      const payload = await getPayload({ config: resolved })
      if (!isIdOf(payload, collection, id)) return problem(404, `Not Found: ${show(id)} is not an id of ${collection}.`)
    }
    if (takesDocument(method, slug, resolved)) {
      const body = await bodyProblem(request)
      if (body) return body
    }
    return handler(request, context)
  }

/**
 * Payload's GraphQL handler, with the answers graphql-over-http gives: a request that cannot run
 * (syntax error, unknown field, wrong variables: errors and no `data`) is a 400, and a body that
 * is not JSON a 400 in GraphQL's error shape rather than a thrown 500.
 */
export const wellFormedGraphql =
  (handler: GraphqlHandler): GraphqlHandler =>
  async (request) => {
    const text = await request.clone().text()
    if (text.trimStart().startsWith('[')) return problem(400, 'Batched requests (a JSON array) are not supported: send one { query, variables } object.')
    if (/\\u0000|\0/i.test(text)) return problem(400, 'NUL characters are not accepted.')
    let response: Response
    try {
      response = await handler(request)
    } catch (error) {
      if (error instanceof APIError && error.status < 500) return problem(error.status, error.message)
      throw error
    }
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return response
    const answer = await response.text()
    let status = 200
    try {
      const body = JSON.parse(answer)
      if (Array.isArray(body?.errors) && !('data' in body)) status = 400
    } catch {
      // Not ours to judge: passed on as it came.
    }
    return new Response(answer, { status, headers: response.headers })
  }
