import { getOperationAST, type OperationDefinitionNode, parse } from 'graphql'

import type { SanitizedConfig } from 'payload'

import type { GraphqlHandler } from './wellFormed'

import { cachedReads } from './httpCache'
import { problem } from './problem'

/**
 * GraphQL over GET (`/api/graphql?query=…&variables=…&operationName=…`), the cacheable form of a
 * query: Payload's handler (graphql-http) runs it with the same schema, validation rules and
 * limits as a POST. This layer refuses what a GET must not carry before it runs, each as a 4xx
 * naming the problem, and names the mutation graphql-http refuses over GET.
 */

/** Longer query strings go as a POST: proxies and CDNs cut URLs at 8 KB or so. */
export const MAX_GET_QUERY_BYTES = 8 * 1024

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** graphql-http's parameters that hold JSON. */
const JSON_PARAMETERS = ['variables', 'extensions'] as const

/** What Apollo's persisted-query link reads to fall back to sending the query itself. */
const notPersisted = () =>
  Response.json({ errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }] }, { status: 400 })

const mutationName = (query: string, operationName: null | string): string => {
  let operation: null | OperationDefinitionNode | undefined
  try {
    operation = getOperationAST(parse(query), operationName)
  } catch {
    // graphql-http parsed it already; a name is a courtesy
  }
  const field = operation?.selectionSet.selections.find((s) => s.kind === 'Field')
  const name = operation?.name?.value ?? (field?.kind === 'Field' ? field.name.value : undefined)
  return name ? `mutation "${name}"` : 'the mutation'
}

const requestProblem = (url: URL): null | Response => {
  const bytes = Buffer.byteLength(url.search.slice(1))
  if (bytes > MAX_GET_QUERY_BYTES) {
    return problem(414, `The query string is ${bytes} bytes, over the ${MAX_GET_QUERY_BYTES} a GraphQL GET may carry: send the operation as a POST.`)
  }
  const params = url.searchParams
  for (const [name, value] of params) if (value.includes('\0')) return problem(400, `${name}: NUL characters are not accepted.`)
  const parsed: Partial<Record<(typeof JSON_PARAMETERS)[number], Record<string, unknown>>> = {}
  for (const name of JSON_PARAMETERS) {
    const value = params.get(name)
    if (value === null || value === '') continue
    let json: unknown
    try {
      json = JSON.parse(value)
    } catch {
      return problem(400, `${name}: not valid JSON; send it as a URL-encoded JSON object.`)
    }
    if (!isPlainObject(json)) return problem(400, `${name}: must be a JSON object.`)
    parsed[name] = json
  }
  if (!params.get('query')) {
    if (parsed.extensions?.persistedQuery) return notPersisted()
    return problem(400, 'query: missing; send the GraphQL query as ?query=… (and variables as ?variables=<JSON object>).')
  }
  return null
}

/** Refuses what a GET must not carry, and names a mutation sent over one. */
const getOnly =
  (handler: GraphqlHandler): GraphqlHandler =>
  async (request) => {
    const url = new URL(request.url)
    const refused = requestProblem(url)
    if (refused) return refused
    const response = await handler(request)
    if (response.status !== 405) return response
    const name = mutationName(url.searchParams.get('query') ?? '', url.searchParams.get('operationName'))
    return problem(405, `Cannot perform mutations over GET: send ${name} as a POST.`, { Allow: 'POST' })
  }

/** A 200 whose errors (`{ data, errors }`: a field failed) may be passing is not shared. */
const withoutErrors = (body: string): boolean => {
  try {
    return !('errors' in JSON.parse(body))
  } catch {
    return false
  }
}

/** Payload's GraphQL handler (behind `wellFormedGraphql`), for GETs, with the API's cache headers. */
export const graphqlGet = (config: Promise<SanitizedConfig> | SanitizedConfig, handler: GraphqlHandler): GraphqlHandler =>
  cachedReads(config, getOnly(handler), { vary: ['Accept'], shareable: withoutErrors })
