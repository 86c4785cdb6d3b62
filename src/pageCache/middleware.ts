import type { Request, RequestHandler, Response } from 'express'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { randomUUID } from 'node:crypto'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import type { PageCacheSettings } from '../env'
import type { PageStore } from './store'

import { env } from '../env'
import { newNonce } from '../security/csp'
import { hostNameOf, OWN_HOST_HEADER, sitePathFor } from '../site/format'
import { beforeHeaders, captureBody } from './capture'
import { type Entry, stamp, toEntry } from './entry'
import { decide } from './request'
import { declaredResponse, RENDER_HEADER, takePageTags } from './tags'

const gzip = promisify(zlib.gzip)

/** `X-Cache`: served from the cache, rendered (and stored if it may be), or rendered for one reader. */
export const CACHE_HEADER = 'X-Cache'

/** Next's `Cache-Control` on every page it renders on demand: says nothing of this page in particular. */
const NEXT_DYNAMIC = 'private, no-cache, no-store, max-age=0, must-revalidate'

/** What a reader's page sends: no cache keeps it. */
export const BYPASS_CACHE_CONTROL = 'private, no-store'

/** Request headers a stored render must not depend on: it is the plain page, uncompressed, in full. */
const RENDER_WITHOUT = ['accept-encoding', 'if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'range', 'if-range']

/** Statuses kept: a page, and a tombstone (410) of a story withdrawn or past its licence. */
const STORED_STATUSES = new Set([200, 410])

/** What is stored: the pages (HTML), and the sites' feeds, sitemaps and robots.txt (`src/site/feeds`). */
export const STORED_TYPES = /^(text\/html|application\/rss\+xml|application\/xml|text\/plain)\s*(;|$)/i

/** A page response that may be stored: a 200 (or 410) page or feed that sets no cookie and that the app did not mark private. */
const storable = (res: Response): boolean => {
  if (!STORED_STATUSES.has(res.statusCode) || res.hasHeader('set-cookie')) return false
  if (!STORED_TYPES.test(String(res.getHeader('content-type') ?? ''))) return false
  const control = String(res.getHeader('cache-control') ?? '').toLowerCase()
  return control === '' || control === NEXT_DYNAMIC || !/\b(private|no-store)\b/.test(control)
}

/**
 * The status (and its headers) the page declared while it rendered (`declarePageResponse`), set as
 * its headers go out: only over Next's 200, never over a 404, an error or a redirect.
 */
const applyDeclared = (res: ServerResponse, renderId: string) => {
  const declared = declaredResponse(renderId)
  if (!declared || res.statusCode !== 200) return
  res.statusCode = declared.status
  for (const [name, value] of Object.entries(declared.headers ?? {})) res.setHeader(name, value)
}

/**
 * A page rendered for one reader (not kept): it gets a render id too, so a status it declares
 * (a tombstone's 410) is sent; what it declared is forgotten when the response is done.
 */
const renderUnkept = (req: IncomingMessage, res: ServerResponse, also?: () => void) => {
  const renderId = randomUUID()
  req.headers[RENDER_HEADER] = renderId
  beforeHeaders(res, () => {
    applyDeclared(res, renderId)
    also?.()
  })
  res.once('close', () => takePageTags(renderId))
}

/** The admin's host name (`SERVER_URL`): never a site's. */
const adminHostName = () => (env.SERVER_URL ? new URL(env.SERVER_URL).hostname : '')

/**
 * A site's own host is routed to its `/s/<domain>` pages here, as src/proxy.ts would, and the
 * request marked as on the site's host (`OWN_HOST_HEADER`): Next would fetch a rewrite to
 * another host over HTTP, back through this server, which strips that header (the site's links,
 * and its feeds' absolute addresses, would then be the path fallback's), and the page's tags
 * would go with that request. For every page request, kept or not (a reader signed in, a HEAD).
 */
const routeToSite = (req: IncomingMessage, adminHost: string) => {
  const url = req.url ?? '/'
  const host = hostNameOf(req.headers.host)
  const queryAt = url.indexOf('?')
  const sitePath = sitePathFor(host, queryAt === -1 ? url : url.slice(0, queryAt), adminHost)
  if (!sitePath) return
  req.url = sitePath + (queryAt === -1 ? '' : url.slice(queryAt))
  req.headers[OWN_HOST_HEADER] = host
}

/**
 * Without the page cache (`PAGE_CACHE=false`), pages still answer with the status they declare:
 * each page request gets a render id, as the cache would give it.
 */
export const pageResponses = (): RequestHandler => {
  const adminHost = adminHostName()
  return (req, res, next) => {
    delete req.headers[RENDER_HEADER]
    delete req.headers[OWN_HOST_HEADER]
    if (decide(req, '').kind !== 'skip') {
      routeToSite(req, adminHost)
      renderUnkept(req, res)
    }
    next()
  }
}

export const publicCacheControl = ({ sMaxAge, staleWhileRevalidate }: PageCacheSettings) =>
  `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`

type Options = { store: PageStore; settings: PageCacheSettings; sessionCookie: string }

/**
 * Public pages from the cache (`./store.ts`), before Next runs; see docs/sites.md#page-cache.
 * A miss is rendered by Next under a fresh render id (`RENDER_HEADER`), so the page can declare
 * what it shows (`./tags.ts`), and stored as Next sends it; every hit gets a fresh CSP nonce.
 */
export const pageCache = ({ store, settings, sessionCookie }: Options): RequestHandler => {
  const cacheControl = publicCacheControl(settings)
  const adminHost = adminHostName()
  /** Renders under way, by key: a request for the same page waits for it rather than render it too. */
  const rendering = new Map<string, Promise<Entry | undefined>>()

  const serve = async (req: Request, res: Response, entry: Entry) => {
    res.status(entry.status)
    res.set({ 'Cache-Control': cacheControl, ETag: entry.etag, [CACHE_HEADER]: 'HIT' })
    if (req.fresh) {
      // The client keeps its copy, whose body has the nonce it was sent with: a 304 carrying a
      // new policy would replace the old one and block every script of that copy.
      res.vary('Accept-Encoding').status(304).end()
      return
    }
    const { headers, body } = stamp(entry, newNonce())
    for (const [name, value] of headers) res.append(name, value)
    res.vary('Accept-Encoding')
    const compressed = req.acceptsEncodings('identity', 'gzip') === 'gzip'
    const sent = compressed ? await gzip(body, { level: 4 }) : body
    if (compressed) res.set('Content-Encoding', 'gzip')
    res.set('Content-Length', String(sent.length))
    res.end(req.method === 'HEAD' ? undefined : sent)
  }

  const render = (req: Request, res: Response, key: string, url: string) => {
    const renderId = randomUUID()
    req.headers[RENDER_HEADER] = renderId
    req.url = url
    routeToSite(req, adminHost)
    for (const name of RENDER_WITHOUT) delete req.headers[name]
    const start = store.start()
    // Headers already set (the security headers every response gets here) are not the page's.
    const before = new Set(res.getHeaderNames())
    let keep = false
    beforeHeaders(res, () => {
      applyDeclared(res, renderId)
      keep = storable(res)
      if (keep) res.setHeader('Cache-Control', cacheControl)
      res.setHeader(CACHE_HEADER, 'MISS')
    })
    const stored = captureBody(res, { maxBytes: settings.maxEntryBytes, wanted: () => keep }).then((captured) => {
      const tags = takePageTags(renderId)
      // A render cut off may still declare its tags after this: forget them later.
      if (!captured) setTimeout(() => takePageTags(renderId), 60_000).unref()
      if (!captured) return undefined
      const ttl = (tags.length ? settings.ttl : settings.untaggedTtl) * 1000
      const entry = toEntry(captured, { keep: (name) => !before.has(name), tags, epoch: start.epoch, expiresAt: Date.now() + ttl })
      return store.set(key, entry, start) ? entry : undefined
    })
    rendering.set(key, stored)
    void stored.finally(() => rendering.delete(key))
  }

  return async (req, res, next) => {
    // Only this middleware gives render ids, and only the server says a request came in on a site's host.
    delete req.headers[RENDER_HEADER]
    delete req.headers[OWN_HOST_HEADER]
    const decision = decide(req, sessionCookie)
    if (decision.kind === 'skip') return next()
    if (decision.kind === 'bypass' || !store.usable) {
      routeToSite(req, adminHost)
      renderUnkept(req, res, () => res.set({ 'Cache-Control': BYPASS_CACHE_CONTROL, [CACHE_HEADER]: 'BYPASS' }))
      return next()
    }
    const { key, url } = decision
    const entry = (await store.get(key)) ?? (await rendering.get(key))
    if (entry) return serve(req, res, entry)
    if (req.method === 'HEAD') {
      // Nothing to store from a HEAD: Next answers it.
      routeToSite(req, adminHost)
      renderUnkept(req, res, () => res.setHeader(CACHE_HEADER, 'MISS'))
      return next()
    }
    render(req, res, key, url)
    next()
  }
}
