import type { Payload, SanitizedConfig } from 'payload'

import { getPayload } from 'payload'

/**
 * Two Payload instances (plugin on and off) in one process, served by the real Next route
 * handlers of `@payloadcms/next/routes`.
 *
 * In payload 3.90 `getPayload({ config, key })` keeps one instance per `key` (default
 * `'default'`), so two instances are easy. The route handlers are the catch: `REST_GET(config)`
 * and `GRAPHQL_POST(config)` call `getPayload({ config })` without a key, which returns whatever
 * instance sits under `'default'` and ignores the config they were given; and `GRAPHQL_POST`
 * keeps one GraphQL schema per process (`global._payload_graphql`), whose resolvers run the
 * hooks of the collection configs it was built from. `use(key)` points both at one instance
 * before its requests; the bench checks every response to make sure it hit the intended one.
 */

type CacheEntry = { payload: Payload | null }
type GraphqlCache = { graphql: unknown; promise: unknown }

const globals = globalThis as unknown as {
  _payload?: Map<string, CacheEntry>
  _payload_graphql?: GraphqlCache
}

// Created here before @payloadcms/next is imported: its module keeps a reference to this object.
globals._payload_graphql ??= { graphql: null, promise: null }
const graphqlCache = globals._payload_graphql

const schemas = new Map<string, unknown>()
let current: string | undefined

export const startInstance = async (config: SanitizedConfig, key: string): Promise<Payload> =>
  getPayload({ config, key })

/** Makes the key-less `getPayload()` of the route handlers (and their GraphQL schema) the instance under `key`. */
export const use = (key: string): void => {
  if (current === key) return
  if (current !== undefined && graphqlCache.graphql) schemas.set(current, graphqlCache.graphql)
  const entry = globals._payload?.get(key)
  if (!entry?.payload) throw new Error(`no Payload instance under key "${key}"`)
  globals._payload!.set('default', entry)
  // Null until that instance's first GraphQL request builds it from its own config.
  graphqlCache.graphql = schemas.get(key) ?? null
  graphqlCache.promise = null
  current = key
}

/** Forgets an instance (after it was closed). */
export const forget = (key: string): void => {
  if (current === key) {
    globals._payload?.delete('default')
    graphqlCache.graphql = null
    graphqlCache.promise = null
    current = undefined
  }
  schemas.delete(key)
  globals._payload?.delete(key)
}
