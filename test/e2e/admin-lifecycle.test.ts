/**
 * The rights lifecycle in the admin, in Debian's Chromium against the production server on a
 * fresh, seeded SQLite database: a compliance officer withdraws an article from its edit view
 * with a reason and a message and sees it marked Withdrawn; an editor sees the badges in the
 * articles list and no Withdraw button; the compliance view shows the withdrawal and an embargo
 * lifting within 7 days, linked to their articles; an admin restores. Needs `/usr/bin/chromium`
 * and a Next production build (built here if `.next/BUILD_ID` is missing).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, root, type RunningServer, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'
import { signedIn } from './admin'
import { eventually, launchChromium } from './browser'

const SCREENSHOTS = path.join(root, 'test-results', 'e2e')
const DAY = 24 * 60 * 60 * 1000

let db: TestDatabase
let server: RunningServer
let browser: Browser
let admin: BrowserContext
let toWithdraw: { id: number; headline: string }
let embargoed: { id: number; headline: string }

const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** Opens a document's edit view, taking over another user's edit lock if the modal offers it. */
const openDocument = async (page: Page, id: number) => {
  await page.goto(`${server.url}/admin/collections/articles/${id}`)
  await page.locator('form').first().waitFor()
  const locked = page.locator('#document-locked')
  await page.waitForTimeout(1000)
  if (await locked.isVisible()) await locked.getByRole('button', { name: 'Take over' }).click()
  await page.getByTestId('rights-panel').getByTestId('availability-badge').waitFor()
}

const badge = (page: Page) =>
  page
    .getByTestId('rights-panel')
    .getByTestId('availability-badge')
    .evaluate((el) => ({ state: el.getAttribute('data-state'), text: (el as HTMLElement).innerText }))

beforeAll(async () => {
  browser = await launchChromium()
  await ensureBuild()
  db = await createTestDatabase('sqlite')
  server = await spawnServer({
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'e2e-test-secret-of-32-characters',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
  })
  await waitUntilReady(server)
  admin = await signedIn(browser, server.url, 'admin@wirehouse.test')
  const get = async (pathAndQuery: string) => (await admin.request.get(`${server.url}${pathAndQuery}`)).json()
  const source = (await get('/api/wire-sources?limit=1&depth=0&sort=id')).docs[0].id
  const section = (await get('/api/sections?limit=1&depth=0')).docs[0].id
  const create = async (headline: string, data: Record<string, unknown> = {}) => {
    const response = await admin.request.post(`${server.url}/api/articles?depth=0`, { data: { headline, source, section, _status: 'published', ...data } })
    expect(response.status()).toBe(201)
    return { id: (await response.json()).doc.id as number, headline }
  }
  toWithdraw = await create('Lifecycle e2e: story compliance withdraws')
  embargoed = await create('Lifecycle e2e: embargo lifting in three days', { embargoUntil: new Date(Date.now() + 3 * DAY).toISOString() })
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS + 120_000)

afterAll(async () => {
  await browser?.close().catch(() => undefined)
  await killServers()
  await db?.drop().catch(() => undefined)
})

describe('the rights lifecycle in the admin', () => {
  it('a compliance officer withdraws an article from its edit view with a reason; the badge says Withdrawn', async () => {
    const officer = await signedIn(browser, server.url, 'compliance@wirehouse.test')
    try {
      const page = await officer.newPage()
      await openDocument(page, toWithdraw.id)
      expect(await badge(page)).toEqual({ state: 'public', text: 'Public' })
      const panel = page.getByTestId('rights-panel')
      // Compliance withdraws; only admins restore.
      expect(await panel.getByRole('button', { name: 'Restore' }).count()).toBe(0)
      await panel.getByRole('button', { name: 'Withdraw' }).click()
      await panel.locator('#rights-reason').selectOption('expired')
      await panel.locator('#rights-message-input').fill('Licence for this story ended early (contract 2026-14).')
      await Promise.all([page.waitForEvent('load'), panel.getByRole('button', { name: 'Withdraw now' }).click()])
      await page.getByTestId('rights-panel').getByTestId('availability-badge').waitFor()
      await eventually(async () => {
        const shown = await badge(page)
        expect(shown.state).toBe('withdrawn')
        expect(shown.text).toMatch(/^Withdrawn \(licence expired\) since /)
      })
      expect(await page.getByTestId('rights-message').innerText()).toBe('Licence for this story ended early (contract 2026-14).')
      expect(await page.getByTestId('rights-by').innerText()).toBe('By compliance@wirehouse.test.')
      expect(await page.getByTestId('rights-panel').getByRole('button', { name: 'Withdraw' }).count()).toBe(0)
      await screenshot(page, 'lifecycle-withdrawn')
      // Gone for readers; audited.
      expect((await fetch(`${server.url}/api/articles/${toWithdraw.id}`)).status).toBe(404)
      const audit = await (await officer.request.get(`${server.url}/api/audit-log?where[documentId][equals]=${toWithdraw.id}&where[collection][equals]=articles`)).json()
      expect(audit.docs.map((entry: { operation: string }) => entry.operation)).toEqual(['withdraw'])
    } finally {
      await officer.close()
    }
  })

  it('an editor sees the badges in the articles list, and no Withdraw button', async () => {
    const editor = await signedIn(browser, server.url, 'editor@wirehouse.test')
    try {
      const page = await editor.newPage()
      await page.goto(`${server.url}/admin/collections/articles`)
      const cell = (id: number) => page.locator(`.table tbody tr[data-id="${id}"] td.cell-rights [data-testid="availability-badge"]`)
      await cell(toWithdraw.id).waitFor()
      expect(await cell(toWithdraw.id).getAttribute('data-state')).toBe('withdrawn')
      expect(await cell(toWithdraw.id).innerText()).toMatch(/^Withdrawn \(licence expired\) since /)
      expect(await cell(embargoed.id).getAttribute('data-state')).toBe('embargoed')
      expect(await cell(embargoed.id).innerText()).toMatch(/^Embargoed until /)
      expect(await page.locator('.table thead th', { hasText: 'Rights' }).count()).toBe(1)
      await screenshot(page, 'lifecycle-list')
      await openDocument(page, embargoed.id)
      expect((await badge(page)).state).toBe('embargoed')
      expect(await page.getByTestId('rights-panel').getByRole('button').count()).toBe(0)
    } finally {
      await editor.close()
    }
  })

  it('the compliance view shows the withdrawal and the embargo lifting, in the chart and the table, linked to their articles', async () => {
    const officer = await signedIn(browser, server.url, 'compliance@wirehouse.test')
    try {
      const page = await officer.newPage()
      await page.goto(`${server.url}/admin/compliance`)
      const section = page.getByTestId('compliance-lifecycle')
      await section.waitFor()
      const row = (kind: string, headline: string) => section.locator(`[data-testid="lifecycle-row"][data-kind="${kind}"]`, { hasText: headline })
      expect(await row('withdrawal', toWithdraw.headline).count()).toBe(1)
      expect(await row('withdrawal', toWithdraw.headline).innerText()).toContain('Licence for this story ended early')
      expect(await row('withdrawal', toWithdraw.headline).locator('a').getAttribute('href')).toBe(`/admin/collections/articles/${toWithdraw.id}`)
      expect(await row('embargo', embargoed.headline).locator('a').getAttribute('href')).toBe(`/admin/collections/articles/${embargoed.id}`)
      const chart = page.getByTestId('lifecycle-chart')
      expect(await chart.locator(`a[data-kind="withdrawal"][href="/admin/collections/articles/${toWithdraw.id}"]`).count()).toBe(1)
      expect(await chart.locator(`a[data-kind="embargo"][href="/admin/collections/articles/${embargoed.id}"]`).count()).toBe(1)
      await screenshot(page, 'lifecycle-dashboard')
      await Promise.all([page.waitForURL(`**/admin/collections/articles/${embargoed.id}`), row('embargo', embargoed.headline).locator('a').click()])
    } finally {
      await officer.close()
    }
  })

  it('an admin restores the article; it is public again', async () => {
    const page = await admin.newPage()
    await openDocument(page, toWithdraw.id)
    await Promise.all([page.waitForEvent('load'), page.getByTestId('rights-panel').getByRole('button', { name: 'Restore' }).click()])
    await page.getByTestId('rights-panel').getByTestId('availability-badge').waitFor()
    await eventually(async () => expect(await badge(page)).toEqual({ state: 'public', text: 'Public' }))
    expect((await fetch(`${server.url}/api/articles/${toWithdraw.id}`)).status).toBe(200)
  })
})
