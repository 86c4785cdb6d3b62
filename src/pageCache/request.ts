import type { IncomingMessage } from 'node:http'

import { hasCredentials } from '../api/credentials'

/** What the page cache does with a request. */
export type Decision =
  /** Not a page (API, admin, Next's assets, the preview route): left alone. */
  | { kind: 'skip' }
  /** A page for someone in particular, or asked for in a way the cache does not keep: rendered, never stored. */
  | { kind: 'bypass'; reason: string }
  /** A public page: served from the cache under `key`, else rendered from `url` and stored. */
  | { kind: 'cache'; key: string; url: string }

/** Paths under these first segments are not public pages. */
const NOT_PAGES = new Set(['api', 'admin', '_next', 'preview', 'favicon.ico'])

/** Next's draft mode (live preview). */
export const DRAFT_COOKIE = '__prerender_bypass'

/** Headers of Next's client-side navigation: an RSC payload, not the page's HTML. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'next-action']

/** The longest key kept; a longer URL is rendered, not stored. */
export const MAX_KEY_LENGTH = 1024

/** The highest `?page=` kept: a section of 200,000 articles. Beyond it is rendered, not stored. */
export const MAX_PAGE = 10_000

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/

const cookieNames = (header: string | undefined): Set<string> =>
  new Set((header ?? '').split(';').map((pair) => pair.split('=')[0].trim()))

/**
 * The query as the pages read it: only `page`, as the section page parses it (a whole number, 1
 * when missing or not one), and left out when it is 1. Everything else (`utm_source`, `fbclid`,
 * a cache buster) changes nothing on a page, so it makes no key of its own. Undefined when the
 * page number is beyond `MAX_PAGE`.
 */
export const normalQuery = (search: string): string | undefined => {
  const raw = new URLSearchParams(search).get('page')
  const page = Math.max(1, Number.parseInt(raw ?? '1', 10) || 1)
  if (page > MAX_PAGE) return undefined
  return page > 1 ? `?page=${page}` : ''
}

/**
 * Sorts a request out. A page is cached when it is a GET or HEAD for a path in its plain form
 * (what Next would redirect or reject is left to Next), from nobody in particular: no session
 * cookie nor credentials (`hasCredentials`, as the API's cache decides), no draft mode, no client-side navigation.
 */
export const decide = (req: IncomingMessage, sessionCookie: string): Decision => {
  const url = req.url ?? '/'
  const queryAt = url.indexOf('?')
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  const first = path.split('/')[1] ?? ''
  if (NOT_PAGES.has(first) || first.startsWith('__') || !path.startsWith('/')) return { kind: 'skip' }
  if (req.method !== 'GET' && req.method !== 'HEAD') return { kind: 'bypass', reason: 'method' }
  const cookies = cookieNames(req.headers.cookie)
  if (hasCredentials(req.headers, sessionCookie)) return { kind: 'bypass', reason: 'signed in' }
  if (cookies.has(DRAFT_COOKIE)) return { kind: 'bypass', reason: 'draft mode' }
  if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return { kind: 'bypass', reason: 'navigation' }
  // Only the plain form: no `//`, `.` or `..` segments, no trailing slash, no escapes.
  if (!/^(\/[A-Za-z0-9._~!$&'()*+,;=:@-]+)*\/?$/.test(path) || (path.length > 1 && path.endsWith('/')) || /\/\.\.?(\/|$)/.test(path)) {
    return { kind: 'bypass', reason: 'path' }
  }
  const host = (req.headers.host ?? '').toLowerCase()
  if (!HOST.test(host)) return { kind: 'bypass', reason: 'host' }
  const search = queryAt === -1 ? '' : url.slice(queryAt)
  if (new URLSearchParams(search).has('_rsc')) return { kind: 'bypass', reason: 'navigation' }
  const query = normalQuery(search)
  if (query === undefined) return { kind: 'bypass', reason: 'query' }
  const key = `${host}${path}${query}`
  if (key.length > MAX_KEY_LENGTH) return { kind: 'bypass', reason: 'length' }
  return { kind: 'cache', key, url: `${path}${query}` }
}
