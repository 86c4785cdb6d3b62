/**
 * `/api/openapi.json`, `/api/docs` and its files, and `POST /api/users/verify/:token` against a
 * hostile caller: names that are not files (traversal, encodings, NUL, prototype keys, very long)
 * are a 404 naming the problem, never a 500 or a file outside the allow-list; methods other than
 * GET are a 404; HEAD and If-None-Match are answered from the same bytes; the public document
 * shows no hidden field, no server path, no secret, and is the same for every caller.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { REST_GET } from '@payloadcms/next/routes'
import { performance } from 'node:perf_hooks'

import { cachedReads } from '@/api/httpCache'
import { wellFormedRest } from '@/api/wellFormed'
import { documentFor } from '@/openapi/document'
import { DOCS_POLICY } from '@/security/csp'

import { http, type Json } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
/** The route's GET as `src/app/(payload)/api/[...slug]/route.ts` has it (HEAD, ETag, 304). */
let routeGet: (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  routeGet = cachedReads(app.config, wellFormedRest(app.config, REST_GET(app.config)))
})
afterAll(async () => app?.stop())

const viaRoute = (method: 'GET' | 'HEAD', path: string, headers: Record<string, string> = {}) => {
  const url = new URL(`http://localhost:3000/api/${path}`)
  return routeGet(new Request(url, { method, headers }), { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean) }) })
}

describe("the API reference's files", () => {
  it('are a fixed list, each with its type, nosniff and the reference\'s policy', async () => {
    const types: Record<string, RegExp> = {
      'swagger-ui.css': /^text\/css/,
      'swagger-ui-bundle.js': /^text\/javascript/,
      'init.js': /^text\/javascript/,
      'favicon-32x32.png': /^image\/png$/,
    }
    for (const [name, type] of Object.entries(types)) {
      const response = await api.raw('GET', `docs/${name}?v=1`)
      expect([name, response.status]).toEqual([name, 200])
      expect(response.headers.get('content-type')).toMatch(type)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('content-security-policy')).toBe(DOCS_POLICY)
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0)
    }
    // The initializer loads this server's document only: a link's ?url= or ?configUrl= is ignored.
    const init = await (await api.raw('GET', 'docs/init.js')).text()
    expect(init).toContain('url: "/api/openapi.json"')
    expect(init).toContain('queryConfigEnabled: false')
    expect(init).toContain('validatorUrl: null')
    const page = await api.raw('GET', 'docs')
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.headers.get('content-security-policy')).toBe(DOCS_POLICY)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('refuse every other name with a 404 that names the problem (traversal, encodings, NUL, prototype keys, long names)', async () => {
    const names = [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'package.json',
      'index.html',
      'swagger-ui.js',
      'swagger-initializer.js',
      'absolute-path.js',
      '..%2Fpackage.json',
      '..%2F..%2F..%2Fpackage.json',
      '%2e%2e%2fpackage.json',
      '%2Fetc%2Fpasswd',
      '..%5Cpackage.json',
      'swagger-ui.css%00',
      'swagger-ui.css%00.png',
      '%00',
      'SWAGGER-UI.CSS',
      'swagger-ui.css.map',
      'a'.repeat(5000),
    ]
    for (const name of names) {
      const response = await api.raw('GET', `docs/${name}`)
      const body = await response.text()
      expect([name.slice(0, 40), response.status]).toEqual([name.slice(0, 40), 404])
      expect(JSON.parse(body).errors[0].message).toMatch(/^No file ".*" in the API reference: it serves swagger-ui\.css, /)
      expect(body).not.toContain(process.cwd())
      expect(body.length).toBeLessThan(400)
    }
    // Paths with more segments, or that climb out of /api/docs, are not the endpoint's at all.
    for (const path of ['docs/a/b', 'docs/..', 'docs/%2e%2e', 'docs/%2e%2e/%2e%2e/package.json', 'docs//etc/passwd', 'docs/swagger-ui.css/x']) {
      const response = await api.raw('GET', path)
      expect([path, response.status]).toEqual([path, 404])
    }
  })

  it('answer only GET (and HEAD): other methods are a 404', async () => {
    for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
      for (const path of ['docs', 'docs/init.js', 'docs/constructor', 'openapi.json']) {
        const response = await api.raw(method, path, { body: '{}', headers: { 'Content-Type': 'application/json' } })
        expect([method, path, response.status]).toEqual([method, path, 404])
      }
    }
    const head = await viaRoute('HEAD', 'docs/swagger-ui.css')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toMatch(/^text\/css/)
    expect(await head.text()).toBe('')
    expect((await viaRoute('HEAD', 'docs/__proto__')).status).toBe(404)
  })
})

describe('GET /api/openapi.json', () => {
  it('is made once per instance: the same bytes for every request, its query ignored, HEAD and If-None-Match from them', async () => {
    expect(documentFor(app.payload)).toBe(documentFor(app.payload))
    const first = await viaRoute('GET', 'openapi.json')
    const etag = first.headers.get('etag')
    const bytes = await first.text()
    expect(first.headers.get('content-type')).toMatch(/^application\/json/)
    expect(etag).toBeTruthy()
    const started = performance.now()
    for (let i = 0; i < 20; i++) {
      const again = await viaRoute('GET', `openapi.json?n=${i}&depth=2`)
      expect(again.headers.get('etag')).toBe(etag)
      expect(await again.text()).toBe(bytes)
    }
    const perRequest = (performance.now() - started) / 20
    console.log(`openapi.json: ${bytes.length} bytes, ${perRequest.toFixed(1)} ms per request after the first`)
    const head = await viaRoute('HEAD', 'openapi.json')
    expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([200, etag, ''])
    const notModified = await viaRoute('GET', 'openapi.json', { 'If-None-Match': etag! })
    expect([notModified.status, await notModified.text()]).toEqual([304, ''])
    // A malformed query is the API's usual 400, not a 500.
    expect((await api.raw('GET', 'openapi.json?depth=abc')).status).toBe(400)
    expect((await api.raw('GET', 'openapi.json?x=%00')).status).toBe(400)
  })

  it('is the same for every caller, and shows no hidden field, server path or secret to an anonymous one', async () => {
    const anonymous = await (await api.raw('GET', 'openapi.json')).text()
    const admin = await (await api.raw('GET', 'openapi.json', { headers: await app.auth('admin') })).text()
    expect(admin).toBe(anonymous)
    const document = JSON.parse(anonymous) as Json
    const users = document.components.schemas.users.properties
    for (const hidden of ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'loginAttempts', 'lockUntil', 'apiKeyIndex', 'password']) {
      expect([hidden, users[hidden]]).toEqual([hidden, undefined])
      expect([hidden, document.components.schemas.users.required.includes(hidden)]).toEqual([hidden, false])
    }
    // A client still sends a password.
    expect(document.components.schemas.users_input.properties.password).toBeDefined()
    expect(anonymous).not.toContain(process.cwd())
    expect(anonymous).not.toMatch(/node_modules|\/home\/|\/work\/|\/tmp\//)
    for (const name of ['PAYLOAD_SECRET', 'DATABASE_URI', 'DATABASE_URL', 'TEST_POSTGRES_URI', 'REDIS_URL']) {
      const value = process.env[name]
      if (value && value.length >= 8) expect([name, anonymous.includes(value)]).toEqual([name, false])
    }
    expect(app.payload.secret.length).toBeGreaterThan(8)
    expect(anonymous).not.toContain(app.payload.secret)
    expect(anonymous).not.toMatch(/wirehouse-demo|@wirehouse\.test/)
    // The server is named relatively: the document says nothing of the host or the deployment.
    expect(document.servers).toEqual([{ url: '/api', description: 'This server' }])
    expect(Object.keys(document.paths).filter((p) => p.includes('payload-'))).toEqual([])
  })
})

describe('POST /api/users/verify/:token', () => {
  it('answers the 404 that says verification is off, for any token, and no other method', async () => {
    for (const token of ['abc', '%00', '..%2F..%2Fusers', '%ZZ', '1', 'x'.repeat(5000), "'%20OR%201=1--"]) {
      const response = await api.raw('POST', `users/verify/${token}`, { body: '{}', headers: { 'Content-Type': 'application/json' } })
      expect([token.slice(0, 20), response.status]).toEqual([token.slice(0, 20), 404])
      expect(((await response.json()) as Json).errors[0].message).toMatch(/Email verification is off/)
    }
    for (const method of ['GET', 'PATCH', 'DELETE'] as const) expect((await api.raw(method, 'users/verify/abc')).status).toBe(404)
  })
})
