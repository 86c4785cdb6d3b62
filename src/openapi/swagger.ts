/**
 * `GET /api/docs`: Swagger UI, served from the `swagger-ui-dist` package (no CDN), under
 * `DOCS_POLICY`: the page, its stylesheet and bundle, and a small initializer file (no inline script).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { DOCS_POLICY } from '../security/csp'
import { DOCS_FILES } from './files'

/** The package's folder (an external package of the server bundle: resolved at run time, not copied). */
const packageDir = async (): Promise<string> => {
  const { default: absolutePath } = await import('swagger-ui-dist/absolute-path.js')
  return absolutePath()
}

let version: Promise<string> | undefined
const packageVersion = () =>
  (version ??= packageDir().then(async (dir) => (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version))

const headers = (type: string, cache: string) => ({ 'Content-Type': type, 'Cache-Control': cache, 'Content-Security-Policy': DOCS_POLICY, 'X-Content-Type-Options': 'nosniff' })

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The page: the bundle and the initializer, versioned by the package so a long cache is safe. */
export const docsPage = async (api: string): Promise<Response> => {
  const v = encodeURIComponent(await packageVersion())
  const base = escapeHtml(`${api}/docs`)
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wirehouse API reference</title>
<link rel="stylesheet" href="${base}/swagger-ui.css?v=${v}">
<link rel="icon" type="image/png" href="${base}/favicon-32x32.png?v=${v}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${base}/swagger-ui-bundle.js?v=${v}"></script>
<script src="${base}/init.js?v=${v}"></script>
</body>
</html>
`
  return new Response(html, { headers: headers('text/html; charset=utf-8', 'no-cache') })
}

/** The initializer: the document from this server (never one a link names), no external validator badge, try-it-out with the session cookie. */
const initializer = (api: string) => `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(`${api}/openapi.json`)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    // The document is this server's only: no ?url= or ?configUrl= from a link (Swagger UI's default, said here).
    queryConfigEnabled: false,
    withCredentials: true,
    defaultModelsExpandDepth: 0,
  });
});
`

/**
 * One of the page's files, or null when the name is not one of `DOCS_FILES` (compared as a whole:
 * no path is ever built from anything else the caller sends). The package's files are read once.
 */
export const docsAsset = async (api: string, name: string): Promise<null | Response> => {
  const cache = 'public, max-age=86400'
  const type = DOCS_FILES.get(name)
  if (!type) return null
  if (name === 'init.js') return new Response(initializer(api), { headers: headers(type, cache) })
  const body = await packageFile(name)
  return new Response(new Uint8Array(body), { headers: headers(type, cache) })
}

const files = new Map<string, Promise<Buffer>>()
const packageFile = (name: string): Promise<Buffer> => {
  let file = files.get(name)
  if (!file) {
    file = packageDir().then((dir) => readFile(path.join(dir, name)))
    // A failed read (the package missing) is tried again next time, not remembered.
    file.catch(() => files.delete(name))
    files.set(name, file)
  }
  return file
}
