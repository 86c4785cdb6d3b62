/**
 * The production server with `REDIS_URL`: Next's cache lives in Redis under `NEXT_CACHE_PREFIX`
 * (`cache-handler.mjs`); a notice saved through one instance shows on the page read through the
 * other (two instances on PostgreSQL, one on SQLite); a notice scheduled a moment ahead comes
 * onto the page at its time with nobody saving anything (`src/pageCache/scheduler.ts`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Redis } from 'ioredis'
import crypto from 'node:crypto'

import type { Article } from '../../payload-types'

import { DEMO_PASSWORD } from '@/seed/data'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { paragraph } from '../helpers/lexical'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, send, sleep, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

const kind = databaseUnderTest()
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const PREFIX = `wirehouse-test:${crypto.randomBytes(4).toString('hex')}:`

let db: TestDatabase
let redis: Redis
let a: RunningServer
let b: RunningServer
let auth: Record<string, string>
let article: Article
let page: string

const json = async <T>(server: RunningServer, path: string, init: { method?: string; body?: unknown } = {}) => {
  const reply = await send(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  }).reply
  if (reply.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path} on ${server.url}: ${reply.status} ${reply.body}`)
  return JSON.parse(reply.body) as T
}

const html = async (server: RunningServer) => {
  const reply = await send(`${server.url}${page}`).reply
  expect(reply.status).toBe(200)
  return reply.body
}

/** Reads the page through `server` until it shows `text`; false if it never does within `ms`. */
const shows = async (server: RunningServer, text: string, ms: number) => {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(250)) if ((await html(server)).includes(text)) return true
  return false
}

beforeAll(async () => {
  await ensureBuild()
  redis = new Redis(REDIS_URL)
  db = await createTestDatabase(kind)
  const env = {
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'invalidation-test-secret-of-32-characters',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
    REDIS_URL,
    NEXT_CACHE_PREFIX: PREFIX,
    // The page cache in front of Next has its own tests; these read what Next renders.
    PAGE_CACHE: 'false',
    RATE_LIMIT_PREFIX: `${PREFIX}rl`,
  }
  const start = async () => {
    const server = await spawnServer(env)
    await waitUntilReady(server)
    return server
  }
  a = await start()
  // SQLite is one process's file: one instance there.
  b = kind === 'sqlite' ? a : await start()
  const login = await send(`${a.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@wirehouse.test', password: DEMO_PASSWORD }),
  }).reply
  expect(login.status).toBe(200)
  auth = { Authorization: `JWT ${(JSON.parse(login.body) as { token: string }).token}` }
  ;[article] = (await json<{ docs: Article[] }>(a, '/api/articles?limit=1&depth=2&sort=id&where[_status][equals]=published')).docs
  const section = article.section as { slug: string; site: { domain: string } }
  page = `/s/${section.site.domain}/${section.slug}/${article.slug}`
}, BUILD_TIMEOUT_MS + 2 * START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  const keys = await redis?.keys(`${PREFIX}*`)
  if (keys?.length) await redis.del(...keys)
  redis?.disconnect()
  await db?.drop().catch(() => undefined)
})

describe(`the production server with REDIS_URL on ${kind}`, () => {
  it('keeps Next’s cache in Redis, under NEXT_CACHE_PREFIX', async () => {
    expect(await html(b)).toContain(article.headline)
    expect((await redis.keys(`${PREFIX}*`)).length).toBeGreaterThan(0)
  })

  it('a notice saved through one instance shows on the page read through the other', async () => {
    const notice = article.attribution!.notices![0]
    await html(b)
    const marker = `Reworded ${Date.now()}`
    await json(a, `/api/legal-notices/${notice.id}`, { method: 'PATCH', body: { body: paragraph(`${marker}.`), _status: 'published' } })
    expect(await html(b)).toContain(marker)
  })

  it('a notice scheduled a moment ahead comes onto the page at its time, with no save', async () => {
    const source = article.source as { id: number }
    const marker = `Scheduled ${Date.now()}`
    const from = Date.now() + 3000
    await json(a, '/api/legal-notices', {
      method: 'POST',
      body: {
        title: 'Scheduled',
        kind: 'other',
        body: paragraph(`${marker}.`),
        appliesTo: { scope: 'sources', sources: [source.id] },
        effectiveFrom: new Date(from).toISOString(),
        _status: 'published',
      },
    })
    // Read, and so cached in Next's cache, before its time.
    expect(await html(b)).not.toContain(marker)
    await sleep(Math.max(0, from - Date.now()))
    // Without the scheduler the cached data would keep it off the page for a minute.
    expect(await shows(b, marker, 40_000)).toBe(true)
  })
})
