/**
 * Webhooks in the admin, in Debian's Chromium against the production server (its delivery worker
 * on) on a fresh, seeded SQLite database: an article published through the API is delivered to a
 * receiver in the test process, which answers 500 at first; an admin opens the delivery and
 * presses Redeliver: the same delivery id arrives again and the delivery ends delivered; then makes
 * a new secret from the webhook's edit view and reads it there, once. Needs
 * `/usr/bin/chromium` and a Next production build (built here if `.next/BUILD_ID` is missing).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext } from 'playwright-core'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'
import { signedIn } from './admin'
import { eventually, launchChromium } from './browser'

let db: TestDatabase
let server: RunningServer
let browser: Browser
let admin: BrowserContext
let receiver: Server
const received: { delivery: string; attempt: string }[] = []
let answer = 500

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      received.push({ delivery: String(req.headers['x-wirehouse-delivery']), attempt: String(req.headers['x-wirehouse-attempt']) })
      res.writeHead(answer).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  browser = await launchChromium()
  await ensureBuild()
  db = await createTestDatabase('sqlite')
  server = await spawnServer({
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'e2e-test-secret-of-32-characters',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
    WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    WEBHOOK_WORKER: 'on',
  })
  await waitUntilReady(server)
  admin = await signedIn(browser, server.url, 'admin@wirehouse.test')
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS + 120_000)

afterAll(async () => {
  receiver?.close()
  await browser?.close().catch(() => undefined)
  await killServers()
  await db?.drop().catch(() => undefined)
})

describe('webhook deliveries in the admin', () => {
  it('an admin redelivers a delivery from its edit view, with the same delivery id', async () => {
    const port = (receiver.address() as AddressInfo).port
    const hook = await admin.request.post(`${server.url}/api/webhooks`, { data: { url: `http://127.0.0.1:${port}/`, events: ['article.published'] } })
    expect(hook.status()).toBe(201)
    expect((await hook.json()).doc.secret).toMatch(/^whsec_/)
    const source = (await (await admin.request.get(`${server.url}/api/wire-sources?limit=1&depth=0`)).json()).docs[0].id
    const article = await admin.request.post(`${server.url}/api/articles?depth=0`, { data: { headline: 'Webhooks e2e story', source, _status: 'published' } })
    expect(article.status()).toBe(201)
    // Sent within seconds of the save, answered 500: pending, a retry scheduled.
    await eventually(async () => expect(received).toHaveLength(1), 15_000)
    const list = async () => (await (await admin.request.get(`${server.url}/api/webhook-deliveries?depth=0`)).json()).docs
    await eventually(async () => expect((await list())[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 }), 10_000)
    const [delivery] = await list()
    expect(delivery.deliveryId).toBe(received[0].delivery)

    answer = 200
    const page = await admin.newPage()
    await page.goto(`${server.url}/admin/collections/webhook-deliveries/${delivery.id}`)
    await page.getByRole('button', { name: 'Redeliver' }).click()
    await page.getByRole('status').filter({ hasText: 'Queued' }).waitFor()
    await eventually(async () => expect(received).toHaveLength(2), 15_000)
    expect(received[1]).toEqual({ delivery: delivery.deliveryId, attempt: '1' })
    await eventually(async () => expect((await list())[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 }), 10_000)

    // The list: the delivery, and none among the dead letters.
    await page.goto(`${server.url}/admin/collections/webhook-deliveries`)
    const row = page.locator(`a[href$="/collections/webhook-deliveries/${delivery.id}"]`)
    await row.first().waitFor()
    await page.getByTestId('dead-letters').click()
    await page.waitForURL(/status/)
    // Payload's filter row shows the condition; the list has none.
    await page.getByText('Failed (dead letter)').first().waitFor()
    await page.getByText(/No results/i).first().waitFor()
    expect(await row.count()).toBe(0)
    await page.close()
  })

  it('an admin makes a new secret from the webhook’s edit view and reads it there once', async () => {
    const [hook] = (await (await admin.request.get(`${server.url}/api/webhooks?depth=0`)).json()).docs
    const page = await admin.newPage()
    page.on('dialog', (dialog) => void dialog.accept())
    await page.goto(`${server.url}/admin/collections/webhooks/${hook.id}`)
    await page.getByRole('button', { name: 'New secret' }).click()
    const shown = await page.getByTestId('webhook-secret').innerText()
    expect(shown).toMatch(/^whsec_[0-9a-f]{64}$/)
    await page.reload()
    await page.getByRole('button', { name: 'New secret' }).waitFor()
    expect(await page.getByTestId('webhook-secret').count()).toBe(0)
    expect(await page.content()).not.toContain(shown)
    await page.close()
  })
})
