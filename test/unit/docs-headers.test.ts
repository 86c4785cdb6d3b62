/**
 * The production server's headers (`src/server/securityHeaders.ts`, the express middleware in front
 * of Next): `/api/docs` and its known files get the reference's own policy, every other `/api`
 * answer keeps `API_POLICY`, whatever the path looks like as sent (`..`, `%2e%2e`, an encoded slash,
 * an unknown or prototype name), and nothing frames either.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import express from 'express'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { API_POLICY, DOCS_POLICY, isDocsPath } from '@/security/csp'
import { securityHeaders } from '@/server/securityHeaders'

let server: Server
let port: number

beforeAll(async () => {
  const app = express()
  app.use(securityHeaders())
  app.use((_req, res) => res.json({ ok: true }))
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

/** The path sent as is (fetch would normalize `..`). */
const headersFor = (path: string) =>
  new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume()
      resolve(res.headers)
    })
    req.on('error', reject)
    req.end()
  })

describe('the Content-Security-Policy on /api in the production server', () => {
  it('is the reference\'s on the page and its files only', async () => {
    for (const path of ['/api/docs', '/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/init.js', '/api/docs/favicon-32x32.png', '/api/docs/init.js?v=5.35.0']) {
      const headers = await headersFor(path)
      expect([path, headers['content-security-policy']]).toEqual([path, DOCS_POLICY])
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['x-frame-options']).toBe('SAMEORIGIN')
    }
  })

  it('stays the API\'s on everything else under /api, the paths that climb out of /api/docs included', async () => {
    for (const path of [
      '/api/users/me',
      '/api/openapi.json',
      '/api/docs/../users/me',
      '/api/docs/%2e%2e/users/me',
      '/api/docs/..%2Fusers%2Fme',
      '/api/docs/constructor',
      '/api/docs/__proto__',
      '/api/docs/package.json',
      '/api/docs/swagger-ui.css/x',
      '/api/docs/%00',
      `/api/docs/${'a'.repeat(4000)}`,
      '/api/docsx',
    ]) {
      const headers = await headersFor(path)
      expect([path.slice(0, 40), headers['content-security-policy']]).toEqual([path.slice(0, 40), API_POLICY])
    }
    expect(API_POLICY).toContain("frame-ancestors 'none'")
    expect(DOCS_POLICY).toContain("frame-ancestors 'none'")
    expect(DOCS_POLICY).not.toMatch(/unsafe-(inline|eval)/)
  })

  it('isDocsPath follows the API route', () => {
    expect(isDocsPath('/v1/docs/init.js', '/v1')).toBe(true)
    expect(isDocsPath('/api/docs/init.js', '/v1')).toBe(false)
    expect(isDocsPath('/api/docs/toString')).toBe(false)
  })
})
