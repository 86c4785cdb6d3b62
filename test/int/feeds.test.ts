/**
 * The sites' feeds and sitemaps (`/rss.xml`, `/sitemap.xml`, `/news-sitemap.xml`, `/robots.txt`),
 * through the production server and its page cache: the RSS read back by rss-parser, each item's
 * rights as the attribution states them; the sitemaps read by fast-xml-parser; embargoed, expired,
 * withdrawn and draft stories in none of them; host mode and path mode; kept by the page cache
 * (HIT) and expired by a new story and by a notice's change (MISS), through the server's REST API.
 * The other changes are made through the Local API of this process on the server's database, as
 * the ingest CLI makes them.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { copyrightNotice, RIGHTS_NOTICE_KINDS, withdrawArticle } from '@wirehouse/payload-plugin-attribution'
import { XMLParser } from 'fast-xml-parser'
import Parser from 'rss-parser'

import type { Article, Section, Site, WireSource } from '../../payload-types'

import { closeDatabase } from '@/database'
import { DEMO_PASSWORD } from '@/seed/data'
import { bumpGeneration } from '@/site/generation'
import { insertArticles } from '../helpers/bulk'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { paragraph } from '../helpers/lexical'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, send, sleep, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

const kind = databaseUnderTest()
const SECRET = 'feeds-test-secret-of-32-characters-long'
const DAY = 24 * 60 * 60 * 1000

let db: TestDatabase
let server: RunningServer
let payload: Payload
let site: Site
let section: Section
let plain: WireSource
let windowed: WireSource

type Got = { status: number; body: string; type: string; cache: string }

const get = async (path: string, { host, method = 'GET' }: { host?: string; method?: string } = {}): Promise<Got> => {
  const reply = await send(`${server.url}${path}`, { method, headers: host ? { Host: host } : {}, body: method === 'GET' ? undefined : '' }).reply
  return { status: reply.status, body: reply.body, type: String(reply.headers['content-type'] ?? ''), cache: String(reply.headers['x-cache'] ?? '') }
}

/** Polls `path` every 100 ms until `ok`. */
const until = async (path: string, ok: (reply: Got) => boolean, ms = 8000) => {
  for (const from = Date.now(); ; await sleep(100)) {
    const reply = await get(path)
    if (ok(reply)) return reply
    if (Date.now() - from > ms) throw new Error(`${path} still ${reply.status} (${reply.cache}) after ${ms} ms`)
  }
}

const rssParser = new Parser<Record<string, unknown>, { 'dc:creator'?: string; 'dc:rights'?: string; 'media:credit'?: string }>({
  customFields: { item: ['dc:creator', 'dc:rights', 'media:credit'] },
})
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'url' })

type UrlEntry = { loc: string; lastmod?: string; 'news:news'?: Record<string, any> }
const urls = (body: string): UrlEntry[] => xml.parse(body).urlset.url ?? []

const base = () => `${server.url}/s/${site.domain}`
const linkOf = (article: Pick<Article, 'slug'>, root = base()) => `${root}/${section.slug}/${article.slug}`

let serial = 0
const story = async (data: Record<string, unknown> = {}) =>
  (await payload.create({
    collection: 'articles',
    data: {
      headline: `Feed story ${++serial} & <friends> ]]> ${Date.now()}`,
      summary: `The summary of story ${serial} & more`,
      byline: 'By Jane Reporter',
      source: plain.id,
      section: section.id,
      _status: 'published',
      ...data,
    } as never,
    depth: 0,
  })) as unknown as Article

/** The article's attribution as an anonymous reader reads it, the rights notices' texts included. */
const attributionOf = async (id: number) =>
  (await payload.findByID({ collection: 'articles', id, depth: 1, overrideAccess: false, context: { attribution: 'full' } })).attribution!

const req = () => ({ payload, user: null, context: {} }) as never

let token: string

/** A change through the server's REST API, as an admin: the server expires exactly its tags (a change from another process expires every page). */
const api = async <T>(method: string, path: string, body: unknown): Promise<T> => {
  const reply = await send(`${server.url}/api/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify(body),
  }).reply
  if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${reply.body}`)
  return JSON.parse(reply.body) as T
}

let fresh: Article
let old: Article
let hidden: Record<'embargoed' | 'expired' | 'withdrawn' | 'draft', Article>

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(kind)
  server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET, SEED_ON_EMPTY: 'true', SEED_DEMO_USERS: 'true' })
  await waitUntilReady(server)
  const login = await send(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@wirehouse.test', password: DEMO_PASSWORD }),
  }).reply
  token = (JSON.parse(login.body) as { token: string }).token
  Object.assign(process.env, { DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET, SEED_ON_EMPTY: 'false' })
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  payload = await getPayload({ config: await config })
  section = (await payload.find({ collection: 'sections', limit: 1, depth: 1, sort: 'id' })).docs[0]
  site = section.site as Site
  const sources = (await payload.find({ collection: 'wire-sources', depth: 0, sort: 'id', pagination: false })).docs
  plain = sources.find((s) => !s.usage?.maxAgeDays && s.license === 'copyright')!
  windowed = sources.find((s) => s.id !== plain.id)!
  await payload.update({ collection: 'wire-sources', id: windowed.id, data: { usage: { maxAgeDays: 1, archive: 'allowed' } } as never })
  old = await story({ publishedAt: new Date(Date.now() - 3 * DAY).toISOString() })
  hidden = {
    embargoed: await story({ embargoUntil: new Date(Date.now() + DAY).toISOString() }),
    expired: await story({ source: windowed.id, publishedAt: new Date(Date.now() - 2 * DAY).toISOString() }),
    withdrawn: await story(),
    draft: await story({ _status: 'draft' }),
  }
  await withdrawArticle({ req: req(), collection: 'articles', id: hidden.withdrawn.id, reason: 'kill', message: 'Killed' })
  fresh = await story()
  // The server hears of the changes through the site generation.
  await sleep(1000)
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  if (payload) await closeDatabase(payload).catch(() => undefined)
  await db?.drop().catch(() => undefined)
})

describe(`feeds and sitemaps (${kind})`, () => {
  it('/rss.xml: RSS 2.0 that rss-parser reads, the latest story first with its rights (dc:rights, dc:creator, media:credit)', async () => {
    const reply = await get(`/s/${site.domain}/rss.xml`)
    expect(reply.status).toBe(200)
    expect(reply.type).toBe('application/rss+xml; charset=utf-8')
    const feed = await rssParser.parseString(reply.body)
    expect(feed.title).toBe(site.name)
    expect(feed.link).toBe(`${base()}/`)
    expect(feed.items.length).toBeGreaterThan(1)
    expect(feed.items.length).toBeLessThanOrEqual(50)
    const item = feed.items.find((i) => i.link === linkOf(fresh))!
    expect(item).toBeDefined()
    expect(item.title).toBe(fresh.headline)
    expect(item.guid).toBe(linkOf(fresh))
    expect(item.content).toBe(fresh.summary)
    expect(new Date(item.pubDate!).getTime()).toBe(Math.floor(new Date(fresh.publishedAt!).getTime() / 1000) * 1000)
    expect(item.categories).toEqual([section.name])
    const attribution = await attributionOf(fresh.id)
    expect(item['dc:rights']).toBe(copyrightNotice(attribution))
    expect(item['dc:rights']).toBeTruthy()
    expect(item['dc:creator']).toBe(attribution.byline)
    expect(item['media:credit']).toBe(attribution.credit)
    expect(item['media:credit']).toBeTruthy()
    // Newest first.
    const dates = feed.items.map((i) => new Date(i.pubDate!).getTime())
    expect([...dates].sort((a, b) => b - a)).toEqual(dates)
  })

  it('/sitemap.xml and /news-sitemap.xml: the news sitemap only the last 48 hours, with the publication’s name and language', async () => {
    const map = await get(`/s/${site.domain}/sitemap.xml`)
    expect(map.status).toBe(200)
    expect(map.type).toBe('application/xml; charset=utf-8')
    const locs = urls(map.body).map((u) => u.loc)
    expect(locs).toEqual(expect.arrayContaining([`${base()}/`, `${base()}/${section.slug}`, linkOf(fresh), linkOf(old)]))
    expect(urls(map.body).find((u) => u.loc === linkOf(fresh))!.lastmod).toBe(new Date(fresh.updatedAt).toISOString())

    const news = await get(`/s/${site.domain}/news-sitemap.xml`)
    expect(news.status).toBe(200)
    expect(news.type).toBe('application/xml; charset=utf-8')
    const entries = urls(news.body)
    const entry = entries.find((u) => u.loc === linkOf(fresh))!
    expect(entry['news:news']).toEqual({
      'news:publication': { 'news:name': site.name, 'news:language': 'en' },
      'news:publication_date': new Date(fresh.publishedAt!).toISOString(),
      'news:title': fresh.headline,
    })
    expect(entries.map((u) => u.loc)).not.toContain(linkOf(old))
    for (const e of entries) expect(Date.now() - new Date(e['news:news']!['news:publication_date']).getTime()).toBeLessThanOrEqual(48 * 3600_000)
  })

  it('embargoed, expired, withdrawn and draft stories are in none of them', async () => {
    const bodies = await Promise.all(['rss.xml', 'sitemap.xml', 'news-sitemap.xml'].map(async (file) => (await get(`/s/${site.domain}/${file}`)).body))
    for (const [state, article] of Object.entries(hidden)) {
      for (const body of bodies) {
        expect({ state, found: body.includes(`/${article.slug}<`) }).toEqual({ state, found: false })
        expect(body).not.toContain(`Feed story ${article.headline.split(' ')[2]} `)
      }
    }
  })

  it('/robots.txt names both sitemaps by absolute address; on the site’s own host every address is https://<domain>', async () => {
    const robots = await get(`/s/${site.domain}/robots.txt`)
    expect(robots.status).toBe(200)
    expect(robots.type).toBe('text/plain; charset=utf-8')
    expect(robots.body).toContain(`Sitemap: ${base()}/sitemap.xml\n`)
    expect(robots.body).toContain(`Sitemap: ${base()}/news-sitemap.xml\n`)

    const own = `https://${site.domain}`
    const hostRobots = await get('/robots.txt', { host: site.domain })
    expect(hostRobots.status).toBe(200)
    expect(hostRobots.body).toContain(`Sitemap: ${own}/sitemap.xml\n`)
    expect(hostRobots.body).toContain(`Sitemap: ${own}/news-sitemap.xml\n`)
    const feed = await rssParser.parseString((await get('/rss.xml', { host: site.domain })).body)
    expect(feed.link).toBe(`${own}/`)
    expect(feed.items.map((i) => i.link)).toContain(linkOf(fresh, own))
    const map = await get('/sitemap.xml', { host: site.domain })
    expect(urls(map.body).map((u) => u.loc)).toContain(linkOf(fresh, own))
    const news = await get('/news-sitemap.xml', { host: site.domain })
    expect(urls(news.body).map((u) => u.loc)).toContain(linkOf(fresh, own))
  })

  it('kept by the page cache; a new story expires the feed and the sitemaps', async () => {
    const files = ['rss.xml', 'sitemap.xml', 'news-sitemap.xml'].map((file) => `/s/${site.domain}/${file}`)
    for (const path of files) await until(path, (reply) => reply.cache === 'HIT')
    const robots = `/s/${site.domain}/robots.txt`
    await until(robots, (reply) => reply.cache === 'HIT')
    const { doc: added } = await api<{ doc: Article }>('POST', 'articles', {
      headline: `Added through the server ${Date.now()}`,
      source: plain.id,
      section: section.id,
      _status: 'published',
    })
    for (const path of files) {
      const reply = await until(path, (r) => r.cache === 'MISS')
      expect(reply.body).toContain(linkOf(added))
    }
    // robots.txt names no story.
    expect((await get(robots)).cache).toBe('HIT')
  })

  it('a rights notice reworded: the feed’s dc:rights follows (MISS), the sitemap stays', async () => {
    const path = `/s/${site.domain}/rss.xml`
    await until(path, (reply) => reply.cache === 'HIT')
    await until(`/s/${site.domain}/sitemap.xml`, (reply) => reply.cache === 'HIT')
    const notice = (await attributionOf(fresh.id)).notices!.find((n) => RIGHTS_NOTICE_KINDS.includes(n.kind as never))!
    expect(notice).toBeDefined()
    const marker = `Reworded rights ${Date.now()}`
    await api('PATCH', `legal-notices/${notice.id}`, { body: paragraph(`${marker}.`), _status: 'published' })
    const reply = await until(path, (r) => r.cache === 'MISS')
    const item = (await rssParser.parseString(reply.body)).items.find((i) => i.link === linkOf(fresh))!
    expect(item['dc:rights']).toContain(marker)
    expect(item['dc:rights']).toBe(copyrightNotice(await attributionOf(fresh.id)))
    expect((await get(`/s/${site.domain}/sitemap.xml`)).cache).toBe('HIT')
  })

  it('a site that does not exist is a 404; HEAD answers like GET without a body; a malformed escape is a 400', async () => {
    for (const file of ['rss.xml', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt']) {
      const missing = await get(`/s/no-such-site.example/${file}`)
      expect(missing.status).toBe(404)
      expect(missing.body).toContain('no-such-site.example')
      const head = await get(`/s/${site.domain}/${file}`, { method: 'HEAD' })
      expect(head.status).toBe(200)
      expect(head.type).toMatch(/^(application\/rss\+xml|application\/xml|text\/plain); charset=utf-8$/)
      expect(head.body).toBe('')
      // Not yet kept under this host: Next answers the HEAD itself.
      const port = new URL(server.url).port
      const first = await get(`/s/${site.domain}/${file}`, { method: 'HEAD', host: `localhost:${port}` })
      expect({ status: first.status, cache: first.cache, body: first.body }).toEqual({ status: 200, cache: 'MISS', body: '' })
    }
    for (const path of ['/s/x/%E0%A4%A', `/s/${site.domain}/%E0%A4%A`, '/%']) {
      const bad = await get(path)
      expect(bad.status).toBe(400)
      expect(bad.body).toContain('malformed percent-escape')
    }
  })
})

describe(`a long sitemap (${kind})`, () => {
  it('read in pages: every story once, newest first, across the pages’ bounds', async () => {
    // Imported here: the module reads the config, which must see this test's database.
    const { SITEMAP_READ } = await import('@/site/data')
    const count = SITEMAP_READ + 10
    const from = Date.now() - 30 * DAY
    // Pairs of stories published at the same moment: the order within a moment is by id.
    await insertArticles(payload, { count, prefix: 'long', sources: [plain.id], sections: [section.id], publishedAt: (n) => new Date(from + Math.floor(n / 2) * 1000).toISOString() })
    // Straight into the table: the server hears of it through a new generation.
    await bumpGeneration(payload)
    const reply = await until(`/s/${site.domain}/sitemap.xml`, (r) => r.body.includes('/long-0<'), 15_000)
    const locs = urls(reply.body).map((u) => u.loc)
    expect(new Set(locs).size).toBe(locs.length)
    const long = locs.filter((loc) => loc.includes('/long-'))
    expect(long).toHaveLength(count)
    expect(long[0]).toBe(linkOf({ slug: `long-${count - 1}` }))
    expect(long.at(-1)).toBe(linkOf({ slug: 'long-0' }))
  }, 60_000)
})

describe(`without the page cache (${kind})`, () => {
  it('a site’s own host still serves its files and pages as its own (the server routes it), uncached', async () => {
    const plainServer = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET, PAGE_CACHE: 'false' })
    await waitUntilReady(plainServer)
    const own = `https://${site.domain}`
    const reply = await send(`${plainServer.url}/rss.xml`, { headers: { Host: site.domain } }).reply
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    expect(reply.headers['x-cache']).toBeUndefined()
    const feed = await rssParser.parseString(reply.body)
    expect(feed.items.map((i) => i.link)).toContain(linkOf(fresh, own))
    const robots = await send(`${plainServer.url}/robots.txt`, { headers: { Host: site.domain } }).reply
    expect(robots.body).toContain(`Sitemap: ${own}/news-sitemap.xml\n`)
    expect((await send(`${plainServer.url}/s/no-such-site.example/rss.xml`).reply).status).toBe(404)
    // The site's pages too: their links on its own host carry no /s/ prefix.
    const home = await send(`${plainServer.url}/`, { headers: { Host: site.domain } }).reply
    expect(home.body).toContain(`href="/${section.slug}"`)
    expect(home.body).not.toContain(`href="/s/${site.domain}`)
  }, START_TIMEOUT_MS)
})
