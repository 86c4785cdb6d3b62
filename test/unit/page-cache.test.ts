/**
 * The page cache's parts without a server: which requests it keeps and under what key, entries
 * split at the CSP nonce and stamped anew, the tag clock, and the store on a real LRU and a real
 * Redis (REDIS_URL, default 127.0.0.1:6379, under a prefix of this run's own): two stores stand
 * for two instances.
 */
import type { IncomingMessage } from 'node:http'

import { afterAll, describe, expect, it } from '@jest/globals'
import crypto from 'node:crypto'
import { Redis } from 'ioredis'

import type { PageCacheSettings } from '@/env'

import { readEnv } from '@/env'
import { TagClock, UNTAGGED } from '@/pageCache/clock'
import { deserialize, type Entry, nonceOf, serialize, stamp, toEntry } from '@/pageCache/entry'
import { invalidatePageTags } from '@/pageCache/invalidate'
import { expireOnce } from '@/pageCache/redis'
import { decide, MAX_PAGE } from '@/pageCache/request'
import { PageStore } from '@/pageCache/store'
import { ALL_PAGES_TAG } from '@/pageCache/tags'
import { sitePolicy } from '@/security/csp'

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const PREFIX = `wirehouse-test:pc:${process.pid}:${crypto.randomBytes(3).toString('hex')}`
const settings: PageCacheSettings = { ...readEnv({}).PAGE_CACHE, prefix: PREFIX }

const request = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  ({ url, method, headers: { host: 'news.example', ...headers } }) as unknown as IncomingMessage

const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA=='
const page = (text: string, nonce = NONCE) => ({
  status: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': sitePolicy(nonce),
    link: `</a.css>; rel=preload; nonce="${nonce}"`,
    'x-frame-options': 'SAMEORIGIN',
    date: 'now',
  },
  body: Buffer.from(`<html><script nonce="${nonce}">1</script><p>${text}</p><script nonce="${nonce}">2</script></html>`),
})

const entry = (text: string, tags: string[] = [], epoch = 0, ttlMs = 60_000): Entry =>
  toEntry(page(text), { keep: (name) => name !== 'x-frame-options', tags, epoch, expiresAt: Date.now() + ttlMs })

const eventually = async (check: () => Promise<boolean>, what: string, ms = 2000) => {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const stores: PageStore[] = []
const shared = async () => {
  const store = new PageStore(settings, REDIS_URL)
  stores.push(store)
  await store.ready(5000)
  expect(store.usable).toBe(true)
  return store
}

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()))
  const redis = new Redis(REDIS_URL)
  const keys = await redis.keys(`${PREFIX}:*`)
  if (keys.length) await redis.del(...keys)
  await redis.quit()
})

describe('the settings', () => {
  it('default to a cache of 64 MB, pages up to 2 MB, and refuse what is not a whole number', () => {
    expect(readEnv({}).PAGE_CACHE).toMatchObject({ enabled: true, maxBytes: 64 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024, pollMs: 500 })
    expect(readEnv({ PAGE_CACHE: 'off', PAGE_CACHE_S_MAXAGE: '0' }).PAGE_CACHE).toMatchObject({ enabled: false, sMaxAge: 0 })
    expect(() => readEnv({ PAGE_CACHE_MAX_BYTES: '64MB' }).PAGE_CACHE).toThrow(/PAGE_CACHE_MAX_BYTES is "64MB": give a whole number of at least 1/)
    expect(() => readEnv({ PAGE_CACHE_POLL_MS: '10' }).PAGE_CACHE).toThrow(/PAGE_CACHE_POLL_MS is "10"/)
  })
})

describe('which requests the page cache keeps', () => {
  it('keys a public page by host, path and the page number the section reads', () => {
    expect(decide(request('/s/news.example/world'), 'payload-token')).toEqual({
      kind: 'cache',
      key: 'news.example/s/news.example/world',
      url: '/s/news.example/world',
    })
    const key = (url: string) => {
      const decision = decide(request(url), 'payload-token')
      return decision.kind === 'cache' ? decision.key : decision.kind
    }
    // What the site ignores makes no key of its own.
    expect(key('/world?utm_source=x&fbclid=y')).toBe('news.example/world')
    expect(key('/world?page=1')).toBe('news.example/world')
    expect(key('/world?page=abc')).toBe('news.example/world')
    expect(key('/world?page=2&page=3')).toBe('news.example/world?page=2')
    expect(key('/world?utm=1&page=0002')).toBe('news.example/world?page=2')
    expect(key(`/world?page=${MAX_PAGE + 1}`)).toBe('bypass')
    expect(key(`/${'a'.repeat(2000)}`)).toBe('bypass')
    expect(decide(request('/world', { host: 'NEWS.example:8080' }), 'payload-token')).toMatchObject({ key: 'news.example:8080/world' })
    expect(decide(request('/world', { host: 'evil host/' }), 'payload-token')).toMatchObject({ kind: 'bypass', reason: 'host' })
  })

  it('leaves the API, the admin, Next’s assets and the preview route alone', () => {
    for (const url of ['/api/articles', '/admin', '/_next/static/x.js', '/preview?id=1', '/favicon.ico']) {
      expect(decide(request(url), 'payload-token')).toEqual({ kind: 'skip' })
    }
  })

  it('renders for one reader, never stores: signed in, draft mode, other methods, navigations, odd paths', () => {
    const reason = (url: string, headers: Record<string, string> = {}, method = 'GET') => {
      const decision = decide(request(url, headers, method), 'payload-token')
      return decision.kind === 'bypass' ? decision.reason : decision.kind
    }
    expect(reason('/world', { cookie: 'a=1; payload-token=aaa.bbb.ccc' })).toBe('signed in')
    // Not a session Payload would read: the page is the anonymous one (one rule with the API's, src/api/credentials.ts).
    expect(reason('/world', { cookie: 'payload-token=xyz' })).toBe('cache')
    expect(reason('/world', { authorization: 'users API-Key abc' })).toBe('signed in')
    expect(reason('/world', { cookie: '__prerender_bypass=1' })).toBe('draft mode')
    expect(reason('/world', {}, 'POST')).toBe('method')
    expect(reason('/world', { rsc: '1' })).toBe('navigation')
    expect(reason('/world?_rsc=abc')).toBe('navigation')
    for (const url of ['/world/', '//world', '/a/../world', '/a/./world', '/w%6frld']) expect(reason(url)).toBe('path')
    expect(reason('/world', { cookie: 'payload-tokenx=1' })).toBe('cache')
    expect(reason('/world', {}, 'HEAD')).toBe('cache')
  })
})

describe('an entry', () => {
  it('is stored split at its nonce and served with a fresh one, in the body and the headers', () => {
    const stored = entry('hello')
    expect(stored.headers.map(([name]) => name).sort()).toEqual(['content-security-policy', 'content-type', 'link'])
    const fresh = 'BBBBBBBBBBBBBBBBBBBBBB=='
    const { headers, body } = stamp(stored, fresh)
    const html = body.toString()
    expect(html).not.toContain(NONCE)
    expect(html.split(`nonce="${fresh}"`)).toHaveLength(3)
    const policy = headers.find(([name]) => name === 'content-security-policy')![1]
    expect(nonceOf(policy)).toBe(fresh)
    expect(headers.find(([name]) => name === 'link')![1]).toContain(`nonce="${fresh}"`)
    // The same page rendered with another nonce has the same (weak) ETag.
    expect(toEntry(page('hello', 'CCCCCCCCCCCCCCCCCCCCCC=='), { keep: () => true, tags: [], epoch: 0, expiresAt: 0 }).etag).toBe(stored.etag)
    expect(stored.etag).toMatch(/^W\/"[\w-]+"$/)
    expect(entry('other').etag).not.toBe(stored.etag)
  })

  it('goes through Redis as it was, and nothing else passes for one', () => {
    const stored = entry('round trip', ['article:1'], 7)
    const back = deserialize(serialize(stored))!
    expect({ ...back, size: 0 }).toEqual({ ...stored, size: 0 })
    expect(stamp(back, NONCE).body.toString()).toBe(page('round trip').body.toString())
    expect(deserialize(Buffer.from('not an entry'))).toBeUndefined()
    expect(deserialize(serialize(stored).subarray(0, 40))).toBeUndefined()
  })
})

describe('the tag clock', () => {
  it('keeps a page until a tag it shows expires, and never keeps one whose render began before the expiry', () => {
    const clock = new TagClock(60_000)
    const before = clock.epoch
    expect(clock.valid({ epoch: before, tags: ['a', 'b'] })).toBe(true)
    clock.expire(['b'])
    expect(clock.valid({ epoch: before, tags: ['a', 'b'] })).toBe(false)
    expect(clock.valid({ epoch: before, tags: ['a'] })).toBe(true)
    expect(clock.valid({ epoch: clock.epoch, tags: ['a', 'b'] })).toBe(true)
    clock.expire([ALL_PAGES_TAG])
    expect(clock.valid({ epoch: clock.epoch - 1, tags: ['a'] })).toBe(false)
    // Pages without tags follow the generation.
    const untagged = clock.epoch
    clock.expire([UNTAGGED])
    expect(clock.valid({ epoch: untagged, tags: [] })).toBe(false)
    expect(clock.valid({ epoch: untagged, tags: ['a'] })).toBe(true)
  })
})

describe('the store in one process', () => {
  it('serves a page until its tag expires; a render begun before the expiry is not stored', async () => {
    const store = new PageStore(settings)
    const start = store.start()
    expect(store.set('k', entry('one', ['t'], start.epoch), start)).toBe(true)
    expect((await store.get('k'))?.parts.join('')).toContain('one')
    const during = store.start()
    await store.expire(['t'])
    expect(await store.get('k')).toBeUndefined()
    expect(store.set('k', entry('two', ['t'], during.epoch), during)).toBe(false)
    const after = store.start()
    expect(store.set('k', entry('three', ['t'], after.epoch), after)).toBe(true)
    expect((await store.get('k'))?.parts.join('')).toContain('three')
  })

  it('holds no more bytes than it is given: the least recently used page goes', async () => {
    const small = new PageStore({ ...settings, maxBytes: 2000 })
    const start = small.start()
    for (const key of ['a', 'b', 'c', 'd', 'e']) small.set(key, entry(key.repeat(300), ['t'], start.epoch), start)
    expect(await small.get('a')).toBeUndefined()
    expect(await small.get('e')).toBeDefined()
    // A page larger than the whole cache is not kept.
    expect(small.set('big', entry('x'.repeat(5000), ['t'], start.epoch), start)).toBe(false)
  })

  it('keeps a page for its time to live only', async () => {
    const store = new PageStore(settings)
    const start = store.start()
    store.set('short', entry('short', [], start.epoch, 50), start)
    expect(await store.get('short')).toBeDefined()
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(await store.get('short')).toBeUndefined()
  })
})

describe('two stores on one Redis (two instances)', () => {
  it('B serves what A rendered; an expiry from a third process drops it from both', async () => {
    const [a, b] = [await shared(), await shared()]
    const start = a.start()
    expect(a.set('page', entry('shared', ['article:1'], start.epoch), start)).toBe(true)
    await eventually(async () => (await b.get('page')) !== undefined, 'B reads the page A stored')
    expect(stamp((await b.get('page'))!, NONCE).body.toString()).toContain('shared')

    // As the ingest CLI would: its own connection, no page cache of its own.
    await expireOnce(REDIS_URL, PREFIX, ['article:2'], 60_000)
    expect(await a.get('page')).toBeDefined()
    await expireOnce(REDIS_URL, PREFIX, ['article:1'], 60_000)
    await eventually(async () => (await a.get('page')) === undefined && (await b.get('page')) === undefined, 'both drop the page', 1000)

    // A render that began before the expiry, finished after it: not stored.
    expect(a.set('page', entry('late', ['article:1'], start.epoch), start)).toBe(false)
  })

  it('an instance started after a tag expired does not serve a page stored before, still in Redis', async () => {
    const a = await shared()
    const start = a.start()
    a.set('older', entry('older', ['section:9'], start.epoch), start)
    const redis = new Redis(REDIS_URL)
    await eventually(async () => (await redis.exists(`${PREFIX}:page:older`)) === 1, 'stored in Redis').finally(() => redis.quit())
    // Expired by someone whose message A does not wait for; C starts afterwards and hears nothing of it.
    await expireOnce(REDIS_URL, PREFIX, ['section:9'], 60_000)
    const c = await shared()
    expect(await c.get('older')).toBeUndefined()
  })

  it('pages without tags stay in their instance; everything expires with ALL_PAGES_TAG through invalidatePageTags', async () => {
    const [a, b] = [await shared(), await shared()]
    const start = a.start()
    a.set('local', entry('local', [], start.epoch), start)
    expect(await a.get('local')).toBeDefined()
    expect(await b.get('local')).toBeUndefined()
    const tagged = b.start()
    b.set('tagged', entry('tagged', ['x'], tagged.epoch), tagged)
    const saved = { url: process.env.REDIS_URL, prefix: process.env.PAGE_CACHE_PREFIX }
    process.env.REDIS_URL = REDIS_URL
    process.env.PAGE_CACHE_PREFIX = PREFIX
    try {
      // No page cache runs in this process: the expiry goes through Redis.
      await invalidatePageTags(undefined as never, [ALL_PAGES_TAG])
    } finally {
      for (const [name, value] of [['REDIS_URL', saved.url], ['PAGE_CACHE_PREFIX', saved.prefix]] as const) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
    await eventually(async () => (await a.get('local')) === undefined && (await b.get('tagged')) === undefined, 'every page expires', 1000)
  })

  it('serves nothing while it cannot hear expiries, and starts afresh when it hears them again', async () => {
    const a = await shared()
    const start = a.start()
    a.set('local', entry('local', [], start.epoch), start)
    expect(await a.get('local')).toBeDefined()
    const subscriber = (a as unknown as { redis: { subscriber: Redis } }).redis.subscriber
    subscriber.stream.destroy()
    await eventually(async () => !a.usable, 'the store steps aside')
    expect(await a.get('local')).toBeUndefined()
    expect(a.set('local', entry('local', [], start.epoch), start)).toBe(false)
    await a.ready(5000)
    expect(a.usable).toBe(true)
    // Whatever it held may have expired meanwhile: gone.
    expect(await a.get('local')).toBeUndefined()
  })
})
