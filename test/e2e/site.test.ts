/**
 * The public sites and the editorial flows that feed them, in Debian's Chromium against the
 * production server on a fresh seeded SQLite database: each article page carries its own
 * boilerplate and structured data, follows a notice edit after revalidation, hides drafts,
 * passes axe and fits a phone; the admin's live preview shows the page while editing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import AxeBuilder from '@axe-core/playwright'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { publisher } from '@/seed/data'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, root, type RunningServer, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'
import { pick, reviewInPanel, signedIn } from './admin'
import { eventually, launchChromium } from './browser'

const SCREENSHOTS = path.join(root, 'test-results', 'site')
const AFP_NOTICE = 'This wire story is copyright Agence France-Presse and appears here under licence.'
const NASA_NOTICE = `Material from National Aeronautics and Space Administration (NASA) is in the public domain. ${publisher.name} claims no copyright in it.`

let db: TestDatabase
let server: RunningServer
let browser: Browser
let editor: BrowserContext
let reader: BrowserContext
let page: Page
const axeResults: Record<string, number> = {}

const site = (domain: string) => `${server.url}/s/${domain}`
const shot = async (view: Page, name: string) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await view.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}
/** The page's boilerplate as text, from a fresh load. */
const boilerplate = async (view: Page, url: string) => {
  const response = await view.goto(url)
  expect(response?.status()).toBe(200)
  return view.getByTestId('boilerplate').innerText()
}
const seeded = async (externalId: string) => {
  const response = await fetch(`${server.url}/api/articles?where[externalId][equals]=${externalId}&depth=0`)
  return (await response.json()).docs[0]
}

beforeAll(async () => {
  browser = await launchChromium()
  await ensureBuild()
  db = await createTestDatabase('sqlite')
  server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: 'e2e-site-secret-of-32-characters', SEED_ON_EMPTY: 'true', SEED_DEMO_USERS: 'true' })
  await waitUntilReady(server)
  editor = await signedIn(browser, server.url, 'editor@wirehouse.test')
  reader = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  reader.setDefaultTimeout(60_000)
  page = await editor.newPage()
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS + 120_000)

afterAll(async () => {
  if (Object.keys(axeResults).length) fs.writeFileSync(path.join(SCREENSHOTS, 'axe.json'), JSON.stringify(axeResults, null, 2))
  await browser?.close().catch(() => undefined)
  await killServers()
  await db?.drop().catch(() => undefined)
})

describe('the public sites', () => {
  it('lists the network at /, and serves a site by its host name as well as under /s/<domain>', async () => {
    const view = await reader.newPage()
    await view.goto(server.url)
    expect(await view.getByRole('link', { name: 'Frontier Defense' }).getAttribute('href')).toBe('/s/frontierdefense.example')
    await view.goto(site('frontierdefense.example'))
    expect(await view.getByRole('heading', { level: 2, name: 'SUPERPOWERS' }).count()).toBe(1)
    expect(await view.getByText('Rival blocs court Central Asia at a crowded summit').count()).toBe(1)

    const byHost = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { port } = new URL(server.url)
      http
        .get({ host: '127.0.0.1', port, path: '/superpowers', headers: { Host: 'frontierdefense.example' } }, (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        })
        .on('error', reject)
    })
    expect(byHost.status).toBe(200)
    expect(byHost.body).toContain('Rival blocs court Central Asia at a crowded summit')
    // On its own host a site's links have no /s/ prefix.
    expect(byHost.body).toContain('href="/superpowers/')
    await view.close()
  })

  it('shows each sample article with only its own boilerplate, its dateline credit and its JSON-LD', async () => {
    const view = await reader.newPage()
    const afp = await seeded('sample-afp-0001')
    const url = `${site('frontierdefense.example')}/superpowers/${afp.slug}`
    const text = await boilerplate(view, url)
    expect(text).toContain(AFP_NOTICE)
    expect(text).not.toContain(NASA_NOTICE)
    expect(await view.locator('.dateline').innerText()).toMatch(/^Tashkent, Uzbekistan \(AFP\) July 3, 2024$/)
    const ld = JSON.parse((await view.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: afp.headline, creditText: 'AFP', copyrightHolder: { name: 'Agence France-Presse' } })
    await shot(view, 'article-afp')

    const nasa = await seeded('sample-nasa-0001')
    const nasaText = await boilerplate(view, `${site('orbitaltimes.example')}/deep-space/${nasa.slug}`)
    expect(nasaText).toContain(NASA_NOTICE)
    expect(nasaText).not.toContain(AFP_NOTICE)
    // An article is only found in its own site and section.
    expect((await view.goto(`${site('orbitaltimes.example')}/launch-pad/${nasa.slug}`))?.status()).toBe(404)
    expect((await view.goto(`${site('groundstation.example')}/deep-space/${nasa.slug}`))?.status()).toBe(404)
    await view.close()
  })

  it('gives every sample article exactly the notices its attribution lists, in order', async () => {
    const view = await reader.newPage()
    const { docs } = await (await fetch(`${server.url}/api/articles?where[externalId][like]=sample-&depth=2&limit=20&attribution=full`)).json()
    expect(docs).toHaveLength(6)
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
    for (const article of docs) {
      const url = `${site(article.section.site.domain)}/${article.section.slug}/${article.slug}`
      const shown = squash(await boilerplate(view, url))
      expect(shown).toBe(squash(article.attribution.notices.map((n: { text: string }) => n.text).join(' ')))
      expect(await view.locator('.dateline').innerText()).toContain(`(${article.attribution.credit})`)
    }
    await view.close()
  })
})

describe('editors, compliance staff and readers', () => {
  const headline = 'Lunar relay satellite clears its final vacuum test'
  let articleUrl: string

  it('an editor writes an article, sees AFP then NASA boilerplate in the panel, publishes, and finds the page', async () => {
    await page.goto(`${server.url}/admin/collections/articles/create`)
    await page.locator('#field-headline').fill(headline)
    await page.locator('[data-lexical-editor="true"]').first().click()
    await page.keyboard.type('Engineers finished thirty days of thermal vacuum cycling on the relay.')
    await pick(page, 'source', 'Agence France-Presse')
    await eventually(async () => expect(await page.getByTestId('attribution-preview').innerText()).toContain(AFP_NOTICE))
    await pick(page, 'source', 'National Aeronautics and Space Administration')
    await eventually(async () => {
      const panel = await page.getByTestId('attribution-preview').innerText()
      expect(panel).toContain(NASA_NOTICE)
      expect(panel).not.toContain(AFP_NOTICE)
    })
    await pick(page, 'section', 'DEEP SPACE')
    await page.getByRole('button', { name: /Publish/ }).click()
    await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
    const id = page.url().split('/').pop()
    const saved = await (await editor.request.get(`${server.url}/api/articles/${id}?depth=0`)).json()
    expect(saved).toMatchObject({ _status: 'published', headline })

    articleUrl = `${site('orbitaltimes.example')}/deep-space/${saved.slug}`
    const view = await reader.newPage()
    const text = await boilerplate(view, articleUrl)
    expect(text).toContain(NASA_NOTICE)
    expect(text).not.toContain(AFP_NOTICE)
    expect(await view.locator('.dateline').innerText()).toMatch(/^\(NASA\)/)
    expect(await view.locator('.article-body').innerText()).toContain('thirty days of thermal vacuum cycling')
    await shot(view, 'editor-published-nasa')
    await view.close()
  })

  it('a compliance officer edits the GDPR notice, a colleague approves it, and the page shows the new text', async () => {
    const view = await reader.newPage()
    expect(await boilerplate(view, articleUrl)).toContain('General Data Protection Regulation')
    const gdpr = (await (await fetch(`${server.url}/api/legal-notices?where[kind][equals]=gdpr&depth=0`)).json()).docs[0]
    const officer = await signedIn(browser, server.url, 'compliance@wirehouse.test')
    const colleague = await signedIn(browser, server.url, 'compliance2@wirehouse.test')
    try {
      const draft = await officer.newPage()
      await draft.goto(`${server.url}/admin/collections/legal-notices/${gdpr.id}`)
      const editorBox = draft.locator('[data-lexical-editor="true"]').first()
      await editorBox.click()
      await draft.keyboard.press('Control+A')
      await draft.keyboard.type('Our advertising partners set cookies only with your consent, which you may withdraw at any time.')
      await draft.getByRole('button', { name: 'Save Draft' }).click()
      await reviewInPanel(draft, 'Submit for review')
      await eventually(async () => {
        const saved = await (await officer.request.get(`${server.url}/api/legal-notices/${gdpr.id}?draft=true`)).json()
        expect(saved.review.state).toBe('in-review')
      })
      const review = await colleague.newPage()
      await review.goto(`${server.url}/admin/collections/legal-notices/${gdpr.id}`)
      await reviewInPanel(review, 'Approve')
      await eventually(async () => {
        const approved = await (await colleague.request.get(`${server.url}/api/legal-notices/${gdpr.id}`)).json()
        expect(approved.review.state).toBe('approved')
      })
    } finally {
      await officer.close()
      await colleague.close()
    }
    const text = await boilerplate(view, articleUrl)
    expect(text).toContain('set cookies only with your consent')
    expect(text).not.toContain('General Data Protection Regulation')
    await shot(view, 'gdpr-revalidated')
    await view.close()
  })

  it('an editor cannot edit a notice, and a reader gets a 404 for a draft’s page', async () => {
    const notices = (await (await editor.request.get(`${server.url}/api/legal-notices?limit=1&depth=0`)).json()).docs
    await page.goto(`${server.url}/admin/collections/legal-notices/${notices[0].id}`)
    await page.locator('#field-title').waitFor()
    expect(await page.locator('#field-title').isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: /Publish|Save/ }).count()).toBe(0)
    await shot(page, 'editor-notice-read-only')

    const sections = (await (await fetch(`${server.url}/api/sections?where[slug][equals]=tech&depth=0`)).json()).docs
    const created = await editor.request.post(`${server.url}/api/articles?draft=true`, {
      data: { headline: 'Draft: ground station upgrade still under embargo', section: sections[0].id, _status: 'draft' },
    })
    expect(created.status()).toBe(201)
    const { doc } = await created.json()
    const view = await reader.newPage()
    const response = await view.goto(`${site('groundstation.example')}/tech/${doc.slug}`)
    expect(response?.status()).toBe(404)
    await shot(view, 'draft-404')
    await view.close()
  })

  it('the article page has no serious or critical axe violations and fits a phone screen', async () => {
    const view = await reader.newPage()
    await view.goto(articleUrl)
    const results = await new AxeBuilder({ page: view }).analyze()
    for (const v of results.violations) axeResults[`${v.impact}: ${v.id}`] = v.nodes.length
    axeResults.passes = results.passes.length
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(blocking.map((v) => `${v.id}: ${v.help}`)).toEqual([])

    await view.setViewportSize({ width: 360, height: 740 })
    await view.goto(articleUrl)
    const widths = await view.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
    expect(widths.scroll).toBeLessThanOrEqual(widths.client)
    await shot(view, 'article-phone')
    await view.close()
  })

  it('live preview in the edit view shows the page with its boilerplate, draft changes included', async () => {
    const found = (await (await editor.request.get(`${server.url}/api/articles?where[headline][equals]=${encodeURIComponent(headline)}&depth=0`)).json()).docs[0]
    await page.goto(`${server.url}/admin/collections/articles/${found.id}`)
    await page.getByRole('button', { name: 'Live Preview' }).click()
    const frame = page.frameLocator('iframe')
    await eventually(async () => expect(await frame.getByTestId('boilerplate').innerText()).toContain(NASA_NOTICE))
    expect(await frame.locator('h1').innerText()).toBe(headline)
    await page.locator('#field-headline').fill(`${headline}, engineers say`)
    await page.getByRole('button', { name: 'Save Draft' }).click()
    await eventually(async () => expect(await frame.locator('h1').innerText()).toBe(`${headline}, engineers say`))
    expect(await frame.getByRole('status').innerText()).toMatch(/Preview/)
    await shot(page, 'live-preview')
    // The public page still shows the published headline.
    const view = await reader.newPage()
    await view.goto(articleUrl)
    expect(await view.locator('h1').innerText()).toBe(headline)
    await view.close()
  })
})
