import type { RequestHandler, Response } from 'express'

import { hasCredentials } from '../api/credentials'
import { INGEST_DEFAULTS } from '../ingest/ingest'
import { LIMITS } from '../limits'

type Options = {
  /** Payload's REST and GraphQL prefix (`config.routes.api`, `/api`). */
  api: string
  /** Payload's session cookie (`<config.cookiePrefix>-token`). */
  cookie: string
  /** Slugs of the auth collections (`users`): their sign-in routes are open to anonymous callers. */
  authCollections: string[]
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The writes anonymous callers legitimately make, under `<api>/<auth collection>`: signing in and
 * out, renewing a session, resetting a password, verifying an email, creating the first user.
 */
const ANONYMOUS_AUTH_ROUTES = ['login', 'logout', 'refresh-token', 'forgot-password', 'reset-password', 'first-register']
/** …and `<api>/<auth collection>/verify/<token>`. */
const ANONYMOUS_AUTH_PREFIXES = ['verify/']
/** …and GraphQL (`<api>/graphql`), a POST for queries too; its mutations check access like REST. */
const ANONYMOUS_API_ROUTES = ['graphql']
/** …and a read sent as a POST (a long query string in the body), which Payload turns back into a GET. */
const METHOD_OVERRIDE_HEADERS = ['x-http-method-override', 'x-payload-http-method-override']

/**
 * Routes that read their body themselves, chunked included, and stop it at a limit of their own;
 * a longer declared length is still refused here, before anything is read.
 */
const OWN_LIMITS: Record<string, number> = { 'articles/ingest': INGEST_DEFAULTS.maxBytes }

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`

const refuse = (res: Response, status: number, message: string) => {
  // Without `Connection: close` Node would read the rest of the body to keep the connection alive.
  res.status(status).set({ Connection: 'close', 'Cache-Control': 'no-store' }).json({ errors: [{ message }] })
}

/** The path as Next will route it: dots resolved, slashes collapsed, escapes decoded. */
export const routedPath = (url: string): string => {
  const raw = url.split('?')[0]
  let decoded = raw
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    // a malformed escape: judge the path as sent
  }
  return new URL(`/${decoded.split('/').filter(Boolean).join('/')}`, 'http://host').pathname
}

/**
 * Guards `<api>` before anything reads a request's body (Next and Payload read the raw stream
 * themselves, so express never parses it):
 * - an anonymous write (no session cookie, `Authorization: JWT|Bearer …` or `… API-Key …`) outside
 *   the routes above: 401;
 * - a body longer than `LIMITS.body.maxBytes` (1 MB) by its Content-Length: 413;
 * - a body of unknown length (`Transfer-Encoding: chunked`): 411, except where the route reads and
 *   limits its own body (ingest). Counting a chunked stream here would mean racing Next for it.
 * Requests that pass and wait for `Expect: 100-continue` are told to send their body.
 */
export const guardBodies = ({ api, cookie, authCollections }: Options): RequestHandler => {
  const prefix = `${api}/`
  const open = new Set([...ANONYMOUS_API_ROUTES, ...authCollections.flatMap((slug) => ANONYMOUS_AUTH_ROUTES.map((route) => `${slug}/${route}`))])
  const openPrefixes = authCollections.flatMap((slug) => ANONYMOUS_AUTH_PREFIXES.map((route) => `${slug}/${route}`))

  return (req, res, next) => {
    const routed = routedPath(req.url)
    if (routed === api || routed.startsWith(prefix)) {
      // Only the path exactly as sent may match an open route; anything unusual needs credentials.
      const sent = req.url.split('?')[0].slice(prefix.length).replace(/\/$/, '')
      const readOverride = METHOD_OVERRIDE_HEADERS.some((name) => req.headers[name] === 'GET')
      const anonymousOk =
        req.url.startsWith(prefix) && (open.has(sent) || openPrefixes.some((p) => sent.startsWith(p)) || (req.method === 'POST' && readOverride))
      if (WRITES.has(req.method) && !anonymousOk && !hasCredentials(req.headers, cookie)) {
        refuse(res, 401, 'Sign in to write: send the session cookie, `Authorization: JWT <token>` or `Authorization: users API-Key <key>`.')
        return
      }
      const own = req.url.startsWith(prefix) ? OWN_LIMITS[sent] : undefined
      const maxBytes = own ?? LIMITS.body.maxBytes
      const declared = Number(req.headers['content-length'] ?? 0)
      if (declared > maxBytes) {
        refuse(res, 413, `The request body is ${declared} bytes, over the ${megabytes(maxBytes)} limit (${maxBytes} bytes).`)
        return
      }
      if (req.headers['transfer-encoding'] !== undefined && own === undefined) {
        refuse(res, 411, `Send a Content-Length: bodies of unknown length (chunked) are refused here; the limit is ${megabytes(maxBytes)}.`)
        return
      }
    }
    if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue()
    next()
  }
}
