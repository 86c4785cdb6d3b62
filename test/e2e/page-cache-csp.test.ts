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

/** Loads `url` in `context`: the response, and the nonce its scripts carry once it ran. */
const load = async (context: BrowserContext, url: string, headline: string) => {
  const page = await context.newPage()
  const response = await page.goto(url)
  expect(await page.locator('h1').innerText()).toBe(headline)
  // Next's inline scripts ran: they carry the page's nonce.
  expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true)
  // The browser hides a nonce from the attribute once applied: read the element's own property.
  const scriptNonces = await page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce))
  expect(JSON.parse(await page.locator('script[type="application/ld+json"]').innerText())).toMatchObject({ headline })
  await page.close()
  return { response: response!, scriptNonces: new Set(scriptNonces) }
}

describe('a page from the cache in Chromium', () => {
  it('gets a fresh nonce on every response and runs with no violation, loaded again included', async () => {
    const sample = await findSample(server.url)
    const url = `${server.url}/s/${sample.domain}/${sample.section}/${sample.slug}`
    // Rendered once, so the browsers' loads are served from the cache.
    expect((await get(url)).headers['x-cache']).toBe('MISS')
    const nonces: string[] = []
    // Two browsers with caches of their own: two responses from the page cache.
    for (const browserContext of [context, await browser.newContext()]) {
      browserContext.on('console', (message) => {
        if (isViolation(message)) violations.push(`${message.page()?.url()}: ${message.text()}`)
      })
      const { response, scriptNonces } = await load(browserContext, url, sample.headline)
      expect(response.headers()['x-cache']).toBe('HIT')
      const nonce = nonceOf(response.headers()['content-security-policy'])!
      expect(scriptNonces).toEqual(new Set([nonce]))
      nonces.push(nonce)
    }
    expect(nonces[0]).not.toBe(nonces[1])
    // Loaded again, the first browser may revalidate its copy (If-None-Match, a 304 without a
    // policy) and run it with the policy it kept: either way the scripts carry the policy's nonce.
    const again = await load(context, url, sample.headline)
    expect(again.scriptNonces).toEqual(new Set([nonceOf(again.response.headers()['content-security-policy'])]))
    expect(violations).toEqual([])
  })
})
