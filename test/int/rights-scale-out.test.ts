/**
 * The rights lifecycle on two instances of the production server sharing PostgreSQL and Redis
 * (the page cache and Next's cache in Redis): a kill ingested through one instance
 * (`POST /api/articles/ingest`) while both serve the story's page takes it off both within a
 * second (its expiry goes through Redis); an embargo lifting is expired
 * once, by whichever instance takes the moment's lock in Redis, and shows on both within a second.
 * PostgreSQL only: SQLite is one process's file (rights-pages.test.ts runs there with one server).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Redis } from 'ioredis'
import crypto from 'node:crypto'

import type { Article, Section, Site } from '../../payload-types'

import { DEMO_PASSWORD } from '@/seed/data'
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
let auth: Record<string, string>
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

const json = async <T>(path: string, init: { method?: string; body?: string; type?: string } = {}) => {
  const reply = await send(`${servers[0].url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...auth, 'Content-Type': init.type ?? 'application/json' },
    body: init.body,
  }).reply
  if (reply.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path}: ${reply.status} ${reply.body}`)
  return JSON.parse(reply.body) as T
}

/** A published story in the first section, saved through the first instance by an editor. */
const story = async (data: Record<string, unknown>) =>
  (
    await json<{ doc: Article }>('/api/articles?depth=0', {
      method: 'POST',
      body: JSON.stringify({ headline: `Scale-out rights story ${Date.now()}`, section: section.id, _status: 'published', ...data }),
    })
  ).doc

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
    const login = await send(`${servers[0].url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@wirehouse.test', password: DEMO_PASSWORD }),
    }).reply
    expect(login.status).toBe(200)
    auth = { Authorization: `JWT ${(JSON.parse(login.body) as { token: string }).token}` }
    section = (await json<{ docs: Section[] }>('/api/sections?limit=1&depth=1&sort=id')).docs[0]
    site = section.site as Site
  }, BUILD_TIMEOUT_MS + 2 * START_TIMEOUT_MS)

  afterAll(async () => {
    await killServers()
    const keys = await redis?.keys(`${PREFIX}*`)
    if (keys?.length) await redis.del(...keys)
    redis?.disconnect()
    await db?.drop().catch(() => undefined)
  })

  it('a kill ingested through one instance while both serve the page: both stop serving it within a second', async () => {
    const source = (await json<{ docs: { id: number; name: string }[] }>('/api/wire-sources?limit=1&depth=0&sort=id')).docs[0]
    const killed = await story({ source: source.id, headline: `Story to be killed ${Date.now()}` })
    await onEvery(pageOf(killed), (page) => page.status === 200 && page.cache === 'HIT', Date.now())
    const from = Date.now()
    const kill = `KILL\n\n${killed.headline}\n\nWithdrawn for legal reasons. Please remove it from all platforms.\n`
    const answer = await json<{ outcome: string }>('/api/articles/ingest', { method: 'POST', body: kill, type: 'text/plain' })
    expect(answer.outcome).toBe('killed')
    const took = await onEvery(pageOf(killed), (page) => page.status === 410 && !page.body.includes(killed.headline), from)
    for (const ms of took) expect(ms).toBeLessThanOrEqual(WITHIN_MS)
    expect((await get(servers[1], pageOf(killed))).body).toContain(`${source.name} withdrew this story.`)
  })

  it('an embargo lifting: one instance takes the moment, both show the story within a second of it', async () => {
    const source = (await json<{ docs: { id: number }[] }>('/api/wire-sources?limit=1&depth=0&sort=id')).docs[0]
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
