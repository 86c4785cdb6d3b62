/**
 * `/api/docs`, its files and `/api/openapi.json` on the production server (express in front of
 * Next), with paths sent exactly as written (`..`, `%2e%2e`, encoded slashes: no client
 * normalization): the reference's policy on the page and its files only, the API's on everything
 * else, one policy header each (Next keeps the one express set), framing refused, and every
 * hostile request a 4xx. Needs a Next production build (made if missing).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import http from 'node:http'

import { API_POLICY, DOCS_POLICY } from '@/security/csp'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

let db: TestDatabase
let server: RunningServer

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(databaseUnderTest())
  server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: 'openapi-server-test-secret-of-32-characters', SEED_ON_EMPTY: 'true' })
  await waitUntilReady(server)
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  await db?.drop().catch(() => undefined)
})

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** The path as written, on its own connection. */
const raw = (path: string, method = 'GET', headers: Record<string, string> = {}) =>
  new Promise<Reply>((resolve, reject) => {
    const { hostname, port } = new URL(server.url)
    const req = http.request({ host: hostname, port, path, method, headers, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.once('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.once('error', reject)
    req.end()
  })

describe('the API reference on the production server', () => {
  it('serves the page and its files under the reference\'s policy, once, framing refused', async () => {
    for (const path of ['/api/docs', '/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/init.js?v=1', '/api/docs/favicon-32x32.png']) {
      const reply = await raw(path)
      expect([path, reply.status, reply.headers['content-security-policy']]).toEqual([path, 200, DOCS_POLICY])
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
      expect(reply.headers['x-frame-options']).toBe('SAMEORIGIN')
    }
  })

  it('answers anything else under /api/docs with a 4xx under the API\'s policy, the paths that climb out included', async () => {
    const paths = [
      '/api/docs/constructor',
      '/api/docs/__proto__',
      '/api/docs/package.json',
      '/api/docs/..%2Fpackage.json',
      '/api/docs/..%2F..%2F..%2Fpackage.json',
      '/api/docs/%2Fetc%2Fpasswd',
      '/api/docs/..%5Cpackage.json',
      '/api/docs/swagger-ui.css%00',
      '/api/docs/a/b',
      `/api/docs/${'a'.repeat(3000)}`,
    ]
    for (const path of paths) {
      const reply = await raw(path)
      expect([path.slice(0, 40), reply.status]).toEqual([path.slice(0, 40), 404])
      expect(reply.headers['content-security-policy']).toBe(API_POLICY)
      expect(reply.body).not.toMatch(/node_modules|\/work\/|\/home\//)
    }
    // Climbing out of /api/docs: whatever Next makes of it, never a 5xx, never the reference's policy.
    for (const path of ['/api/docs/../openapi.json', '/api/docs/%2e%2e/openapi.json', '/api/docs/%2E%2E/users/me', '/api/docs/..', '/api/docs/%2e%2e']) {
      const reply = await raw(path)
      expect([path, reply.status < 500]).toEqual([path, true])
      expect([path, reply.headers['content-security-policy']]).toEqual([path, API_POLICY])
    }
  })

  it('answers other methods with a 4xx, and HEAD and If-None-Match on the document', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/openapi.json', '/api/docs', '/api/docs/init.js']) {
        const reply = await raw(path, method, { 'Content-Type': 'application/json', 'Content-Length': '0' })
        expect([method, path, reply.status >= 400 && reply.status < 500]).toEqual([method, path, true])
      }
    }
    const document = await raw('/api/openapi.json?x=1')
    expect(document.status).toBe(200)
    expect(document.headers['content-security-policy']).toBe(API_POLICY)
    const etag = document.headers.etag!
    expect(etag).toBeTruthy()
    const head = await raw('/api/openapi.json', 'HEAD')
    expect([head.status, head.headers.etag, head.body]).toEqual([200, etag, ''])
    const notModified = await raw('/api/openapi.json', 'GET', { 'If-None-Match': etag })
    expect([notModified.status, notModified.body]).toEqual([304, ''])
  })

  it('answers POST /api/users/verify/:token with a 404 for any token', async () => {
    for (const token of ['abc', '%00', '..%2F..%2Fusers', 'x'.repeat(3000)]) {
      const reply = await raw(`/api/users/verify/${token}`, 'POST', { 'Content-Type': 'application/json', 'Content-Length': '0' })
      expect([token.slice(0, 20), reply.status]).toEqual([token.slice(0, 20), 404])
    }
  })
})
