/**
 * The page cache in front of Next (`src/pageCache`), on the production server: a public page is
 * rendered once (MISS) and then served from the cache (HIT) with the same content and a fresh
 * CSP nonce; ETag and 304; readers who are signed in or in draft mode bypass it; an oversized page
 * is not kept; a page lives `PAGE_CACHE_TTL` seconds at most, whatever its tags.
 * SQLite: one server, cache in its memory. PostgreSQL: two servers sharing Redis (REDIS_URL,
 * default 127.0.0.1:6379, under a prefix of this run's own); an expiry sent from this process
 * through Redis reaches both.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import crypto from 'node:crypto'
import { Redis } from 'ioredis'

import { DEMO_PASSWORD } from '@/seed/data'
import { nonceOf } from '@/pageCache/entry'
import { invalidatePageTags } from '@/pageCache/invalidate'
import { ALL_PAGES_TAG } from '@/pageCache/tags'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { paragraphs } from '../helpers/lexical'
import { findSample, type Sample } from '../helpers/load'
import { databaseUnderTest } from '../helpers/payload'
import {
  BUILD_TIMEOUT_MS,
  ensureBuild,
  killServers,
  type Reply,
  type RunningServer,
  send,
  sleep,
  spawnServer,
  START_TIMEOUT_MS,
  waitUntilReady,
} from '../helpers/server'

const kind = databaseUnderTest()
const shared = kind !== 'sqlite'
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const PREFIX = `wirehouse-test:page-cache:${process.pid}:${crypto.randomBytes(3).toString('hex')}`
const MAX_ENTRY_BYTES = 64 * 1024
const TTL = 5

let db: TestDatabase
let servers: RunningServer[] = []
let a: RunningServer
let sample: Sample
let token: string

const start = async () => {
  const server = await spawnServer({
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'page-cache-test-secret-of-32-characters',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
    PAGE_CACHE_MAX_ENTRY_BYTES: String(MAX_ENTRY_BYTES),
    PAGE_CACHE_TTL: String(TTL),
    ...(shared && { REDIS_URL, PAGE_CACHE_PREFIX: PREFIX }),
  })
  await waitUntilReady(server)
  return server
}

const request = (server: RunningServer, path: string, headers: Record<string, string> = {}, method = 'GET') =>
  // The helper ends a request with a body, or a GET's without.
  send(`${server.url}${path}`, { method, headers, body: method === 'GET' ? undefined : '' }).reply

const api = async (method: string, path: string, body: unknown) => {
  const reply = await send(`${a.url}/api/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify(body),
  }).reply
  if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${reply.body}`)
  return JSON.parse(reply.body)
}

const articlePath = () => `/s/${sample.domain}/${sample.section}/${sample.slug}`
const sectionPath = () => `/s/${sample.domain}/${sample.section}`
const sitePath = () => `/s/${sample.domain}`
const cache = (reply: Reply) => reply.headers['x-cache']
const nonce = (reply: Reply) => nonceOf(String(reply.headers['content-security-policy']))!
/** The body with its nonce taken out: what two responses of one cached page share. */
const withoutNonce = (reply: Reply) => reply.body.split(nonce(reply)).join('NONCE')

/** Requests `path` until it is a MISS (then rendered anew), for at most `ms`. */
const missWithin = async (server: RunningServer, path: string, ms: number) => {
  const deadline = Date.now() + ms
  for (;;) {
    const reply = await request(server, path)
    if (cache(reply) === 'MISS') return reply
    if (Date.now() > deadline) throw new Error(`${path} on ${server.url} was still a ${cache(reply)} after ${ms} ms`)
    await sleep(50)
  }
}

/** `path` from the cache: rendered first if it is not there. */
const cached = async (server: RunningServer, path: string) => {
  let reply = await request(server, path)
  if (cache(reply) !== 'HIT') reply = await request(server, path)
  expect(cache(reply)).toBe('HIT')
  return reply
}

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(kind)
  // Together on one database: one migrates and seeds while the other waits.
  servers = await Promise.all(shared ? [start(), start()] : [start()])
  a = servers[0]
  sample = await findSample(a.url)
  const login = await send(`${a.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@wirehouse.test', password: DEMO_PASSWORD }),
  }).reply
  token = (JSON.parse(login.body) as { token: string }).token
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  await db?.drop().catch(() => undefined)
  if (shared) {
    const redis = new Redis(REDIS_URL)
    const keys = await redis.keys(`${PREFIX}:*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  }
})

describe(`the page cache on the production server (${kind}${shared ? ', two instances on Redis' : ''})`, () => {
  it('renders a page once, then serves the same page with a fresh nonce every time', async () => {
    const miss = await missWithin(a, articlePath(), 30_000)
    expect(miss.status).toBe(200)
    expect(miss.headers['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/)
    const [first, second] = [await request(a, articlePath()), await request(a, articlePath())]
    for (const hit of [first, second]) {
      expect(cache(hit)).toBe('HIT')
      expect(hit.status).toBe(200)
      expect(hit.body).toContain(sample.headline)
      expect(hit.headers['cache-control']).toBe(miss.headers['cache-control'])
      expect(hit.headers['content-type']).toBe('text/html; charset=utf-8')
      // The express security headers, as on any response.
      expect(hit.headers['x-frame-options']).toBe('SAMEORIGIN')
      // Next's scripts, the JSON-LD block and the preload link all carry this response's nonce.
      const own = nonce(hit)
      expect(hit.body.split(`nonce="${own}"`).length).toBeGreaterThan(3)
      expect(hit.headers.link).toContain(`nonce="${own}"`)
      expect(withoutNonce(hit)).toBe(withoutNonce(miss))
    }
    expect(new Set([nonce(miss), nonce(first), nonce(second)]).size).toBe(3)
    expect(first.body).not.toContain(nonce(miss))
    expect(first.headers.etag).toMatch(/^W\/"[\w-]+"$/)
    expect(second.headers.etag).toBe(first.headers.etag)
  })

  it('answers 304 to the ETag it sent, and HEAD with the headers alone', async () => {
    const hit = await cached(a, articlePath())
    const etag = String(hit.headers.etag)
    const notModified = await request(a, articlePath(), { 'If-None-Match': etag })
    expect(notModified.status).toBe(304)
    expect(notModified.body).toBe('')
    expect(notModified.headers.etag).toBe(etag)
    // The client's copy keeps its own policy: a new nonce would block that copy's scripts.
    expect(notModified.headers['content-security-policy']).toBeUndefined()
    expect(notModified.headers.link).toBeUndefined()
    const other = await request(a, articlePath(), { 'If-None-Match': 'W/"something-else"' })
    expect(other.status).toBe(200)
    expect(cache(other)).toBe('HIT')
    const head = await request(a, articlePath(), {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(cache(head)).toBe('HIT')
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(hit.body))
    expect(head.body).toBe('')
  })

  it('serves a compressed copy to a client that asks for one', async () => {
    await cached(a, articlePath())
    const reply = await new Promise<{ encoding?: string; length: number }>((resolve, reject) => {
      void import('node:http').then(({ request: get }) =>
        get(`${a.url}${articlePath()}`, { headers: { 'Accept-Encoding': 'gzip' }, agent: false }, (res) => {
          let length = 0
          res.on('data', (chunk: Buffer) => (length += chunk.length))
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], length }))
        })
          .on('error', reject)
          .end(),
      )
    })
    expect(reply.encoding).toBe('gzip')
    expect(reply.length).toBeGreaterThan(0)
  })

  it('keys a page by what the site reads of its query: tracking parameters share the page', async () => {
    await cached(a, sectionPath())
    expect(cache(await request(a, `${sectionPath()}?utm_source=newsletter&fbclid=abc`))).toBe('HIT')
    expect(cache(await request(a, `${sectionPath()}?page=1`))).toBe('HIT')
  })

  it('bypasses the cache, and stores nothing, for a signed-in reader or draft mode', async () => {
    const path = sitePath()
    const readers: Record<string, string>[] = [{ Cookie: `payload-token=${token}` }, { Authorization: `JWT ${token}` }, { Cookie: '__prerender_bypass=1' }]
    for (const headers of readers) {
      const reply = await request(a, path, headers)
      expect(reply.status).toBe(200)
      expect(cache(reply)).toBe('BYPASS')
      expect(reply.headers['cache-control']).toBe('private, no-store')
    }
    // None of those renders was kept for the anonymous reader.
    expect(cache(await request(a, path))).toBe('MISS')
  })

  it('leaves the API and the admin alone', async () => {
    const reply = await request(a, '/api/articles?limit=1&depth=0')
    expect(reply.status).toBe(200)
    expect(cache(reply)).toBeUndefined()
  })

  it('keeps a page PAGE_CACHE_TTL seconds at most, though nothing it shows changed', async () => {
    const path = '/'
    await missWithin(a, path, 30_000)
    expect(cache(await request(a, path))).toBe('HIT')
    await sleep(TTL * 1000 + 500)
    expect(cache(await request(a, path))).toBe('MISS')
  })

  it('serves a page over PAGE_CACHE_MAX_ENTRY_BYTES without keeping it', async () => {
    const sections = (await api('GET', `sections?where[slug][equals]=${sample.section}&depth=0`, undefined)).docs
    const article = (await api('GET', `articles?where[slug][equals]=${sample.slug}&depth=0`, undefined)).docs[0]
    const long = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of a long report. ${'Words upon words. '.repeat(30)}`)
    const { doc } = await api('POST', 'articles', {
      headline: `A very long report ${Date.now()}`,
      section: sections[0].id,
      source: article.source,
      body: paragraphs(long),
      _status: 'published',
    })
    const path = `/s/${sample.domain}/${sample.section}/${doc.slug}`
    const first = await missWithin(a, path, 30_000)
    expect(first.status).toBe(200)
    expect(Buffer.byteLength(first.body)).toBeGreaterThan(MAX_ENTRY_BYTES)
    expect(cache(await request(a, path))).toBe('MISS')
  })

  it('drops an article page when its section changes', async () => {
    await cached(a, articlePath())
    const sections = (await api('GET', `sections?where[slug][equals]=${sample.section}&depth=0`, undefined)).docs
    await api('PATCH', `sections/${sections[0].id}`, { description: `Changed at ${Date.now()}` })
    expect((await missWithin(a, articlePath(), 1500)).status).toBe(200)
  })

  ;(shared ? it : it.skip)('expires every page on both instances within a second of an expiry sent through Redis from another process', async () => {
    for (const server of servers) await cached(server, articlePath())
    const saved = { url: process.env.REDIS_URL, prefix: process.env.PAGE_CACHE_PREFIX }
    process.env.REDIS_URL = REDIS_URL
    process.env.PAGE_CACHE_PREFIX = PREFIX
    try {
      await invalidatePageTags(undefined as never, [ALL_PAGES_TAG])
    } finally {
      for (const [name, value] of [['REDIS_URL', saved.url], ['PAGE_CACHE_PREFIX', saved.prefix]] as const) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
    await Promise.all(servers.map((server) => missWithin(server, articlePath(), 1000)))
  })
})
