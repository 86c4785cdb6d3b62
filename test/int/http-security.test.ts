/**
 * Security headers, CSRF/CORS and rate limits, against the production server (`src/server.ts`):
 *
 * - server A counts in memory (no REDIS_URL), trusts the loopback proxy (so each test stands for a
 *   client address of its own through `X-Forwarded-For`), is served as `https://news.example`
 *   (SERVER_URL) and lets `https://partner.example` in too (ALLOWED_ORIGINS);
 * - server B counts in Redis under a key prefix of this run's own, and trusts no proxy.
 *
 * Limits are set low through `RATE_LIMIT_*`. Needs a Next production build (made if missing) and
 * Redis at REDIS_URL (default 127.0.0.1:6379).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import crypto from 'node:crypto'
import type { Redis } from 'ioredis'

import { accountKey, connectRedis, createLimiter } from '@/rateLimit/limiter'
import { DEMO_PASSWORD } from '@/seed/data'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { findTargets } from '../helpers/load'
import { databaseUnderTest } from '../helpers/payload'
import {
  BUILD_TIMEOUT_MS,
  ensureBuild,
  get,
  killServers,
  type Reply,
  type RunningServer,
  send,
  spawnServer,
  START_TIMEOUT_MS,
  waitUntilReady,
} from '../helpers/server'

const kind = databaseUnderTest()
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const PREFIX = `wirehouse-test:${crypto.randomBytes(6).toString('hex')}`
const SECRET = 'http-security-test-secret-of-more-than-32-characters'
const SERVED_AS = 'https://news.example'
const PARTNER = 'https://partner.example'

const LIMITS = {
  RATE_LIMIT_LOGIN_EMAIL: '3/600',
  RATE_LIMIT_LOGIN_IP: '5/600',
  RATE_LIMIT_FIRST_REGISTER_IP: '2/600',
  RATE_LIMIT_INGEST_USER: '2/600',
  RATE_LIMIT_PREVIEW_USER: '2/600',
}

const dbs: TestDatabase[] = []
let a: RunningServer
let b: RunningServer
let redis: Redis
let pagePath: string
let byHost: { path: string; host: string }

const start = async (env: Record<string, string>) => {
  const db = await createTestDatabase(kind)
  dbs.push(db)
  const server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET, MIGRATE_ON_INIT: 'true', ...LIMITS, ...env })
  await waitUntilReady(server)
  return server
}

const ready = async (client: Redis) => {
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve))
  return client
}

beforeAll(async () => {
  await ensureBuild()
  ;[a, b, redis] = await Promise.all([
    start({ SEED_ON_EMPTY: 'true', SEED_DEMO_USERS: 'true', TRUST_PROXY: 'loopback', SERVER_URL: SERVED_AS, ALLOWED_ORIGINS: PARTNER }),
    start({ SEED_ON_EMPTY: 'false', REDIS_URL, RATE_LIMIT_PREFIX: PREFIX }),
    ready(connectRedis(REDIS_URL)),
  ])
  const { sample, targets } = await findTargets(a.url)
  pagePath = targets.find((t) => t.name === 'page')!.path
  byHost = { path: `/${sample.section}/${sample.slug}`, host: sample.domain }
}, BUILD_TIMEOUT_MS + 2 * START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  for (const db of dbs) await db.drop().catch(() => undefined)
  if (redis) {
    const keys = await redis.keys(`${PREFIX}:*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
  }
})

/** A fresh client address for server A (it trusts X-Forwarded-For from loopback). */
let lastAddress = 0
const address = () => `198.51.100.${++lastAddress}`

const post = (server: RunningServer, path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }).reply

const login = (server: RunningServer, email: string, headers: Record<string, string> = {}, password = 'wrong-password') =>
  post(server, '/api/users/login', { email, password }, headers)

const signIn = async (email: string) => {
  const reply = await login(a, email, { 'X-Forwarded-For': address() }, DEMO_PASSWORD)
  expect(reply.status).toBe(200)
  const { token, user } = JSON.parse(reply.body) as { token: string; user: { id: number | string } }
  const cookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? []).find((c) => c.startsWith('payload-token='))!
  return { token, id: user.id, cookie }
}
/** The editor, signed in once (each sign-in counts against the email's limit). */
let signedIn: ReturnType<typeof signIn> | undefined
const editor = () => (signedIn ??= signIn('editor@wirehouse.test'))

const expectTooMany = (reply: Reply, message: RegExp) => {
  expect(reply.status).toBe(429)
  const wait = Number(reply.headers['retry-after'])
  expect(wait).toBeGreaterThan(0)
  const body = JSON.parse(reply.body) as { errors: { message: string }[] }
  expect(body.errors[0].message).toMatch(message)
  expect(body.errors[0].message).toContain(`wait ${wait} s`)
}

const directives = (policy: string | string[] | undefined): Record<string, string[]> =>
  Object.fromEntries(
    String(policy)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  )

const expectCommonHeaders = (reply: Reply) => {
  expect(reply.headers['x-powered-by']).toBeUndefined()
  expect(reply.headers['x-content-type-options']).toBe('nosniff')
  expect(reply.headers['x-frame-options']).toBe('SAMEORIGIN')
  expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(reply.headers['strict-transport-security']).toBeUndefined()
}

describe(`security headers from the production server (${kind})`, () => {
  it('gives a public page a strict CSP whose nonce every inline script carries, fresh per request', async () => {
    const first = await get(`${a.url}${pagePath}`)
    const second = await get(`${a.url}${pagePath}`)
    expect(first.status).toBe(200)
    expectCommonHeaders(first)
    const policy = directives(first.headers['content-security-policy'])
    const nonce = /^'nonce-(.+)'$/.exec(policy['script-src'].find((v) => v.startsWith("'nonce-")) ?? '')![1]
    expect(policy['script-src']).not.toContain("'unsafe-inline'")
    expect(policy['script-src']).not.toContain("'unsafe-eval'")
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['frame-ancestors']).toEqual(["'self'"])

    const scripts = [...first.body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1])
    expect(scripts.length).toBeGreaterThan(1)
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`)
    // The JSON-LD block's own tag (a base64 nonce holds `+` and `/`: compared as text, not as a pattern).
    const ld = first.body.indexOf('type="application/ld+json"')
    expect(ld).toBeGreaterThan(0)
    expect(first.body.slice(first.body.lastIndexOf('<script', ld), ld)).toContain(`nonce="${nonce}"`)

    expect(directives(second.headers['content-security-policy'])['script-src']).not.toContain(`'nonce-${nonce}'`)
  })

  it('gives the same page served on its own host name the same policy, with the nonce it renders', async () => {
    const reply = await send(`${a.url}${byHost.path}`, { headers: { Host: byHost.host } }).reply
    expect(reply.status).toBe(200)
    const nonce = /'nonce-([^']+)'/.exec(String(reply.headers['content-security-policy']))![1]
    const scripts = [...reply.body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1])
    expect(scripts.length).toBeGreaterThan(1)
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`)
  })

  it('gives API answers a CSP that loads and frames nothing', async () => {
    const reply = await get(`${a.url}/api/articles?limit=1`)
    expect(reply.status).toBe(200)
    expectCommonHeaders(reply)
    expect(directives(reply.headers['content-security-policy'])).toMatchObject({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] })
  })

  it('gives the admin a CSP that loads only from its own origin and is framed only by it', async () => {
    const reply = await get(`${a.url}/admin/login`)
    expect(reply.status).toBe(200)
    expectCommonHeaders(reply)
    const policy = directives(reply.headers['content-security-policy'])
    expect(policy['default-src']).toEqual(["'self'"])
    expect(policy['frame-ancestors']).toEqual(["'self'"])
    expect(policy['object-src']).toEqual(["'none'"])
  })

  it('sends HSTS only over HTTPS, believing X-Forwarded-Proto only from a trusted proxy', async () => {
    const https = { 'X-Forwarded-Proto': 'https' }
    expect((await send(`${a.url}/api/articles?limit=1`, { headers: https }).reply).headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect((await send(`${b.url}/api/articles?limit=1`, { headers: https }).reply).headers['strict-transport-security']).toBeUndefined()
    expect((await get(`${a.url}/api/articles?limit=1`)).headers['strict-transport-security']).toBeUndefined()
  })

  it('marks the session cookie Secure when SERVER_URL is https', async () => {
    expect((await editor()).cookie).toMatch(/;\s*Secure/i)
  })
})

describe(`csrf and cors (${kind})`, () => {
  it('refuses a cookie-authenticated write from a foreign origin, and takes it from a configured one', async () => {
    const { id, cookie } = await editor()
    const rename = (origin: string, name: string) =>
      send(`${a.url}/api/users/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Cookie: cookie.split(';')[0], Origin: origin },
        body: JSON.stringify({ name }),
      }).reply

    const foreign = await rename('https://evil.example', 'Pwned')
    expect(foreign.status).toBe(403)
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined()

    for (const origin of [SERVED_AS, PARTNER]) {
      const allowed = await rename(origin, `Eddie via ${origin}`)
      expect(allowed.status).toBe(200)
      expect(allowed.headers['access-control-allow-origin']).toBe(origin)
    }
    const me = await send(`${a.url}/api/users/${id}`, { headers: { Cookie: cookie.split(';')[0], Origin: SERVED_AS } }).reply
    expect(JSON.parse(me.body).name).toBe(`Eddie via ${PARTNER}`)
  })
})

describe(`rate limits in memory (${kind})`, () => {
  it('answers the N+1th login for one email with 429 and Retry-After, whatever the address and spelling', async () => {
    const email = 'target@wirehouse.test'
    for (const spelling of [email, ' Target@Wirehouse.test', 'TARGET@wirehouse.test']) {
      expect((await login(a, spelling, { 'X-Forwarded-For': address() })).status).toBe(401)
    }
    expectTooMany(await login(a, email, { 'X-Forwarded-For': address() }), /sign-in attempts for this account/)
    // The right password does not get through either, and the lock is the email's alone.
    expectTooMany(await login(a, email, { 'X-Forwarded-For': address() }, DEMO_PASSWORD), /for this account/)
    expect((await login(a, 'someone-else@wirehouse.test', { 'X-Forwarded-For': address() })).status).toBe(401)
    // GraphQL's loginUser counts against the same budget.
    const query = `mutation { loginUser(email: "${email}", password: "wrong-password") { token } }`
    const graphql = await post(a, '/api/graphql', { query }, { 'X-Forwarded-For': address() })
    expect(JSON.parse(graphql.body).errors[0].message).toMatch(/sign-in attempts for this account: wait \d+ s/)
  })

  it('limits one address across different emails, before reading the body', async () => {
    const from = { 'X-Forwarded-For': address() }
    for (let i = 0; i < 5; i++) expect((await login(a, `spray-${i}@wirehouse.test`, from)).status).toBe(401)
    expectTooMany(await login(a, 'spray-5@wirehouse.test', from), /sign-in attempts from this address/)
    expectTooMany(await post(a, '/api/users/login', 'not even JSON', from), /from this address/)
    expect((await login(a, 'spray-5@wirehouse.test', { 'X-Forwarded-For': address() })).status).toBe(401)
  })

  it('limits first-register per address', async () => {
    const from = { 'X-Forwarded-For': address() }
    const register = () => post(a, '/api/users/first-register', { email: 'first@wirehouse.test', password: 'x'.repeat(12) }, from)
    for (let i = 0; i < 2; i++) expect((await register()).status).not.toBe(429)
    expectTooMany(await register(), /registrations from this address/)
  })

  it('limits ingest and the attribution preview per signed-in user', async () => {
    const { token } = await editor()
    const as = (extra: Record<string, string> = {}) => ({ Authorization: `JWT ${token}`, 'X-Forwarded-For': address(), ...extra })
    const ingest = () =>
      send(`${a.url}/api/articles/ingest?draft=true`, { method: 'POST', headers: as({ 'Content-Type': 'application/json' }), body: '{}' }).reply
    for (let i = 0; i < 2; i++) expect((await ingest()).status).not.toBe(429)
    expectTooMany(await ingest(), /ingest requests for this account/)

    const preview = () => post(a, '/api/attribution/preview', {}, as())
    for (let i = 0; i < 2; i++) expect((await preview()).status).toBe(200)
    expectTooMany(await preview(), /attribution previews for this account/)
    const french = await post(a, '/api/attribution/preview', {}, as({ 'Accept-Language': 'fr' }))
    expect(french.status).toBe(429)
    expect(JSON.parse(french.body).errors[0].message).toContain(`attendez ${french.headers['retry-after']} s`)
  })
})

describe(`rate limits in Redis (${kind})`, () => {
  const limit = { points: 3, seconds: 600 }

  it('counts logins in Redis, and ignores X-Forwarded-For when no proxy is trusted', async () => {
    const email = `redis-${crypto.randomBytes(3).toString('hex')}@wirehouse.test`
    for (let i = 0; i < 3; i++) expect((await login(b, email, { 'X-Forwarded-For': `203.0.113.${i}` })).status).toBe(401)
    expectTooMany(await login(b, email, { 'X-Forwarded-For': '203.0.113.9' }), /for this account/)
    // Another process on the same Redis and prefix finds that budget spent.
    const elsewhere = createLimiter('LOGIN_EMAIL', limit, { redis, prefix: PREFIX })
    expect(await elsewhere.consume(accountKey(email))).toBeGreaterThan(0)
    // Four requests so far from 127.0.0.1 whatever they claimed; the fifth is the last.
    expect((await login(b, 'other-1@wirehouse.test', { 'X-Forwarded-For': '203.0.113.10' })).status).toBe(401)
    expectTooMany(await login(b, 'other-2@wirehouse.test', { 'X-Forwarded-For': '203.0.113.11' }), /from this address/)
  })

  it('shares one budget between limiters on different connections', async () => {
    const [one, two] = [await ready(connectRedis(REDIS_URL)), await ready(connectRedis(REDIS_URL))]
    try {
      const first = createLimiter('shared', limit, { redis: one, prefix: PREFIX })
      const second = createLimiter('shared', limit, { redis: two, prefix: PREFIX })
      expect([await first.consume('k'), await second.consume('k'), await first.consume('k')]).toEqual([null, null, null])
      expect(await second.consume('k')).toBeGreaterThan(0)
      expect(await first.consume('k')).toBeGreaterThan(0)
      expect(await second.consume('other')).toBeNull()
    } finally {
      await Promise.all([one.quit(), two.quit()])
    }
  })

  it('keeps limiting in memory, without waiting, while Redis is unreachable', async () => {
    const down = connectRedis('redis://127.0.0.1:1')
    try {
      const limiter = createLimiter('down', limit, { redis: down, prefix: PREFIX })
      const started = Date.now()
      const waits = []
      for (let i = 0; i < 4; i++) waits.push(await limiter.consume('k'))
      expect(waits.slice(0, 3)).toEqual([null, null, null])
      expect(waits[3]).toBeGreaterThan(0)
      expect(Date.now() - started).toBeLessThan(1000)
    } finally {
      down.disconnect()
    }
  })
})
