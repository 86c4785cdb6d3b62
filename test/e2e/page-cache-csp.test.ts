/**
 * A page served from the page cache (`src/pageCache`) in Debian's Chromium: each load carries a
 * nonce of its own, in the Content-Security-Policy and on every script, and the page runs and
 * hydrates with no CSP violation reported by the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, BrowserContext, ConsoleMessage } from 'playwright-core'

import { nonceOf } from '@/pageCache/entry'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { findSample } from '../helpers/load'
import { BUILD_TIMEOUT_MS, ensureBuild, get, killServers, type RunningServer, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'
import { launchChromium } from './browser'

let db: TestDatabase
let server: RunningServer
let browser: Browser
let context: BrowserContext
const violations: string[] = []

const isViolation = (message: ConsoleMessage) => /Content Security Policy|Refused to (execute|load|apply|frame|connect)/i.test(message.text())

beforeAll(async () => {
  browser = await launchChromium()
  await ensureBuild()
  db = await createTestDatabase('sqlite')
  server = await spawnServer({
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'e2e-page-cache-secret-of-more-than-32-characters',
    SEED_ON_EMPTY: 'true',
  })
  await waitUntilReady(server)
  context = await browser.newContext()
  context.setDefaultTimeout(60_000)
  context.setDefaultNavigationTimeout(90_000)
  context.on('console', (message) => {
    if (isViolation(message)) violations.push(`${message.page()?.url()}: ${message.text()}`)
  })
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS + 120_000)

afterAll(async () => {
  await browser?.close().catch(() => undefined)
  await killServers()
  await db?.drop().catch(() => undefined)
})

describe('a page from the cache in Chromium', () => {
  it('gets a fresh nonce on every load and runs, hydrated, with no violation', async () => {
    const sample = await findSample(server.url)
    const url = `${server.url}/s/${sample.domain}/${sample.section}/${sample.slug}`
    // Rendered once, so the browser's loads are served from the cache.
    expect((await get(url)).headers['x-cache']).toBe('MISS')
    const nonces: string[] = []
    for (let load = 0; load < 2; load++) {
      const page = await context.newPage()
      const response = await page.goto(url)
      expect(response?.headers()['x-cache']).toBe('HIT')
      const nonce = nonceOf(response?.headers()['content-security-policy'])!
      nonces.push(nonce)
      expect(await page.locator('h1').innerText()).toBe(sample.headline)
      // Next's inline scripts ran: they carry this load's nonce.
      expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true)
      // The browser hides nonces from the DOM once applied: read the element's own nonce property.
      const scriptNonces = await page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce))
      expect(scriptNonces.length).toBeGreaterThan(0)
      expect(new Set(scriptNonces)).toEqual(new Set([nonce]))
      expect(JSON.parse(await page.locator('script[type="application/ld+json"]').innerText())).toMatchObject({ headline: sample.headline })
      await page.close()
    }
    expect(nonces[0]).not.toBe(nonces[1])
    expect(violations).toEqual([])
  })
})
