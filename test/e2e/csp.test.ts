/**
 * The Content-Security-Policies in Debian's Chromium, against the production server on a fresh
 * seeded SQLite database: a public article page and the admin (sign-in, an edit saved, the live
 * preview that frames the site) work with no CSP violation reported by the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Browser, BrowserContext, ConsoleMessage } from 'playwright-core'

import { DEMO_PASSWORD } from '@/seed/data'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { findTargets } from '../helpers/load'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'
import { eventually, launchChromium } from './browser'

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
    PAYLOAD_SECRET: 'e2e-csp-test-secret-of-more-than-32-characters',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
  })
  await waitUntilReady(server)
  context = await browser.newContext({ viewport: { width: 1440, height: 1100 } })
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

describe('the Content-Security-Policies in Chromium', () => {
  it('renders and hydrates a public article page with no violation', async () => {
    const { sample } = await findTargets(server.url)
    const page = await context.newPage()
    const response = await page.goto(`${server.url}/s/${sample.domain}/${sample.section}/${sample.slug}`)
    expect(response?.headers()['content-security-policy']).toMatch(/'nonce-/)
    expect(await page.locator('h1').innerText()).toBe(sample.headline)
    // Next's inline scripts ran (they carry the nonce), and the JSON-LD block is there.
    expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true)
    expect(JSON.parse(await page.locator('script[type="application/ld+json"]').innerText())).toMatchObject({ headline: sample.headline })
    await page.close()
    expect(violations).toEqual([])
  })

  it('signs in, saves an edit and shows the live preview in the admin with no violation', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.locator('#field-email').fill('editor@wirehouse.test')
    await page.locator('#field-password').fill(DEMO_PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin')

    const { sample } = await findTargets(server.url)
    const found = await (await page.request.get(`${server.url}/api/articles?where[slug][equals]=${sample.slug}&depth=0`)).json()
    await page.goto(`${server.url}/admin/collections/articles/${found.docs[0].id}`)
    await page.locator('#field-summary').fill('Summary saved under the admin’s Content-Security-Policy.')
    await page.getByRole('button', { name: 'Save Draft' }).click()
    await eventually(async () => {
      const draft = await (await page.request.get(`${server.url}/api/articles/${found.docs[0].id}?draft=true&depth=0`)).json()
      expect(draft.summary).toBe('Summary saved under the admin’s Content-Security-Policy.')
    })

    await page.getByRole('button', { name: 'Live Preview' }).click()
    const frame = page.frameLocator('iframe')
    await eventually(async () => expect(await frame.locator('h1').innerText()).toBe(sample.headline))
    await page.close()
    expect(violations).toEqual([])
  })
})
