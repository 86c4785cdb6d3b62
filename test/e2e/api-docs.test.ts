/**
 * `GET /api/docs` in Debian's Chromium against the production server: Swagger UI, served from the
 * package, renders the generated document's operations under its strict policy (no inline script,
 * nothing from elsewhere) with no CSP violation; the document answers under the API's own policy.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, ConsoleMessage } from 'playwright-core'

import { DOCS_POLICY } from '@/security/csp'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { BUILD_TIMEOUT_MS, ensureBuild, get, killServers, type RunningServer, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'
import { launchChromium } from './browser'

let db: TestDatabase
let server: RunningServer
let browser: Browser

const isViolation = (message: ConsoleMessage) => /Content Security Policy|Refused to (execute|load|apply|frame|connect)/i.test(message.text())

beforeAll(async () => {
  browser = await launchChromium()
  await ensureBuild()
  db = await createTestDatabase('sqlite')
  server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: 'e2e-api-docs-test-secret-of-32-characters', SEED_ON_EMPTY: 'true' })
  await waitUntilReady(server)
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS + 120_000)

afterAll(async () => {
  await browser?.close().catch(() => undefined)
  await killServers()
  await db?.drop().catch(() => undefined)
})

describe('the API reference', () => {
  it('answers the page and its files under the docs policy, and the document under the API policy', async () => {
    const page = await get(`${server.url}/api/docs`)
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(DOCS_POLICY)
    // Every script is a file: no inline one.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css', 'init.js']) {
      const asset = await get(`${server.url}/api/docs/${file}`)
      expect(asset.status).toBe(200)
      expect(asset.headers['content-security-policy']).toBe(DOCS_POLICY)
    }
    expect((await get(`${server.url}/api/docs/nothing.js`)).status).toBe(404)
    const document = await get(`${server.url}/api/openapi.json`)
    expect(document.status).toBe(200)
    expect(document.headers['content-security-policy']).not.toBe(DOCS_POLICY)
    expect(JSON.parse(document.body).openapi).toBe('3.1.0')
  })

  it('renders the operations in Chromium with no CSP violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } })
    const violations: string[] = []
    context.on('console', (message) => {
      if (isViolation(message)) violations.push(message.text())
    })
    const page = await context.newPage()
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`))
    })
    await page.goto(`${server.url}/api/docs`)
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 })
    expect(await page.locator('.info .title').innerText()).toContain('Wirehouse API')
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50)
    // An operation opens with its parameters and responses.
    const read = page.locator('.opblock-get', { has: page.locator('[data-path="/articles/{id}"]') }).first()
    await read.locator('.opblock-summary').click()
    await read.locator('text=attribution').first().waitFor()
    await context.close()
    expect(violations).toEqual([])
  })
})
