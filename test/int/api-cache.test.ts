/**
 * Cacheable API reads (docs/api.md#caching-and-etags), through the app's own route handlers
 * (`src/app/(payload)/api/…/route.ts`): anonymous GETs on REST and GraphQL carry a strong ETag and
 * a public Cache-Control, `If-None-Match` answers 304 without a body, the tag follows every change
 * of what the answer shows (the article, a notice in its attribution, the publisher), and
 * signed-in callers, drafts and errors stay `private, no-store`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { MAX_GET_QUERY_BYTES } from '@/api/graphqlGet'
import { PRIVATE, publicCacheControl, withHttpCache } from '@/api/httpCache'

import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

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
    for (const headers of [{ Authorization }, { Cookie: `theme=dark; payload-token=${token}` }, { Authorization: 'users API-Key not-a-real-key' }]) {
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
