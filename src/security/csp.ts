/** The Content-Security-Policies, by what a response is. Express sets the API's; the proxy the pages'; next.config the admin's. */
import { DOCS_FILES } from '../openapi/files'

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')

/** The request header that carries a page's nonce from the proxy to its components. */
export const NONCE_HEADER = 'x-nonce'

/** A fresh nonce for one response: 128 random bits. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')

/**
 * Public pages: no script runs without this response's nonce (Next's own and the JSON-LD block
 * carry it), nothing loads from elsewhere, and only the admin's live preview (same origin) frames them.
 */
export const sitePolicy = (nonce: string) =>
  policy({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
    'style-src': ["'self'", `'nonce-${nonce}'`],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  })

/** JSON answers are never documents: nothing loads, nothing frames them. */
export const API_POLICY = policy({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] })

/**
 * The API reference (`/api/docs`, Swagger UI served from the package): its script and styles from
 * this origin only (the initializer is a file too, no inline script), the document fetched from
 * here, and nothing frames it.
 */
export const DOCS_POLICY = policy({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
})

/**
 * The paths the reference answers on, under the API's route: the page and its known files,
 * exactly (`req.path` as sent, not normalized). Anything else under `/api/docs/` (a 404, or
 * `/api/docs/%2e%2e/users/me`, which the route handler resolves to `/api/users/me`) is an API
 * answer and keeps `API_POLICY`.
 */
export const isDocsPath = (path: string, api = '/api') =>
  path === `${api}/docs` || (path.startsWith(`${api}/docs/`) && DOCS_FILES.has(path.slice(api.length + '/docs/'.length)))
