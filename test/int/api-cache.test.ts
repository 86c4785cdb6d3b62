/**
 * Cacheable API reads (docs/api.md#caching-and-etags), through the app's own route handlers
 * (`src/app/(payload)/api/…/route.ts`): anonymous GETs on REST and GraphQL carry a strong ETag and
 * a public Cache-Control, `If-None-Match` answers 304 without a body, the tag follows every change
 * of what the answer shows (the article, a notice in its attribution, the publisher), and
 * signed-in callers, drafts and errors stay `private, no-store`. The last part checks the same
 * through the production server (express, Next's compression): it needs a Next production build.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { MAX_GET_QUERY_BYTES } from '@/api/graphqlGet'
import { PRIVATE, publicCacheControl, withHttpCache } from '@/api/httpCache'
import { ConfigError, readEnv } from '@/env'
import { DEMO_PASSWORD } from '@/seed/data'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { paragraph } from '../helpers/lexical'
import { databaseUnderTest, startApp, type TestApp } from '../helpers/payload'
import {
  BUILD_TIMEOUT_MS,
  ensureBuild,
  killServers,
  type RunningServer,
  send,
  spawnServer,
  START_TIMEOUT_MS,
  waitUntilReady,
} from '../helpers/server'

type Route = (request: Request, context?: unknown) => Promise<Response>
type Reply = { status: number; headers: Headers; text: string; body: any }

let app: TestApp
let rest: { GET: Route; POST: Route }
let graphqlRoute: { GET: Route; POST: Route }
let articleId: number | string
let noticeId: number | string

const BASE = 'http://localhost:3000/api'

const read = async (response: Response): Promise<Reply> => {
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, body: text ? JSON.parse(text) : null }
}

const get = async (pathAndQuery: string, headers: Record<string, string> = {}): Promise<Reply> => {
  const url = new URL(`${BASE}/${pathAndQuery}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
  return read(await rest.GET(new Request(url, { headers }), { params: Promise.resolve({ slug }) }))
}

const graphqlGet = async (params: Record<string, string>, headers: Record<string, string> = {}): Promise<Reply> =>
  read(await graphqlRoute.GET(new Request(`${BASE}/graphql?${new URLSearchParams(params)}`, { headers })))

const graphqlPost = async (query: string, variables?: Record<string, unknown>): Promise<Reply> =>
  read(
    await graphqlRoute.POST(
      new Request(`${BASE}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) }),
    ),
  )

const STRONG_ETAG = /^"[\w-]{20,}"$/

const expectPublic = (reply: Reply) => {
  expect(reply.status).toBe(200)
  expect(reply.headers.get('etag')).toMatch(STRONG_ETAG)
  expect(reply.headers.get('cache-control')).toBe(publicCacheControl())
  expect(reply.headers.get('vary')).toEqual(expect.stringContaining('Authorization'))
  expect(reply.headers.get('vary')).toEqual(expect.stringContaining('Cookie'))
}

const expectPrivate = (reply: Reply) => {
  expect(reply.headers.get('cache-control')).toBe(PRIVATE)
  expect(reply.headers.get('etag')).toBeNull()
}

const ARTICLE_QUERY = 'query ($id: Int!) { Article(id: $id) { id headline attribution { credit text } } }'

beforeAll(async () => {
  app = await startApp()
  rest = (await import('@/app/(payload)/api/[...slug]/route')) as unknown as typeof rest
  graphqlRoute = (await import('@/app/(payload)/api/graphql/route')) as unknown as typeof graphqlRoute
  const [afp] = (await app.payload.find({ collection: 'articles', where: { externalId: { equals: 'sample-afp-0001' } } })).docs
  articleId = afp.id
  noticeId = (afp.attribution as { notices: { id: number | string }[] }).notices[0].id
})
afterAll(async () => app?.stop())

describe('anonymous REST reads', () => {
  it('send a strong ETag and a public Cache-Control on a list, a document, a global and the ninjs endpoints', async () => {
    for (const path of [
      'articles?limit=5&depth=1',
      `articles/${articleId}`,
      'globals/publisher',
      'wire-sources?limit=3',
      `articles/${articleId}/ninjs`,
      'articles/ninjs?limit=2',
    ]) {
      const reply = await get(path)
      expectPublic(reply)
      // The same answer has the same tag: a read, not a counter.
      expect((await get(path)).headers.get('etag')).toBe(reply.headers.get('etag'))
    }
    expect((await get(`articles/${articleId}/ninjs`)).headers.get('vary')).toEqual(expect.stringContaining('Accept'))
  })

  it('answer If-None-Match with the current tag 304 with no body, keeping ETag and Cache-Control', async () => {
    const first = await get(`articles/${articleId}?depth=1`)
    const etag = first.headers.get('etag')!
    for (const ifNoneMatch of [etag, `"stale", ${etag}`, `W/${etag}`, '*']) {
      const again = await get(`articles/${articleId}?depth=1`, { 'If-None-Match': ifNoneMatch })
      expect(again.status).toBe(304)
      expect(again.text).toBe('')
      expect(again.headers.get('etag')).toBe(etag)
      expect(again.headers.get('cache-control')).toBe(publicCacheControl())
    }
    const other = await get(`articles/${articleId}?depth=1`, { 'If-None-Match': '"something-else"' })
    expect(other.status).toBe(200)
    expect(other.body.id).toBe(articleId)
    const head = await read(
      await rest.GET(new Request(`${BASE}/articles/${articleId}?depth=1`, { method: 'HEAD' }), { params: Promise.resolve({ slug: ['articles', String(articleId)] }) }),
    )
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
    expect(head.headers.get('etag')).toBe(etag)
    // A client that asks for a fresh copy gets one.
    expect((await get(`articles/${articleId}?depth=1`, { 'If-None-Match': etag, 'Cache-Control': 'no-cache' })).status).toBe(200)
  })

  it('change the tag when the article changes', async () => {
    const before = await get(`articles/${articleId}`)
    await app.payload.update({ collection: 'articles', id: articleId, data: { summary: 'A summary rewritten for the cache test.' } })
    const after = await get(`articles/${articleId}`, { 'If-None-Match': before.headers.get('etag')! })
    expect(after.status).toBe(200)
    expect(after.body.summary).toBe('A summary rewritten for the cache test.')
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
  })

  it('change the tag of the article, its list and its ninjs when a notice in its attribution is edited and published', async () => {
    const paths = [`articles/${articleId}`, `articles?where[id][equals]=${articleId}`, `articles/${articleId}/ninjs`]
    const before = await Promise.all(paths.map((path) => get(path)))
    await app.payload.update({
      collection: 'legal-notices',
      id: noticeId,
      data: { body: paragraph('A notice rewritten for the cache test.'), _status: 'published' },
    })
    for (const [n, path] of paths.entries()) {
      const after = await get(path, { 'If-None-Match': before[n].headers.get('etag')! })
      expect(after.status).toBe(200)
      expect(after.text).toContain('A notice rewritten for the cache test.')
      expect(after.headers.get('etag')).not.toBe(before[n].headers.get('etag'))
    }
  })

  it('change the tag when the publisher changes', async () => {
    const before = await get(`articles/${articleId}`)
    await app.payload.updateGlobal({ slug: 'publisher', data: { name: 'Cache Test Media' } })
    const after = await get(`articles/${articleId}`, { 'If-None-Match': before.headers.get('etag')! })
    expect(after.status).toBe(200)
    expect(after.text).toContain('Cache Test Media')
  })
})

describe('reads that stay private, no-store', () => {
  it('signed in by JWT header, session cookie or API key: no ETag, no 304', async () => {
    const anonymous = await get(`articles/${articleId}`)
    const { Authorization } = await app.auth('editor')
    const token = Authorization.replace('JWT ', '')
    const signedIn: Record<string, string>[] = [{ Authorization }, { Cookie: `theme=dark; payload-token=${token}` }, { Authorization: 'users API-Key not-a-real-key' }]
    for (const headers of signedIn) {
      const reply = await get(`articles/${articleId}`, { ...headers, 'If-None-Match': anonymous.headers.get('etag')! })
      expect(reply.status).toBe(200)
      expectPrivate(reply)
      expect(reply.headers.get('vary')).toEqual(expect.stringContaining('Cookie'))
    }
    // A cookie that cannot be a session is no session: the answer is the anonymous one.
    expectPublic(await get(`articles/${articleId}`, { Cookie: 'payload-token=deleted' }))
  })

  it('drafts asked for, even by anonymous callers', async () => {
    expectPrivate(await get(`articles/${articleId}?draft=true`))
  })

  it('errors: 404, over a cap, malformed', async () => {
    for (const path of ['articles/99999999', 'articles?limit=100000', 'articles?depth=abc', 'users?limit=1']) {
      const reply = await get(path)
      expect(reply.status).toBeGreaterThanOrEqual(400)
      expect(reply.status).toBeLessThan(500)
      expectPrivate(reply)
    }
  })

  it('an answer that sets a cookie or calls itself private', async () => {
    const request = new Request(`${BASE}/articles`)
    const cookie = await withHttpCache(request, Response.json({}, { headers: { 'Set-Cookie': 'a=b' } }), { cookieName: 'payload-token' })
    expectPrivate(await read(cookie))
    const own = await withHttpCache(request, Response.json({}, { headers: { 'Cache-Control': 'private, max-age=60' } }), { cookieName: 'payload-token' })
    expectPrivate(await read(own))
  })
})

describe('GraphQL over GET', () => {
  it('runs a query as POST does, with an ETag, a public Cache-Control and 304 on If-None-Match', async () => {
    const params = { query: ARTICLE_QUERY, variables: JSON.stringify({ id: articleId }) }
    const reply = await graphqlGet(params)
    expectPublic(reply)
    expect(reply.headers.get('vary')).toEqual(expect.stringContaining('Accept'))
    const posted = await graphqlPost(ARTICLE_QUERY, { id: articleId })
    expect(reply.body).toEqual(posted.body)
    const again = await graphqlGet(params, { 'If-None-Match': reply.headers.get('etag')! })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
  })

  it('changes the tag when a notice in the attribution changes', async () => {
    const params = { query: ARTICLE_QUERY, variables: JSON.stringify({ id: articleId }) }
    const before = await graphqlGet(params)
    await app.payload.update({
      collection: 'legal-notices',
      id: noticeId,
      data: { body: paragraph('A notice rewritten again for GraphQL.'), _status: 'published' },
    })
    const after = await graphqlGet(params, { 'If-None-Match': before.headers.get('etag')! })
    expect(after.status).toBe(200)
    expect(after.body.data.Article.attribution.text).toContain('A notice rewritten again for GraphQL.')
  })

  it('leaves POST as it was: no ETag, nothing public', async () => {
    const posted = await graphqlPost(ARTICLE_QUERY, { id: articleId })
    expect(posted.status).toBe(200)
    expect(posted.headers.get('etag')).toBeNull()
    expect(posted.headers.get('cache-control') ?? '').not.toContain('public')
  })

  it('keeps signed-in queries private', async () => {
    const reply = await graphqlGet({ query: '{ Articles(limit: 1) { totalDocs } }' }, await app.auth('editor'))
    expect(reply.status).toBe(200)
    expectPrivate(reply)
  })

  it('refuses a mutation with a 405 naming it, and runs nothing', async () => {
    const before = await app.payload.count({ collection: 'sections' })
    const reply = await graphqlGet({ query: 'mutation Sneaky { createSection(data: { name: "Over GET", slug: "over-get" }) { id } }' })
    expect(reply.status).toBe(405)
    expect(reply.headers.get('allow')).toBe('POST')
    expect(reply.body.errors[0].message).toMatch(/mutation "Sneaky".*POST/)
    expectPrivate(reply)
    expect(await app.payload.count({ collection: 'sections' })).toEqual(before)
  })

  it('refuses malformed variables, a missing query and an over-long query string, each naming the problem', async () => {
    const variables = await graphqlGet({ query: ARTICLE_QUERY, variables: '{"id":' })
    expect(variables.status).toBe(400)
    expect(variables.body.errors[0].message).toMatch(/^variables: not valid JSON/)
    const array = await graphqlGet({ query: ARTICLE_QUERY, variables: '[1]' })
    expect(array.status).toBe(400)
    expect(array.body.errors[0].message).toMatch(/^variables: must be a JSON object/)
    const missing = await graphqlGet({})
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].message).toMatch(/^query: missing/)
    const long = await graphqlGet({ query: `{ Articles(limit: 1) { totalDocs } } ${'#'.repeat(MAX_GET_QUERY_BYTES)}` })
    expect(long.status).toBe(414)
    expect(long.body.errors[0].message).toMatch(/over the 8192/)
    for (const reply of [variables, array, missing, long]) expectPrivate(reply)
  })

  it('applies the same limits as POST (depth) and does not cache the refusal', async () => {
    const nest = (levels: number): string => (levels === 0 ? 'id' : `relatedArticles { ${nest(levels - 1)} }`)
    const reply = await graphqlGet({ query: `{ Articles(limit: 1) { docs { ${nest(12)} } } }` })
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].message).toMatch(/depth limit/)
    expectPrivate(reply)
  })

  it('does not cache a 200 carrying errors', async () => {
    const reply = await graphqlGet({ query: '{ Users(limit: 1) { totalDocs } }' })
    expect(reply.status).toBe(200)
    expect(reply.body.errors).toBeDefined()
    expectPrivate(reply)
  })

  it('answers a hash-only persisted query so that clients fall back to sending the query', async () => {
    const reply = await graphqlGet({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } }) })
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].message).toBe('PersistedQueryNotSupported')
    expectPrivate(reply)
  })
})

describe('settings', () => {
  it('defaults to max-age=30, stale-while-revalidate=300, and refuses a setting that is not whole seconds', () => {
    expect(readEnv({}).API_CACHE_MAX_AGE).toBe(30)
    expect(readEnv({}).API_CACHE_STALE_WHILE_REVALIDATE).toBe(300)
    expect(readEnv({ API_CACHE_MAX_AGE: '0', API_CACHE_STALE_WHILE_REVALIDATE: '60' })).toMatchObject({
      API_CACHE_MAX_AGE: 0,
      API_CACHE_STALE_WHILE_REVALIDATE: 60,
    })
    expect(() => readEnv({ API_CACHE_MAX_AGE: '30s' }).API_CACHE_MAX_AGE).toThrow(ConfigError)
    expect(() => readEnv({ API_CACHE_STALE_WHILE_REVALIDATE: '-1' }).API_CACHE_STALE_WHILE_REVALIDATE).toThrow(/API_CACHE_STALE_WHILE_REVALIDATE is "-1": give a whole number/)
  })
})

describe('through the production server', () => {
  const SECRET = 'api-cache-test-secret-of-more-than-32-characters'
  let db: TestDatabase
  let server: RunningServer
  let id: number | string

  beforeAll(async () => {
    await ensureBuild()
    db = await createTestDatabase(databaseUnderTest())
    server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET, SEED_ON_EMPTY: 'true', SEED_DEMO_USERS: 'true' })
    await waitUntilReady(server)
    id = (JSON.parse((await serverGet('/api/articles?limit=1&depth=0')).body) as { docs: { id: number | string }[] }).docs[0].id
  }, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)
  afterAll(async () => {
    await killServers()
    await db?.drop().catch(() => undefined)
  })

  const serverGet = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    send(`${server.url}${path}`, { method, headers, ...(method === 'HEAD' && { body: '' }) }).reply

  it('serves anonymous reads with the ETag, 304s and the security headers, compressed or not', async () => {
    const reply = await serverGet(`/api/articles/${id}?depth=1`)
    expect(reply.status).toBe(200)
    const etag = reply.headers.etag!
    expect(etag).toMatch(STRONG_ETAG)
    expect(reply.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=300')
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'")
    const gzip = await serverGet(`/api/articles/${id}?depth=1`, { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers.etag).toBe(etag)
    for (const headers of [{}, { 'Accept-Encoding': 'gzip' }] as Record<string, string>[]) {
      const again = await serverGet(`/api/articles/${id}?depth=1`, { ...headers, 'If-None-Match': etag })
      expect(again.status).toBe(304)
      expect(again.body).toBe('')
      expect(again.headers.etag).toBe(etag)
      expect(again.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=300')
    }
    const head = await serverGet(`/api/articles/${id}?depth=1`, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.etag).toBe(etag)
  })

  it('serves GraphQL over GET to anonymous callers, cacheable', async () => {
    const params = new URLSearchParams({ query: '{ Articles(limit: 2) { docs { id headline attribution { credit } } } }' })
    const reply = await serverGet(`/api/graphql?${params}`)
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body).data.Articles.docs).toHaveLength(2)
    expect(reply.headers.etag).toMatch(STRONG_ETAG)
    expect((await serverGet(`/api/graphql?${params}`, { 'If-None-Match': reply.headers.etag! })).status).toBe(304)
  })

  it('keeps the session cookie\'s reads private', async () => {
    const login = await send(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@wirehouse.test', password: DEMO_PASSWORD }),
    }).reply
    expect(login.status).toBe(200)
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('payload-token='))!.split(';')[0]
    const reply = await serverGet(`/api/articles/${id}`, { Cookie: cookie })
    expect(reply.status).toBe(200)
    expect(reply.headers['cache-control']).toBe(PRIVATE)
    expect(reply.headers.etag).toBeUndefined()
  })
})
