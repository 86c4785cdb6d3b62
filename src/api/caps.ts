import type { Config, PayloadRequest, Plugin } from 'payload'

import { APIError } from 'payload'

import { hasRole } from '@/access'
import { LIMITS } from '@/limits'

const { maxDepth, maxLimit } = LIMITS.rest

/** A number as Payload reads one from a query string (`parseParams`), else undefined. */
const numeric = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const n = Number(value)
  return Number.isNaN(n) ? undefined : n
}

const page = `page through with limit (1 to ${maxLimit}) and page`

/** Why a `limit` (of a list, or of a join inside one) is over the cap; `name` is how the caller wrote it. */
const limitProblem = (name: string, limit: number | undefined, pagination: unknown): null | string => {
  if (limit === undefined) {
    return pagination === false || pagination === 'false'
      ? `pagination=false without a limit asks for every document, over the cap of ${maxLimit}: send a limit of 1 to ${maxLimit} with it`
      : null
  }
  if (limit === 0) return `${name}=0 asks for every document, over the cap of ${maxLimit}: ${page}`
  if (limit < 0 || limit > maxLimit) return `${name}=${limit} is outside the cap of 1 to ${maxLimit}: ${page}`
  return null
}

type Asked = { depth?: unknown; limit?: unknown; pagination?: unknown; joins?: unknown }

/**
 * What in a request is over the caps of `LIMITS.rest`, as a message naming the parameter and the
 * cap; null when nothing is. `listing`: the request reads a list, so `limit` and `pagination` count.
 * One home for REST (`capRequests`) and GraphQL (`src/api/graphql.ts`).
 */
export const overCap = ({ depth, limit, pagination, joins }: Asked, listing: boolean): null | string => {
  const d = numeric(depth)
  if (d !== undefined && (d < 0 || d > maxDepth)) return `depth=${d} is outside the cap of 0 to ${maxDepth}`
  if (!listing) return null
  const problem = limitProblem('limit', numeric(limit), pagination)
  if (problem) return problem
  if (joins && typeof joins === 'object') {
    for (const [path, join] of Object.entries(joins)) {
      const asked = (join ?? {}) as Asked
      const joined = limitProblem(`joins[${path}][limit]`, numeric(asked.limit), undefined)
      if (joined) return joined
    }
  }
  return null
}

/**
 * A where of only `id in [list]` of at most `maxLimit` ids: the answer holds no more documents than
 * the list, whatever the limit (the admin's list view loads related titles so, with `limit=250`).
 */
const byIds = (where: unknown): boolean => {
  if (!where || typeof where !== 'object') return false
  const keys = Object.keys(where)
  const id = (where as { id?: { in?: unknown } }).id
  if (keys.length !== 1 || !id || typeof id !== 'object' || Object.keys(id).length !== 1) return false
  const list = typeof id.in === 'string' ? id.in.split(',') : id.in
  return Array.isArray(list) && list.length <= maxLimit
}

/** Admins, server-side code (Local API: seed, ingest, the site) and GraphQL (checked on its arguments) are not capped here. */
export const isCapped = (req: PayloadRequest) => req.payloadAPI !== 'local' && !hasRole(req.user, 'admin')

/**
 * Refuses a REST request whose query asks for more than the caps, with a 400 naming the parameter.
 * It reads the caller's own query string, so the operations Payload and the plugins run inside the
 * request (populating relationships, loading notices) are judged by what the caller asked, not by
 * their own arguments. Runs before every operation; Payload passes some (versions by id) their
 * arguments before the hook could change them, which is one reason it refuses rather than clamps.
 * Operations with `overrideAccess` are the server's own (signing the caller in runs before
 * `req.user` is known): no caller can ask for one over REST.
 */
export const capRequest = ({ overrideAccess, req }: { overrideAccess?: boolean; req: PayloadRequest }): void => {
  if (req.payloadAPI !== 'REST' || overrideAccess === true || !isCapped(req)) return
  const query = req.query as Asked & { trash?: unknown; where?: unknown }
  // A read is a GET, or a POST Payload turned into one (`X-HTTP-Method-Override: GET`). The admin
  // counts a collection's trash with `limit=0&depth=0&trash=true`: signed-in users may, at depth 0.
  const trashCount = Boolean(req.user) && String(query.trash) === 'true' && numeric(query.depth) === 0
  const problem = overCap(trashCount || byIds(query.where) ? { ...query, limit: undefined } : query, req.method === 'GET')
  if (problem) throw new APIError(`${problem} (see docs/api.md#limits).`, 400, undefined, true)
}

/** Adds `capRequest` to every collection and global, the plugins' included: list it after them. */
export const requestCaps = (): Plugin => (config: Config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [capRequest, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
  globals: config.globals?.map((global) => ({
    ...global,
    hooks: { ...global.hooks, beforeOperation: [capRequest, ...(global.hooks?.beforeOperation ?? [])] },
  })),
})
