import type { SanitizedConfig } from 'payload'

import { createHash } from 'node:crypto'

import fresh from 'fresh'
import vary from 'vary'

import { env } from '@/env'

import { isSignedIn, sessionCookieName } from './credentials'

/**
 * HTTP caching of the API's reads (docs/api.md#caching-and-etags). An anonymous GET answered 200
 * with JSON is the same for every anonymous caller, so it is public: a strong ETag, the hash of
 * the bytes sent, and `Cache-Control: public, max-age, stale-while-revalidate`; `If-None-Match`
 * with that tag is a 304 without a body. Because the tag is the body's hash it changes exactly
 * when the answer would (the document, or any notice, source or publisher value in its
 * attribution), with no bookkeeping of what the answer was made of.
 * Everything else a GET answers is `private, no-store`: signed-in callers, drafts, errors,
 * answers that set a cookie or say they are private. Other methods pass untouched.
 */

type Config = Promise<SanitizedConfig> | SanitizedConfig
type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

export const PRIVATE = 'private, no-store'

/** The request headers every API answer depends on: credentials, and CORS's reflected origin. */
const VARY = ['Authorization', 'Cookie', 'Origin']

const READS = new Set(['GET', 'HEAD'])

export const publicCacheControl = (maxAge = env.API_CACHE_MAX_AGE, staleWhileRevalidate = env.API_CACHE_STALE_WHILE_REVALIDATE) =>
  `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`

/** A strong ETag: the SHA-256 of the bytes. */
export const etagOf = (bytes: ArrayBuffer) => `"${createHash('sha256').update(new Uint8Array(bytes)).digest('base64url')}"`

type Options = {
  /** Payload's session cookie. */
  cookieName: string
  /** Request headers the answer depends on beyond credentials (GraphQL's `Accept`). */
  vary?: string[]
  /** False for a 200 that must still not be shared (GraphQL's partial errors). */
  shareable?: (body: string) => boolean
}

/** Asks for drafts (`draft=true`; anything but `false`, to be safe). */
const asksForDrafts = (request: Request) => {
  const draft = new URL(request.url).searchParams.get('draft')
  return draft !== null && draft !== 'false'
}

const saysPrivate = (headers: Headers) => /\b(private|no-store|no-cache)\b/i.test(headers.get('cache-control') ?? '')

const isHead = (request: Request) => request.method.toUpperCase() === 'HEAD'

const respond = (request: Request, response: Response, headers: Headers, body: BodyInit | null = response.body) => {
  if (!isHead(request)) return new Response(body, { status: response.status, statusText: response.statusText, headers })
  if (!response.bodyUsed) void response.body?.cancel().catch(() => undefined)
  return new Response(null, { status: response.status, statusText: response.statusText, headers })
}

/** Headers a 304 leaves out: it has no body to describe. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding']

/** `response` to `request` with the cache headers above. */
export const withHttpCache = async (request: Request, response: Response, { cookieName, vary: extra = [], shareable }: Options): Promise<Response> => {
  if (!READS.has(request.method.toUpperCase())) return response
  const headers = new Headers(response.headers)
  headers.set('Vary', vary.append(headers.get('vary') ?? '', [...VARY, ...extra]))
  const keepPrivate = (body?: ArrayBuffer) => {
    headers.set('Cache-Control', PRIVATE)
    headers.delete('ETag')
    return respond(request, response, headers, body)
  }
  if (response.status !== 200 || isSignedIn(request, cookieName) || asksForDrafts(request)) return keepPrivate()
  if (headers.has('set-cookie') || saysPrivate(headers)) return keepPrivate()
  // Files (uploads) stream with Payload's own headers; only JSON answers are hashed.
  if (!/json/i.test(headers.get('content-type') ?? '')) return respond(request, response, headers)
  const bytes = await response.arrayBuffer()
  if (shareable && !shareable(new TextDecoder().decode(bytes))) return keepPrivate(bytes)
  const etag = etagOf(bytes)
  headers.set('ETag', etag)
  headers.set('Cache-Control', publicCacheControl())
  const conditional = { 'if-none-match': request.headers.get('if-none-match') ?? undefined, 'cache-control': request.headers.get('cache-control') ?? undefined }
  if (fresh(conditional, { etag })) {
    for (const name of BODY_HEADERS) headers.delete(name)
    return new Response(null, { status: 304, headers })
  }
  return respond(request, response, headers, bytes)
}

/** One of Payload's route handlers, its reads answered with the cache headers above. */
export const cachedReads =
  <Args extends unknown[]>(config: Config, handler: Handler<Args>, options: Omit<Options, 'cookieName'> = {}): Handler<Args> =>
  async (request, ...args) => {
    // Payload routes a HEAD nowhere (404): it gets the GET's answer without the body.
    const response = await handler(isHead(request) ? new Request(request, { method: 'GET' }) : request, ...args)
    return withHttpCache(request, response, { ...options, cookieName: sessionCookieName((await config).cookiePrefix) })
  }
