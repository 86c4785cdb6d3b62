/**
 * The rights lifecycle on the public pages, through the production server and its page cache:
 * an embargo lifts, and a usage window ends, at their moment with no request in between (the
 * scheduler, `src/pageCache/scheduler.ts`); a withdrawn story's page is a 410 tombstone naming
 * the source and why, a story past its licence a 410 when its source allows an archive and a 404
 * when it forbids one; a restore brings the page back; lists never show a story readers may not
 * read. Changes are made as the ingest CLI makes them: through the Local API of another process
 * on the same database (the plugin's `withdrawArticle`), which the server hears of through the
 * site generation. One server, no Redis (rights-scale-out.test.ts: two instances and Redis).
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { restoreArticle, withdrawArticle } from '@wirehouse/payload-plugin-attribution'

import type { Article, Section, Site, WireSource } from '../../payload-types'

import { closeDatabase } from '@/database'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, send, sleep, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

const kind = databaseUnderTest()
const SECRET = 'rights-pages-test-secret-of-32-characters'
const DAY = 24 * 60 * 60 * 1000
/** A scheduled change shows this soon after its moment. */
const WITHIN_MS = 1000

let db: TestDatabase
let server: RunningServer
let payload: Payload
let site: Site
let section: Section
let sources: WireSource[]

const get = async (path: string) => {
  const reply = await send(`${server.url}${path}`).reply
  return { status: reply.status, body: reply.body, cache: String(reply.headers['x-cache'] ?? ''), robots: reply.headers['x-robots-tag'] }
}

const pageOf = (article: Pick<Article, 'slug'>) => `/s/${site.domain}/${section.slug}/${article.slug}`
const sectionPage = () => `/s/${site.domain}/${section.slug}`

/** Polls `path` every 50 ms until `ok`; the ms it took from `from`, or a failure. */
const until = async (path: string, ok: (page: Awaited<ReturnType<typeof get>>) => boolean, from = Date.now(), ms = 5000) => {
  for (;;) {
    const page = await get(path)
    if (ok(page)) return Date.now() - from
    if (Date.now() - from > ms) throw new Error(`${path} still ${page.status} (${page.cache}) after ${ms} ms`)
    await sleep(50)
  }
}

/** Reads `path` until it is served from the page cache. */
const cached = async (path: string) => until(path, (page) => page.cache === 'HIT')

/** A whole second `ms` from now: readers' queries see moments to the second. */
const wholeSecondIn = (ms: number) => Math.ceil((Date.now() + ms) / 1000) * 1000

let serial = 0
const story = async (data: Record<string, unknown>) =>
  (await payload.create({
    collection: 'articles',
    data: { headline: `Rights story ${++serial} ${Date.now()}`, source: sources[0].id, section: section.id, _status: 'published', ...data } as never,
    depth: 0,
  })) as unknown as Article

const req = () => ({ payload, user: null, context: {} }) as never

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(kind)
  server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET, SEED_ON_EMPTY: 'true', SEED_DEMO_USERS: 'true' })
  await waitUntilReady(server)
  // This process writes as the ingest CLI does, on the server's database.
  Object.assign(process.env, { DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET, SEED_ON_EMPTY: 'false' })
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  payload = await getPayload({ config: await config })
  section = (await payload.find({ collection: 'sections', limit: 1, depth: 1, sort: 'id' })).docs[0]
  site = section.site as Site
  sources = (await payload.find({ collection: 'wire-sources', limit: 3, depth: 0, sort: 'id' })).docs
  // The first write of a process, and the first render of each page, are slow (seconds): not
  // while a moment a few seconds ahead is set.
  await story({ _status: 'draft' })
  for (const path of [sectionPage(), `/s/${site.domain}`, `${sectionPage()}/no-such-story`]) await get(path)
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  if (payload) await closeDatabase(payload).catch(() => undefined)
  await db?.drop().catch(() => undefined)
})

describe(`rights on the public pages (${kind})`, () => {
  it('an embargo lifts at its moment, with no request in between: the page and its section’s list show it within a second', async () => {
    const moment = wholeSecondIn(5000)
    const embargoed = await story({ embargoUntil: new Date(moment).toISOString() })
    // The server hears of the change through the generation (every 500 ms) and looks again.
    await sleep(700)
    const before = await get(pageOf(embargoed))
    expect(before.status).toBe(404)
    expect(before.body).not.toContain(embargoed.headline)
    expect((await get(sectionPage())).body).not.toContain(embargoed.headline)
    expect((await get(`/s/${site.domain}`)).body).not.toContain(embargoed.headline)
    await cached(sectionPage())
    // All of the above before the moment, or it proved nothing.
    expect(moment - Date.now()).toBeGreaterThan(500)
    await sleep(moment - Date.now())
    const took = await until(pageOf(embargoed), (page) => page.status === 200 && page.body.includes(embargoed.headline), moment)
    expect(took).toBeLessThanOrEqual(WITHIN_MS)
    const list = await get(sectionPage())
    expect(list.body).toContain(embargoed.headline)
  })

  it('a usage window ends at its moment: the page turns into a 410 tombstone (archive allowed) within a second; under `forbidden` a 404', async () => {
    const source = sources[1]
    await payload.update({ collection: 'wire-sources', id: source.id, data: { usage: { maxAgeDays: 1, archive: 'allowed' } } as never })
    const end = wholeSecondIn(5000)
    const dated = await story({ source: source.id, publishedAt: new Date(end - DAY).toISOString() })
    expect(end - Date.now()).toBeGreaterThan(2000)
    await sleep(700)
    expect((await get(pageOf(dated))).status).toBe(200)
    await cached(pageOf(dated))
    await sleep(end - Date.now())
    const took = await until(pageOf(dated), (page) => page.status === 410, end)
    expect(took).toBeLessThanOrEqual(WITHIN_MS)
    const tombstone = await get(pageOf(dated))
    expect(tombstone.body).toContain(`no longer available under our licence from ${source.name}`)
    expect(tombstone.body).not.toContain(dated.headline)
    expect(tombstone.robots).toBe('noindex')
    // Kept like any page.
    await cached(pageOf(dated))
    expect((await get(sectionPage())).body).not.toContain(dated.headline)

    // No archive: nothing says the story was there. Every page follows a change of the terms.
    await payload.update({ collection: 'wire-sources', id: source.id, data: { usage: { maxAgeDays: 1, archive: 'forbidden' } } as never })
    await until(pageOf(dated), (page) => page.status === 404)
    expect((await get(pageOf(dated))).body).not.toContain(dated.headline)
    // A longer window brings it back.
    await payload.update({ collection: 'wire-sources', id: source.id, data: { usage: { maxAgeDays: 30, archive: 'forbidden' } } as never })
    await until(pageOf(dated), (page) => page.status === 200 && page.body.includes(dated.headline))
  })

  it('a kill turns the page into a 410 naming the source and the agency’s words; a restore brings the page back', async () => {
    const killed = await story({ source: sources[2].id })
    await sleep(700)
    await cached(pageOf(killed))
    await withdrawArticle({ req: req(), collection: 'articles', id: killed.id, reason: 'kill', message: 'Legal reasons: eliminate this story' })
    await until(pageOf(killed), (page) => page.status === 410)
    const page = await get(pageOf(killed))
    expect(page.body).toContain(`${sources[2].name} withdrew this story.`)
    expect(page.body).toContain('Legal reasons: eliminate this story')
    expect(page.body).not.toContain(killed.headline)
    expect(page.robots).toBe('noindex')
    await cached(pageOf(killed))
    expect((await get(sectionPage())).body).not.toContain(killed.headline)

    await restoreArticle({ req: req(), collection: 'articles', id: killed.id })
    await until(pageOf(killed), (reply) => reply.status === 200 && reply.body.includes(killed.headline))
    expect((await get(sectionPage())).body).toContain(killed.headline)
  })

  it('a manual withdrawal says “withdrawn”, without the officer’s reason', async () => {
    const withdrawn = await story({ source: sources[2].id })
    await withdrawArticle({ req: req(), collection: 'articles', id: withdrawn.id, reason: 'manual', message: 'Internal: wrong photo credit' })
    await until(pageOf(withdrawn), (page) => page.status === 410)
    const page = await get(pageOf(withdrawn))
    expect(page.body).toContain('This story has been withdrawn.')
    expect(page.body).not.toContain('Internal: wrong photo credit')
  })

  it('an embargoed story, withdrawn or not, and a draft are 404s like a story that never existed', async () => {
    const later = await story({ source: sources[2].id, embargoUntil: new Date(Date.now() + DAY).toISOString() })
    const killedEarly = await story({ source: sources[2].id, embargoUntil: new Date(Date.now() + DAY).toISOString() })
    await withdrawArticle({ req: req(), collection: 'articles', id: killedEarly.id, reason: 'kill', message: 'Killed before release' })
    const draft = await story({ source: sources[2].id, _status: 'draft' })
    await sleep(700)
    for (const article of [later, killedEarly, draft]) {
      const page = await get(pageOf(article))
      expect(page.status).toBe(404)
      expect(page.body).not.toContain(article.headline)
      expect(page.body).not.toContain('withdrew')
    }
    expect((await get(`/s/${site.domain}/${section.slug}/no-such-story`)).status).toBe(404)
  })
})
