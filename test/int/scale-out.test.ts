/**
 * Two instances of the production server (`src/server.ts`) on one database: started together,
 * they migrate and seed it once; a change saved through one shows on the next read through the
 * other (REST attribution and the public page, whose cache they share through Redis); one story
 * ingested through both at once is one article; stopping an instance mid-load, gracefully or
 * not, loses no write it acknowledged. PostgreSQL (and MongoDB) only: jest.config.js keeps this
 * file off SQLite, whose file one process writes at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Article, LegalNotice } from '../../payload-types'

import { DEMO_PASSWORD } from '@/seed/data'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { paragraph } from '../helpers/lexical'
import { databaseUnderTest } from '../helpers/payload'
import {
  BUILD_TIMEOUT_MS,
  ensureBuild,
  killServers,
  type RunningServer,
  send,
  sleep,
  spawnServer,
  START_TIMEOUT_MS,
  waitUntilReady,
} from '../helpers/server'
import { wireFile } from '../helpers/wire'

const kind = databaseUnderTest()
const SECRET = 'scale-out-test-secret-of-32-characters'

let db: TestDatabase
let env: Record<string, string>
let a: RunningServer
let b: RunningServer
let auth: Record<string, string>

const start = async () => {
  const server = await spawnServer(env)
  await waitUntilReady(server)
  return server
}

const json = async <T>(server: RunningServer, path: string, init: { method?: string; body?: unknown } = {}) => {
  const reply = await send(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  }).reply
  if (reply.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path} on ${server.url}: ${reply.status} ${reply.body}`)
  return JSON.parse(reply.body) as T
}

/** A ninjs story of its own: the AFP fixture under another wire id and headline. */
const story = (id: string) => {
  const doc = JSON.parse(wireFile('good/afp-ninjs1.json').bytes.toString('utf8'))
  return JSON.stringify({ ...doc, uri: `urn:newsml:afp.com:20241120:SCALE-${id}`, headline: `Scale-out story ${id}` })
}

const ingest = (server: RunningServer, body: string) =>
  send(`${server.url}/api/articles/ingest`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body,
  }).reply

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(kind)
  env = {
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: SECRET,
    MIGRATE_ON_INIT: 'true',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
    SHUTDOWN_TIMEOUT_MS: '10000',
    // Several instances share their page cache and its expiries through Redis (docs/operations.md).
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    PAGE_CACHE_PREFIX: `wirehouse-test:scale-out:${process.pid}:pc`,
    NEXT_CACHE_PREFIX: `wirehouse-test:scale-out:${process.pid}:next:`,
    RATE_LIMIT_PREFIX: `wirehouse-test:scale-out:${process.pid}:rl`,
  }
  // Together, on an empty database: one migrates and seeds while the other waits its turn.
  ;[a, b] = await Promise.all([start(), start()])
  const login = await send(`${a.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@wirehouse.test', password: DEMO_PASSWORD }),
  }).reply
  expect(login.status).toBe(200)
  auth = { Authorization: `JWT ${(JSON.parse(login.body) as { token: string }).token}` }
}, BUILD_TIMEOUT_MS + 2 * START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  await db?.drop().catch(() => undefined)
})

describe(`two production servers on one ${kind} database`, () => {
  it('started together, they migrate and seed it once', async () => {
    const count = async (server: RunningServer, collection: string) =>
      (await json<{ totalDocs: number }>(server, `/api/${collection}?limit=1&depth=0`)).totalDocs
    const sources = await count(a, 'wire-sources')
    expect(sources).toBeGreaterThanOrEqual(6)
    expect(await count(b, 'wire-sources')).toBe(sources)
    // A second seed would have doubled the sources, or failed on their unique codes.
    const codes = (await json<{ docs: { code: string }[] }>(b, '/api/wire-sources?limit=100&depth=0')).docs.map((s) => s.code)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('a notice changed through A shows in the attribution and on the page read through B on the next read', async () => {
    const { docs } = await json<{ docs: Article[] }>(b, '/api/articles?limit=1&depth=2&sort=id&where[_status][equals]=published')
    const article = docs[0]
    const notice = article.attribution?.notices?.[0]
    expect(notice?.id).toBeTruthy()
    const section = article.section as { slug: string; site: { domain: string } }
    const page = `/s/${section.site.domain}/${section.slug}/${article.slug}`
    const read = async () => {
      const rest = await json<Article>(b, `/api/articles/${article.id}?depth=0`)
      const html = (await send(`${b.url}${page}`).reply).body
      return { text: rest.attribution?.text ?? '', html }
    }
    // B has read (and cached) both before the change.
    const before = await read()
    const marker = `Scale-out wording ${Date.now()}`
    expect(before.text).not.toContain(marker)
    expect(before.html).toContain(article.headline)

    await json<{ doc: LegalNotice }>(a, `/api/legal-notices/${notice!.id}`, {
      method: 'PATCH',
      body: { body: paragraph(`${marker}: reproduction needs the rights holder's written consent.`), _status: 'published' },
    })
    const after = await read()
    expect(after.text).toContain(marker)
    expect(after.html).toContain(marker)
  })

  it('one story ingested through both at once is one article', async () => {
    for (const id of ['same-1', 'same-2', 'same-3']) {
      const body = story(id)
      const replies = await Promise.all([ingest(a, body), ingest(b, body), ingest(a, body), ingest(b, body)])
      const statuses = replies.map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(1)
      expect(statuses.filter((s) => s === 200)).toHaveLength(3)
      const ids = new Set(replies.map((r) => (JSON.parse(r.body) as { doc: { id: number } }).doc.id))
      expect(ids.size).toBe(1)
      const found = await json<{ totalDocs: number }>(
        b,
        `/api/articles?limit=1&draft=true&where[externalId][equals]=${encodeURIComponent(`urn:newsml:afp.com:20241120:SCALE-${id}`)}`,
      )
      expect(found.totalDocs).toBe(1)
    }
  })

  /** Ingests new stories through `servers` in turn, 4 at a time, until `stop()`; the acknowledged ids. */
  const load = (servers: RunningServer[], prefix: string) => {
    const acknowledged = new Set<number>()
    let refused = 0
    let running = true
    let n = 0
    const worker = async () => {
      while (running) {
        const index = n++
        const server = servers[index % servers.length]
        try {
          const reply = await ingest(server, story(`${prefix}-${index}`))
          if (reply.status === 201) acknowledged.add((JSON.parse(reply.body) as { doc: { id: number } }).doc.id)
          else refused++
        } catch {
          refused++ // connection refused or reset: not acknowledged
          await sleep(20)
        }
      }
    }
    const workers = Array.from({ length: 4 }, worker)
    return {
      acknowledged,
      refused: () => refused,
      stop: async () => {
        running = false
        await Promise.all(workers)
      },
    }
  }

  const stored = async (server: RunningServer, ids: Set<number>) => {
    const list = [...ids]
    let found = 0
    for (let i = 0; i < list.length; i += 100) {
      const chunk = list.slice(i, i + 100).join(',')
      found += (await json<{ totalDocs: number }>(server, `/api/articles?limit=1&draft=true&where[id][in]=${chunk}`)).totalDocs
    }
    return found
  }

  /** Until `count` writes were acknowledged: the stop then comes with the load well under way, however fast the machine. */
  const acknowledgedAtLeast = async (running: ReturnType<typeof load>, count: number) => {
    const deadline = Date.now() + 60_000
    while (running.acknowledged.size < count) {
      if (Date.now() > deadline) throw new Error(`only ${running.acknowledged.size} writes acknowledged in 60 s`)
      await sleep(50)
    }
  }

  it('stopping an instance mid-load, gracefully or not, loses no acknowledged write', async () => {
    // SIGTERM: A finishes what it accepted and closes while writes keep coming.
    const graceful = load([a, b], 'term')
    await acknowledgedAtLeast(graceful, 15)
    a.child.kill('SIGTERM')
    expect((await a.exited).code).toBe(0)
    await sleep(1000)
    await graceful.stop()
    expect(await stored(b, graceful.acknowledged)).toBe(graceful.acknowledged.size)

    // SIGKILL: B dies with requests in flight; what it acknowledged had been committed.
    a = await start()
    const crash = load([b, a], 'kill')
    await acknowledgedAtLeast(crash, 15)
    b.child.kill('SIGKILL')
    await b.exited
    await sleep(500)
    await crash.stop()
    expect(await stored(a, crash.acknowledged)).toBe(crash.acknowledged.size)
    console.info(
      `[${kind}] SIGTERM: ${graceful.acknowledged.size} acknowledged, ${graceful.refused()} refused; ` +
        `SIGKILL: ${crash.acknowledged.size} acknowledged, ${crash.refused()} refused; all acknowledged stored`,
    )
  }, 120_000)
})
