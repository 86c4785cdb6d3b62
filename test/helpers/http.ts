import type { SanitizedConfig } from 'payload'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

import { graphqlGet } from '@/api/graphqlGet'
import { wellFormedGraphql, wellFormedRest } from '@/api/wellFormed'

export type Json = Record<string, any>
export type HttpResult = { status: number; body: Json }

const BASE = 'http://localhost:3000/api'

/** Calls the app's route handlers (Payload's, behind `src/api/wellFormed.ts`) with a real `Request`, no server needed. */
export const http = (config: Promise<SanitizedConfig> | SanitizedConfig) => {
  const handlers = {
    DELETE: wellFormedRest(config, REST_DELETE(config)),
    GET: wellFormedRest(config, REST_GET(config)),
    PATCH: wellFormedRest(config, REST_PATCH(config)),
    POST: wellFormedRest(config, REST_POST(config)),
  }
  const graphqlHandler = wellFormedGraphql(GRAPHQL_POST(config))

  const rest = async (
    method: keyof typeof handlers,
    pathAndQuery: string,
    { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpResult> => {
    const url = new URL(`${BASE}/${pathAndQuery.replace(/^\//, '')}`)
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    // A form (uploads) sets its own multipart Content-Type.
    const form = body instanceof FormData
    const request = new Request(url, {
      method,
      headers: { ...(form ? {} : { 'Content-Type': 'application/json' }), ...headers },
      // A string, bytes or a form go as they are (wire copy, uploads); anything else as JSON.
      body:
        body === undefined
          ? undefined
          : typeof body === 'string' || body instanceof Uint8Array || form
            ? (body as BodyInit)
            : JSON.stringify(body),
    })
    const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : {} }
  }

  /** `body` sends those bytes instead of `{ query, variables }` (malformed requests). */
  const graphql = async (
    query: string,
    { variables, headers = {}, body }: { variables?: Json; headers?: Record<string, string>; body?: string } = {},
  ): Promise<HttpResult> => {
    const request = new Request(`${BASE}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body ?? JSON.stringify({ query, variables }),
    })
    const response = await graphqlHandler(request)
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : {} }
  }

  /** The route handler's own `Response` (any content type, headers included). */
  const raw = async (
    method: keyof typeof handlers,
    pathAndQuery: string,
    { body, headers = {} }: { body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<Response> => {
    const url = new URL(`${BASE}/${pathAndQuery.replace(/^\//, '')}`)
    if (url.pathname === '/api/graphql' && method === 'POST') return graphqlHandler(new Request(url, { method, headers, body }))
    if (url.pathname === '/api/graphql' && method === 'GET') return graphqlGet(config, graphqlHandler)(new Request(url, { headers }))
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    return handlers[method](new Request(url, { method, headers, body }), { params: Promise.resolve({ slug }) })
  }

  return { graphql, raw, rest }
}
