/**
 * The page cache end to end: pages declare their tags while Next renders them, the cache in front
 * of Next keeps them, and each kind of change expires exactly the pages it affects, on every
 * instance, by the time the change's answer is sent (checked within 1 s). Two production servers
 * on PostgreSQL and one Redis (one server on SQLite, whose file one process writes).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Redis } from 'ioredis'
import crypto from 'node:crypto'

import type { Article, WireSource } from '../../payload-types'

import { DEMO_PASSWORD } from '@/seed/data'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { paragraph } from '../helpers/lexical'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, send, sleep, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

const kind = databaseUnderTest()
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const PREFIX = `wirehouse-test:${crypto.randomBytes(4).toString('hex')}:`
/** The promise: a change shows on every instance within a second. */
const WITHIN_MS = 1000

let db: TestDatabase
let redis: Redis
let a: RunningServer
let b: RunningServer
let servers: RunningServer[]
let auth: Record<string, string>

const json = async <T>(server: RunningServer, path: string, init: { method?: string; body?: unknown } = {}) => {
  const reply = await send(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  }).reply
  if (reply.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path} on ${server.url}: ${reply.status} ${reply.body}`)
  return JSON.parse(reply.body) as T
}

const get = async (server: RunningServer, path: string, headers: Record<string, string> = {}) => {
  const reply = await send(`${server.url}${path}`, { headers }).reply
  return { status: reply.status, body: reply.body, cache: String(reply.headers['x-cache'] ?? ''), etag: String(reply.headers.etag ?? '') }
}

const pageOf = (article: Article) => {
  const section = article.section as { slug: string; site: { domain: string } }
  return `/s/${section.site.domain}/${section.slug}/${article.slug}`
}

/** Reads `path` through every instance until `ok` holds for each; how long it took, or a failure naming the instance. */
const everywhere = async (path: string, ok: (page: Awaited<ReturnType<typeof get>>) => boolean) => {
  const deadline = Date.now() + WITHIN_MS
  for (const server of servers) {
    for (;;) {
      if (ok(await get(server, path))) break
      if (Date.now() > deadline) throw new Error(`${path} on ${server.url} did not change within ${WITHIN_MS} ms`)
      await sleep(50)
    }
  }
}

/** Reads `path` on every instance until it is served from the cache there. */
const cachedEverywhere = async (path: string) => {
  for (const server of servers) {
    for (let i = 0; (await get(server, path)).cache !== 'HIT'; i++) {
      if (i > 20) throw new Error(`${path} never cached on ${server.url}`)
      await sleep(50)
    }
  }
}

const published = async (where: string) =>
  (await json<{ docs: Article[] }>(a, `/api/articles?limit=1&depth=2&sort=id&where[_status][equals]=published&${where}`)).docs[0]

let afp: Article
let other: Article

beforeAll(async () => {
  await ensureBuild()
  redis = new Redis(REDIS_URL)
  db = await createTestDatabase(kind)
  const env = {
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'page-cache-changes-secret-of-32-characters',
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
  a = await start()
  b = kind === 'sqlite' ? a : await start()
  servers = kind === 'sqlite' ? [a] : [a, b]
  const login = await send(`${a.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@wirehouse.test', password: DEMO_PASSWORD }),
  }).reply
  expect(login.status).toBe(200)
  auth = { Authorization: `JWT ${(JSON.parse(login.body) as { token: string }).token}` }
  const sources = (await json<{ docs: WireSource[] }>(a, '/api/wire-sources?limit=100&depth=0')).docs
  const code = (c: string) => sources.find((s) => s.code === c)!.id
  afp = await published(`where[source][equals]=${code('AFP')}`)
  // Another kind of source (a space agency's public-domain copy), so no AFP notice applies to it.
  other = await published(`where[source][equals]=${code('NASA')}`)
  expect(afp).toBeTruthy()
  expect(other).toBeTruthy()
}, BUILD_TIMEOUT_MS + 2 * START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  const keys = await redis?.keys(`${PREFIX}*`)
  if (keys?.length) await redis.del(...keys)
  redis?.disconnect()
  await db?.drop().catch(() => undefined)
})

describe(`the page cache on ${kind}, ${kind === 'sqlite' ? 'one instance' : 'two instances'} and Redis`, () => {
  it('renders an article page once, then serves it from the cache on every instance, with an ETag that answers 304', async () => {
    // On the site's own host, as behind a load balancer: the cache is keyed by host and path.
    const section = afp.section as { slug: string; site: { domain: string } }
    const path = `/${section.slug}/${afp.slug}`
    const host = { Host: section.site.domain }
    const first = await get(a, path, host)
    expect(first.status).toBe(200)
    expect(first.cache).toBe('MISS')
    const second = await get(a, path, host)
    expect(second.cache).toBe('HIT')
    expect(second.body).toContain(afp.headline)
    // The other instance takes what A rendered from Redis.
    expect((await get(b, path, host)).cache).toBe('HIT')
    expect(second.etag).toMatch(/^W\/"/)
    const conditional = await get(b, path, { ...host, 'If-None-Match': second.etag })
    expect(conditional.status).toBe(304)
    expect(conditional.body).toBe('')
  })

  it('takes no routing header from the client: a page can’t be cached with another host’s links', async () => {
    const section = other.section as { slug: string; site: { domain: string } }
    const path = pageOf(other)
    const page = await get(a, path, { 'x-wirehouse-own-host': section.site.domain })
    expect(page.status).toBe(200)
    // Path mode: links keep their /s/<domain> prefix.
    expect(page.body).toContain(`href="/s/${section.site.domain}/${section.slug}"`)
  })

  it('a notice scoped to one source changes that source’s pages everywhere, and leaves another source’s page cached', async () => {
    await cachedEverywhere(pageOf(afp))
    await cachedEverywhere(pageOf(other))
    const marker = `AFP-only wording ${Date.now()}`
    await json(a, '/api/legal-notices', {
      method: 'POST',
      body: {
        title: 'AFP only',
        kind: 'other',
        body: paragraph(`${marker}: reproduction needs written consent.`),
        appliesTo: { scope: 'sources', sources: [(afp.source as WireSource).id] },
        _status: 'published',
      },
    })
    await everywhere(pageOf(afp), (page) => page.body.includes(marker))
    for (const server of servers) {
      const page = await get(server, pageOf(other))
      expect(page.cache).toBe('HIT')
      expect(page.body).not.toContain(marker)
    }
  })

  it('an edit of a published article shows everywhere; a new draft over it changes no page', async () => {
    const path = pageOf(other)
    await cachedEverywhere(path)
    const draft = `Draft headline ${Date.now()}`
    await json(a, `/api/articles/${other.id}?draft=true`, { method: 'PATCH', body: { headline: draft } })
    for (const server of servers) {
      const page = await get(server, path)
      expect(page.cache).toBe('HIT')
      expect(page.body).not.toContain(draft)
    }
    const headline = `Edited headline ${Date.now()}`
    await json(a, `/api/articles/${other.id}`, { method: 'PATCH', body: { headline, _status: 'published' } })
    await everywhere(path, (page) => page.status === 200 && page.body.includes(headline))
  })

  it('a source’s credit and the publisher’s name show everywhere', async () => {
    const path = pageOf(afp)
    await cachedEverywhere(path)
    const source = afp.source as WireSource
    const credit = `AFP-${Date.now() % 100000}`
    await json(a, `/api/wire-sources/${source.id}`, { method: 'PATCH', body: { credit } })
    await everywhere(path, (page) => page.body.includes(credit))
    await cachedEverywhere(path)
    const name = `Space Media Network ${Date.now() % 100000}`
    await json(a, '/api/globals/publisher', { method: 'POST', body: { name } })
    await everywhere(path, (page) => page.body.includes(name))
  })

  it('unpublishing takes the page down everywhere, and the section page drops it', async () => {
    const article = await published(`where[id][not_in]=${afp.id},${other.id}`)
    const path = pageOf(article)
    const section = path.slice(0, path.lastIndexOf('/'))
    await cachedEverywhere(path)
    await cachedEverywhere(section)
    expect((await get(a, section)).body).toContain(article.headline)
    await json(a, `/api/articles/${article.id}`, { method: 'PATCH', body: { _status: 'draft' } })
    await everywhere(path, (page) => page.status === 404)
    await everywhere(section, (page) => page.status === 200 && !page.body.includes(article.headline))
  })
})
