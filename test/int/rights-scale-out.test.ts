/**
 * The rights lifecycle on two instances of the production server sharing PostgreSQL and Redis
 * (the page cache and Next's cache in Redis): a kill while both serve a story's page takes it off
 * both within a second (the plugin's `withdrawArticle` through the Local API of another process,
 * as the ingest CLI kills a story: its expiry goes through Redis); an embargo lifting is expired
 * once, by whichever instance takes the moment's lock in Redis, and shows on both within a second.
 * PostgreSQL only: SQLite is one process's file (rights-pages.test.ts runs there with one server).
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { withdrawArticle } from '@wirehouse/payload-plugin-attribution'
import { Redis } from 'ioredis'
import crypto from 'node:crypto'

import type { Article, Section, Site } from '../../payload-types'

import { closeDatabase } from '@/database'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, send, sleep, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

const kind = databaseUnderTest()
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const PREFIX = `wirehouse-test:${crypto.randomBytes(4).toString('hex')}:`
const SECRET = 'rights-scale-out-secret-of-32-characters'
/** The promise: a kill is off every instance within a second. */
const WITHIN_MS = 1000

const shared = kind !== 'sqlite' ? describe : describe.skip

let db: TestDatabase
let redis: Redis
let servers: RunningServer[] = []
let payload: Payload
let site: Site
let section: Section

const get = async (server: RunningServer, path: string) => {
  const reply = await send(`${server.url}${path}`).reply
  return { status: reply.status, body: reply.body, cache: String(reply.headers['x-cache'] ?? '') }
}

const pageOf = (article: Pick<Article, 'slug'>) => `/s/${site.domain}/${section.slug}/${article.slug}`

/** Polls `path` on every instance at once, every 50 ms, until `ok` holds on each; the ms each took from `from`. */
const onEvery = (path: string, ok: (page: Awaited<ReturnType<typeof get>>) => boolean, from: number, ms = 5000) =>
  Promise.all(
    servers.map(async (server) => {
      for (;;) {
        const page = await get(server, path)
        if (ok(page)) return Date.now() - from
        if (Date.now() - from > ms) throw new Error(`${path} on ${server.url} still ${page.status} (${page.cache}) after ${ms} ms`)
        await sleep(50)
      }
    }),
  )

const story = async (data: Record<string, unknown>) =>
  (await payload.create({
    collection: 'articles',
    data: { headline: `Scale-out rights story ${Date.now()}`, section: section.id, _status: 'published', ...data } as never,
    depth: 0,
  })) as unknown as Article

shared(`rights on two instances (${kind}, Redis)`, () => {
  beforeAll(async () => {
    await ensureBuild()
    redis = new Redis(REDIS_URL)
    db = await createTestDatabase(kind)
    const env = {
      DATABASE_URI: db.uri,
      PAYLOAD_SECRET: SECRET,
      SEED_ON_EMPTY: 'true',
      SEED_DEMO_USERS: 'true',
      REDIS_URL,
      NEXT_CACHE_PREFIX: `${PREFIX}next:`,
      PAGE_CACHE_PREFIX: `${PREFIX}pc`,
      RATE_LIMIT_PREFIX: `${PREFIX}rl`,
    }
    const start = async () => {
      const server = await spawnServer(env)
      await waitUntilReady(server)
      return server
    }
    servers = [await start(), await start()]
    // This process writes as the ingest CLI does: on the same database, its expiries through Redis.
    Object.assign(process.env, { DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET, SEED_ON_EMPTY: 'false', REDIS_URL, PAGE_CACHE_PREFIX: env.PAGE_CACHE_PREFIX })
    const { getPayload } = await import('payload')
    const { default: config } = await import('../../payload.config')
    payload = await getPayload({ config: await config })
    section = (await payload.find({ collection: 'sections', limit: 1, depth: 1, sort: 'id' })).docs[0]
    site = section.site as Site
    // The first write of a process is slow (seconds): not while a moment a few seconds ahead is set.
    await story({ _status: 'draft' })
  }, BUILD_TIMEOUT_MS + 2 * START_TIMEOUT_MS)

  afterAll(async () => {
    await killServers()
    if (payload) await closeDatabase(payload).catch(() => undefined)
    const keys = await redis?.keys(`${PREFIX}*`)
    if (keys?.length) await redis.del(...keys)
    redis?.disconnect()
    await db?.drop().catch(() => undefined)
    delete process.env.REDIS_URL
  })

  it('a kill while both instances serve the page: both stop serving it within a second', async () => {
    const { docs } = await payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, limit: 1, depth: 0, sort: 'id' })
    const killed = docs[0]
    await onEvery(pageOf(killed), (page) => page.status === 200 && page.cache === 'HIT', Date.now())
    const from = Date.now()
    await withdrawArticle({ req: { payload, user: null, context: {} } as never, collection: 'articles', id: killed.id, reason: 'kill', message: 'Kill: legal' })
    const took = await onEvery(pageOf(killed), (page) => page.status === 410 && !page.body.includes(killed.headline), from)
    for (const ms of took) expect(ms).toBeLessThanOrEqual(WITHIN_MS)
  })

  it('an embargo lifting: one instance takes the moment, both show the story within a second of it', async () => {
    const source = (await payload.find({ collection: 'wire-sources', limit: 1, depth: 0, sort: 'id' })).docs[0]
    const moment = Math.ceil((Date.now() + 4000) / 1000) * 1000
    const embargoed = await story({ source: source.id, embargoUntil: new Date(moment).toISOString() })
    expect(moment - Date.now()).toBeGreaterThan(2000)
    await sleep(800)
    for (const server of servers) expect((await get(server, pageOf(embargoed))).status).toBe(404)
    await sleep(moment - Date.now())
    const took = await onEvery(pageOf(embargoed), (page) => page.status === 200 && page.body.includes(embargoed.headline), moment)
    for (const ms of took) expect(ms).toBeLessThanOrEqual(WITHIN_MS)
    // Taken once, in Redis, by whichever instance came first.
    expect(await redis.get(`${PREFIX}pc:scheduled:rights:${moment}`)).toBeTruthy()
  })
})
