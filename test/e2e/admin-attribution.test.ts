/**
 * The admin panel in Debian's Chromium, against the production server on a fresh, seeded SQLite
 * database: an editor signs in, watches the attribution preview follow the unsaved form, opens a
 * seeded article, and uses the list views. Needs `/usr/bin/chromium` and a Next production build
 * (built here if `.next/BUILD_ID` is missing).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'

import { DEMO_PASSWORD, publisher } from '@/seed/data'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import {
  BUILD_TIMEOUT_MS,
  ensureBuild,
  killServers,
  root,
  type RunningServer,
  spawnServer,
  START_TIMEOUT_MS,
  waitUntilReady,
} from '../helpers/server'
import { pick, reviewInPanel, signedIn } from './admin'
import { eventually, launchChromium } from './browser'

const SCREENSHOTS = path.join(root, 'test-results', 'e2e')
const YEAR = new Date().getUTCFullYear()
const PREVIEW = '/api/attribution/preview'

const AFP_NOTICE =
  'This wire story is copyright Agence France-Presse and appears here under licence. Do not copy or redistribute it without the agency\'s permission.'
const NASA_NOTICE = `Material from National Aeronautics and Space Administration (NASA) is in the public domain. ${publisher.name} claims no copyright in it.`
const NO_SOURCE = "no source: attributed as the publisher's own copy"

let db: TestDatabase
let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page
let sourceIds: Record<string, number | string>

/** What the panel shows, read from the DOM in one go so a check never mixes two renders. */
const panel = () =>
  page.getByTestId('attribution-preview').evaluate((root) => {
    const texts = (testId: string) =>
      [...root.querySelectorAll(`[data-testid="${testId}"]`)].map((el) => (el as HTMLElement).innerText)
    const notices = [...root.querySelectorAll('[data-testid="attribution-notice"]')].map((item) => ({
      title: item.querySelector('strong')?.textContent ?? '',
      text: item.querySelector('p')?.textContent ?? '',
    }))
    return {
      status: root.getAttribute('data-status'),
      credit: texts('attribution-credit')[0],
      byline: texts('attribution-byline')[0],
      copyright: texts('attribution-copyright')[0],
      license: texts('attribution-license')[0],
      warnings: texts('attribution-warning'),
      errors: texts('attribution-error'),
      notices,
      titles: notices.map((n) => n.title),
      all: (root as HTMLElement).innerText,
    }
  })

/** Waits until the panel has settled and `check` passes on it. */
const panelShows = (check: (shown: Awaited<ReturnType<typeof panel>>) => void) =>
  eventually(async () => {
    const shown = await panel()
    expect(shown.status).toBe('ready')
    check(shown)
    return shown
  })

const apiGet = async (pathAndQuery: string) => {
  const response = await page.request.get(`${server.url}${pathAndQuery}`)
  expect(response.status()).toBe(200)
  return response.json()
}

const pickRelationship = (field: string, name: string) => pick(page, field, name)

const screenshot = async (name: string) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
  const preview = page.getByTestId('attribution-preview')
  if (await preview.count()) await preview.screenshot({ path: path.join(SCREENSHOTS, `${name}-panel.png`) })
}

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
  context = await browser.newContext({ viewport: { width: 1440, height: 1100 } })
  context.setDefaultTimeout(60_000)
  context.setDefaultNavigationTimeout(90_000)
  page = await context.newPage()
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS + 120_000)

afterAll(async () => {
  await browser?.close().catch(() => undefined)
  await killServers()
  await db?.drop().catch(() => undefined)
})

describe('the admin panel in Chromium', () => {
  it('signs the editor in through the login form', async () => {
    await page.goto(`${server.url}/admin/login`)
    await page.locator('#field-email').fill('editor@wirehouse.test')
    await page.locator('#field-password').fill(DEMO_PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin')
    const me = await apiGet('/api/users/me')
    expect(me.user).toMatchObject({ email: 'editor@wirehouse.test', roles: ['editor'] })

    const sources = await apiGet('/api/wire-sources?limit=100&depth=0')
    sourceIds = Object.fromEntries(sources.docs.map((s: { code: string; id: number }) => [s.code, s.id]))
    expect(Object.keys(sourceIds).sort()).toEqual(['AFP', 'ESA', 'IANS', 'NASA', 'SPX', 'UPI'])
  })

  it('previews a new article as the publisher’s own copy, then follows source and byline without saving', async () => {
    const sent: Request[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === PREVIEW) sent.push(request)
    })
    await page.goto(`${server.url}/admin/collections/articles/create`)

    const own = await panelShows((shown) => expect(shown.credit).toBe(publisher.name))
    expect(own.byline).toBe('by Staff Writers')
    expect(own.copyright).toBe(`© ${YEAR} ${publisher.name}`)
    expect(own.warnings).toEqual([NO_SOURCE])
    expect(own.titles).toContain('Network copyright')
    expect(own.titles).not.toContain('Wire agency copyright')
    expect(own.errors).toEqual([])
    await screenshot('create-own-copy')

    await pickRelationship('source', 'Agence France-Presse')
    const afp = await panelShows((shown) => expect(shown.credit).toBe('AFP'))
    expect(afp.byline).toBe('by AFP Staff Writers')
    expect(afp.copyright).toBe(`© ${YEAR} Agence France-Presse`)
    expect(afp.license).toBe('copyright')
    expect(afp.warnings).toEqual([])
    expect(afp.notices).toContainEqual({ title: 'Wire agency copyright', text: AFP_NOTICE })
    expect(afp.titles).not.toContain('Public-domain material')
    expect(afp.all).not.toContain(NASA_NOTICE)
    await screenshot('create-afp')

    await pickRelationship('source', 'National Aeronautics and Space Administration')
    const nasa = await panelShows((shown) => expect(shown.credit).toBe('NASA'))
    expect(nasa.copyright).toBe('Public domain')
    expect(nasa.license).toBe('public-domain')
    expect(nasa.notices).toContainEqual({ title: 'Public-domain material', text: NASA_NOTICE })
    expect(nasa.titles).not.toContain('Wire agency copyright')
    expect(nasa.all).not.toContain('Agence France-Presse')

    const beforeTyping = sent.length
    await page.locator('#field-byline').pressSequentially('Jane Doe', { delay: 40 })
    const typed = await panelShows((shown) => expect(shown.byline).toBe('by Jane Doe'))
    expect(typed.credit).toBe('NASA')
    expect(sent.length - beforeTyping).toBeLessThanOrEqual(4)
    expect(JSON.parse(sent.at(-1)!.postData()!)).toMatchObject({ source: sourceIds.NASA, additionalSources: [], byline: 'Jane Doe' })
    await screenshot('create-nasa-byline')

    const articles = await apiGet('/api/articles?limit=1&draft=true')
    expect(articles.totalDocs).toBe(6)
  })

  it('never lets a slow answer for an older form state overwrite a newer one', async () => {
    let afpRequested!: () => void
    const afpSent = new Promise<void>((resolve) => (afpRequested = resolve))
    await page.route(`**${PREVIEW}`, async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}')
      if (body.source === sourceIds.AFP) {
        afpRequested()
        await new Promise((resolve) => setTimeout(resolve, 4_000))
      }
      await route.continue().catch(() => undefined)
    })
    try {
      await page.goto(`${server.url}/admin/collections/articles/create`)
      await panelShows((shown) => expect(shown.credit).toBe(publisher.name))

      await pickRelationship('source', 'Agence France-Presse')
      await afpSent
      await pickRelationship('source', 'National Aeronautics and Space Administration')
      await panelShows((shown) => expect(shown.credit).toBe('NASA'))

      await new Promise((resolve) => setTimeout(resolve, 5_000))
      const after = await panel()
      expect(after.credit).toBe('NASA')
      expect(after.copyright).toBe('Public domain')
    } finally {
      await page.unroute(`**${PREVIEW}`)
    }
  })

  it('shows the endpoint’s error when a preview fails, and recovers on the next change', async () => {
    await page.route(`**${PREVIEW}`, (route) =>
      route.fulfill({ status: 400, json: { errors: [{ message: 'sources must be an array of source ids.' }] } }),
    )
    try {
      await page.goto(`${server.url}/admin/collections/articles/create`)
      await eventually(async () => {
        const shown = await panel()
        expect(shown.status).toBe('error')
        expect(shown.errors).toEqual(['sources must be an array of source ids.'])
      })
    } finally {
      await page.unroute(`**${PREVIEW}`)
    }
    await page.locator('#field-byline').fill('Ann Lee')
    const shown = await panelShows((s) => expect(s.byline).toBe('by Ann Lee'))
    expect(shown.errors).toEqual([])
  })

  it('shows a seeded AFP article’s attribution on its edit view', async () => {
    const found = await apiGet('/api/articles?where[externalId][equals]=sample-afp-0001&depth=0')
    expect(found.docs).toHaveLength(1)
    const [article] = found.docs
    expect(article.source).toBe(sourceIds.AFP)

    await page.goto(`${server.url}/admin/collections/articles/${article.id}`)
    const shown = await panelShows((s) => expect(s.credit).toBe('AFP'))
    expect(shown.byline).toBe('by AFP Staff Writers')
    expect(shown.copyright).toBe('© 2024 Agence France-Presse')
    expect(shown.warnings).toEqual([])
    expect(shown.notices).toContainEqual({ title: 'Wire agency copyright', text: AFP_NOTICE })
    expect(shown.titles).not.toContain('Public-domain material')
    expect(shown.titles).toEqual(article.attribution.notices.map((n: { title: string }) => n.title))
    await screenshot('edit-afp')

    // "As of": a moment before the system kept any notice history, then back to now.
    const asked: Request[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === PREVIEW) asked.push(request)
    })
    await page.getByTestId('attribution-as-of').fill('2001-01-01T00:00')
    const then = await panelShows((s) => expect(s.warnings[0]).toMatch(/^no notice history before/))
    expect(then.notices).toEqual([])
    expect(JSON.parse(asked.at(-1)!.postData()!).at).toBe(new Date('2001-01-01T00:00').toISOString())
    await screenshot('edit-afp-as-of-2001')
    await page.getByRole('button', { name: 'now' }).click()
    const now = await panelShows((s) => expect(s.warnings).toEqual([]))
    expect(now.titles).toEqual(shown.titles)
  })

  it('shows on a notice how many articles it reaches now, with links to them', async () => {
    const { docs } = await apiGet('/api/legal-notices?where[title][equals]=Wire%20agency%20copyright&depth=0')
    const reach = await apiGet(`/api/legal-notices/${docs[0].id}/reach?limit=5`)
    expect(reach.totalDocs).toBeGreaterThan(0)
    await page.goto(`${server.url}/admin/collections/legal-notices/${docs[0].id}`)
    const count = page.getByTestId('notice-reach-count')
    await eventually(async () => expect(await count.innerText()).toBe(`Attached to ${reach.totalDocs} Articles now.`))
    const links = await page.getByTestId('notice-reach').locator('a').allInnerTexts()
    expect(links).toEqual(reach.docs.map((d: { headline: string }) => d.headline))
    await screenshot('notice-reach')
  })

  it('keeps the compliance view to compliance staff, who see notices, dates, sources and articles to fix', async () => {
    await page.goto(`${server.url}/admin/compliance`)
    await page.getByTestId('compliance-denied').waitFor()

    const staff = await browser.newContext({ viewport: { width: 1440, height: 1100 } })
    try {
      const login = await staff.request.post(`${server.url}/api/users/login`, {
        data: { email: 'compliance@wirehouse.test', password: DEMO_PASSWORD },
      })
      expect(login.status()).toBe(200)
      const view = await staff.newPage()
      await view.goto(`${server.url}/admin/compliance`)
      const notices = view.getByTestId('compliance-notices')
      await notices.waitFor()
      const report = await (await staff.request.get(`${server.url}/api/attribution/report`)).json()
      const gdprRow = await notices.locator('tr', { hasText: 'gdpr' }).innerText()
      expect(gdprRow).toContain(String(report.notices.gdpr['in-force']))
      expect(await view.getByTestId('compliance-articles').innerText()).toContain(report.articles[0].warning)
      await expect(view.getByRole('link', { name: 'Compliance' }).count()).resolves.toBeGreaterThan(0)
      await view.screenshot({ path: path.join(SCREENSHOTS, 'compliance.png'), fullPage: true })

      // The audit log: listed for compliance staff, read-only (no create button).
      const entries = await (await staff.request.get(`${server.url}/api/audit-log?limit=1`)).json()
      expect(entries.totalDocs).toBeGreaterThan(0)
      await view.goto(`${server.url}/admin/collections/audit-log`)
      const rows = view.locator('.table tbody tr')
      await eventually(async () => expect(await rows.count()).toBe(Math.min(entries.totalDocs, 10)))
      expect(await view.getByRole('link', { name: /create new/i }).count()).toBe(0)
      await view.screenshot({ path: path.join(SCREENSHOTS, 'audit-log.png') })
    } finally {
      await staff.close()
    }
  })

  it('lets a compliance officer draft and submit a notice, and a colleague approve it, with the review panel’s buttons', async () => {
    const officer = await signedIn(browser, server.url, 'compliance@wirehouse.test')
    const colleague = await signedIn(browser, server.url, 'compliance2@wirehouse.test')
    try {
      const draft = await officer.newPage()
      await draft.goto(`${server.url}/admin/collections/legal-notices/create`)
      await draft.locator('#field-title').fill('Browser data statement')
      await pick(draft, 'kind', 'GDPR')
      await draft.locator('[data-lexical-editor="true"]').first().click()
      await draft.keyboard.type('We keep reader data for thirty days.')
      // No state select any more: the review is the panel's.
      expect(await draft.locator('#field-review__state').count()).toBe(0)
      await draft.getByRole('button', { name: 'Save Draft' }).click()
      await draft.waitForURL(/\/legal-notices\/\d+/)
      const id = draft.url().split('/').pop()
      const panel = draft.getByTestId('review-panel')
      await eventually(async () => expect(await panel.getByTestId('review-state').innerText()).toBe('Draft'))

      await reviewInPanel(draft, 'Submit for review')
      await eventually(async () => expect(await panel.getByTestId('review-state').innerText()).toBe('In review'))
      expect(await panel.getByTestId('review-submitted').innerText()).toMatch(/^Submitted by compliance@wirehouse\.test on /)
      // The submitter is offered nothing more; a publish of their own is refused with what to do instead.
      expect(await panel.getByRole('button').count()).toBe(0)
      await draft.getByRole('button', { name: /Publish/ }).click()
      await draft.getByText(/submit the change for review/).first().waitFor()
      expect((await fetch(`${server.url}/api/legal-notices/${id}`)).status).toBe(404)

      const review = await colleague.newPage()
      await review.goto(`${server.url}/admin/collections/legal-notices/${id}`)
      await eventually(async () => expect(await review.getByTestId('review-panel').getByRole('button', { name: 'Reject' }).count()).toBe(1))
      await reviewInPanel(review, 'Approve')
      await eventually(async () => {
        const live = await (await fetch(`${server.url}/api/legal-notices/${id}`)).json()
        expect(live).toMatchObject({ _status: 'published', title: 'Browser data statement' })
        expect(live).not.toHaveProperty('review')
      })
      const decided = review.getByTestId('review-panel')
      await eventually(async () => expect(await decided.getByTestId('review-state').innerText()).toBe('Approved'))
      expect(await decided.getByTestId('review-decided').innerText()).toMatch(/^Approved by compliance2@wirehouse\.test on /)
      await review.screenshot({ path: path.join(SCREENSHOTS, 'notice-approved.png'), fullPage: true })
    } finally {
      await officer.close()
      await colleague.close()
    }
  })

  it('filters the articles list by source', async () => {
    const rows = page.locator('.table tbody tr')
    await page.goto(`${server.url}/admin/collections/articles`)
    await eventually(async () => expect(await rows.count()).toBe(6))

    await page.goto(`${server.url}/admin/collections/articles?where[source][equals]=${sourceIds.AFP}`)
    const cells = () =>
      rows.evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('td.cell-headline'), tr.querySelector('td.cell-source')].map((td) => (td as HTMLElement)?.innerText)),
      )
    await eventually(async () =>
      expect(await cells()).toEqual([['Rival blocs court Central Asia at a crowded summit', 'Agence France-Presse']]),
    )
  })

  it('lists wire sources with their kind and licence columns', async () => {
    await page.goto(`${server.url}/admin/collections/wire-sources`)
    const heading = (column: string) => page.locator(`.table thead th#heading-${column}`)
    await heading('kind').waitFor()
    expect(await heading('kind').innerText()).toMatch(/^Kind/)
    expect(await heading('license').innerText()).toMatch(/^Licence/)
    const row = (id: number | string) => page.locator(`.table tbody tr[data-id="${id}"]`)
    expect(await row(sourceIds.AFP).locator('td.cell-kind').innerText()).toBe('News agency')
    expect(await row(sourceIds.AFP).locator('td.cell-license').innerText()).toBe('Copyright')
    expect(await row(sourceIds.NASA).locator('td.cell-kind').innerText()).toBe('Government')
    expect(await row(sourceIds.NASA).locator('td.cell-license').innerText()).toBe('Public domain')
    await screenshot('wire-sources')
  })

  it.each([
    ['fr-FR', { rights: 'Droits', kind: 'Type', agency: 'Agence de presse', body: 'Texte', reach: 'Portée', attached: /^S’applique actuellement à \d+ Articles?\.$/ }],
    ['de-DE', { rights: 'Rechte', kind: 'Art', agency: 'Nachrichtenagentur', body: 'Text', reach: 'Reichweite', attached: /^Gilt derzeit für \d+ Artikel\.$/ }],
  ])('speaks the %s browser’s language, in the plugin’s collections and panels too', async (locale, expected) => {
    const staff = await signedIn(browser, server.url, 'compliance@wirehouse.test', { locale })
    try {
      const view = await staff.newPage()
      await view.goto(`${server.url}/admin/collections/wire-sources`)
      const heading = view.locator('.table thead th#heading-kind')
      await heading.waitFor()
      expect(await heading.innerText()).toMatch(new RegExp(`^${expected.kind}`))
      expect(await view.locator(`.table tbody tr[data-id="${sourceIds.AFP}"] td.cell-kind`).innerText()).toBe(expected.agency)
      expect(await view.locator('nav.nav__wrap').innerText()).toContain(expected.rights)

      const { docs } = await apiGet('/api/legal-notices?where[appliesTo.scope][equals]=all&limit=1')
      await view.goto(`${server.url}/admin/collections/legal-notices/${docs[0].id}`)
      const reach = view.getByTestId('notice-reach')
      await eventually(async () => expect(await reach.locator('h4').innerText()).toBe(expected.reach))
      // The rich-text body too, rendered on the server (after the English tests opened notices first).
      expect(await view.locator('label[for="field-body"]').first().innerText()).toMatch(new RegExp(`^${expected.body}\\b`))
      await eventually(async () => expect(await view.getByTestId('notice-reach-count').innerText()).toMatch(expected.attached))
      await view.screenshot({ path: path.join(SCREENSHOTS, `notice-${locale}.png`), fullPage: true })
    } finally {
      await staff.close()
    }
  })

  it('ingests wire files picked above the articles list, with a line per file and a link to each article', async () => {
    await page.goto(`${server.url}/admin/collections/articles`)
    const wire = (file: string) => path.join(root, 'test', 'fixtures', 'wire', file)
    await page.locator('.ingest-wire input[type="file"]').setInputFiles([wire('good/afp-nitf.xml'), wire('unmatched/xyz-text.txt'), wire('bad/truncated.xml')])
    const status = page.locator('.ingest-wire [role="status"]')
    await eventually(async () => expect(await status.innerText()).toBe('2 ingested, 1 failed.'))
    const lines = await page.locator('.ingest-wire__result').allInnerTexts()
    expect(lines).toEqual([
      'afp-nitf.xml: Article created.',
      expect.stringMatching(/^xyz-text\.txt: Article created as a draft for review: no wire source matches credit "XYZ"/),
      expect.stringMatching(/^truncated\.xml: XML is not well-formed: the file ends inside <nitf>/),
    ])
    // The list shows the new articles without a reload.
    await eventually(async () => expect(await page.locator('.table tbody tr').count()).toBe(8))
    await screenshot('ingest-wire')

    await page.locator('.ingest-wire__result--ok a').first().click()
    const shown = await panelShows((s) => expect(s.credit).toBe('AFP'))
    expect(shown.titles).toContain('Wire agency copyright')
    expect(shown.warnings).toEqual([])
  })
})
