/**
 * A hostile reader against the ninjs feed and export, and the REST list beside it: newsroom-only
 * fields can be neither filtered nor sorted on (no oracle on the wire's rights or ingest notes),
 * drafts stay out, oversized `where`s and `Accept` headers are 4xx in bounded time, and markup in
 * a story never reaches an export's HTML body.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { LIMITS } from '@/limits'
import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { ninjsProblems } from '../helpers/ninjs'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
const ids: Record<string, number | string> = {}
const TAG = 'Hostile-feed'

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const source = (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: 'AFP' } }, limit: 1, depth: 0 })).docs[0].id
  for (const [key, holder] of [['a', 'AAA Holder'], ['b', 'ZZZ Holder']]) {
    const doc = await app.payload.create({
      collection: 'articles',
      data: {
        source,
        headline: `${TAG} ${key} <script>alert(1)</script>`,
        summary: '<img src=x onerror=alert(1)>',
        body: paragraph('<b onclick="alert(1)">bold</b> <script>alert(2)</script> text'),
        wireRights: { holder },
        ingest: { reason: `reason ${key}` },
        _status: 'published',
      } as never,
    })
    ids[key] = doc.id
  }
  ids.draft = (await app.payload.create({ collection: 'articles', data: { headline: `${TAG} draft`, _status: 'draft' }, draft: true })).id
})
afterAll(async () => app?.stop())

const FEED = 'articles/ninjs'
const LIST = 'articles'
const mine = `where[headline][like]=${TAG}`
const timed = async (run: () => Promise<{ status: number; body: Json }>) => {
  const start = performance.now()
  const res = await run()
  return { ...res, ms: performance.now() - start }
}

describe('newsroom-only fields, for an anonymous reader', () => {
  it.each([FEED, LIST])('%s: filtering or sorting on them is refused, however the path is spelled', async (path) => {
    for (const query of [
      'where[wireRights.holder][like]=AAA',
      'where[wireRights.holder][exists]=true',
      'where[ingest.reason][like]=reason',
      `where[or][0][wireRights.holder][like]=AAA&where[or][1][headline][like]=${TAG}`,
      `where=${encodeURIComponent(JSON.stringify({ headline: { like: TAG }, 'wireRights.holder': { like: 'ZZZ' } }))}`,
      `${mine}&sort=-wireRights.holder`,
      `${mine}&sort=-ingest.reason`,
      // A list of paths in one string: Payload checked it as one (unknown) path, the database sorted by each.
      `${mine}&sort=_status,-wireRights.holder`,
      // A space before a path: Payload skipped it as unknown, the database trimmed it and sorted.
      `${mine}&sort=headline,%20-ingest.reason`,
      `${mine}&sort=%20-wireRights.holder`,
      `${mine}&sort[0]=headline&sort[1]=%20-ingest.reason`,
    ]) {
      const res = await api.rest('GET', `${path}?${query}`)
      expect({ query, status: res.status, message: res.body.errors?.[0]?.message }).toEqual({
        query,
        status: 400,
        message: expect.stringMatching(/^The following path cannot be queried: (wireRights\.holder|ingest\.reason)$/),
      })
    }
  })

  it('a sort on several readable fields still works', async () => {
    const res = await api.rest('GET', `${FEED}?${mine}&sort=_status,-headline`)
    expect(res.status).toBe(200)
    expect(res.body.items.map((item: Json) => item.headlines[0].value)).toEqual([`${TAG} b <script>alert(1)</script>`, `${TAG} a <script>alert(1)</script>`])
    const editor = await api.rest('GET', `${FEED}?${mine}&sort=_status,-wireRights.holder`, { headers: await app.auth('editor') })
    expect(editor.status).toBe(200)
  })

  it('GraphQL refuses the same sort', async () => {
    const res = await api.graphql(`{ Articles(sort: "_status,-wireRights__holder", where: { headline: { like: "${TAG}" } }) { docs { headline } } }`)
    expect(res.body.errors?.[0]?.message).toBe('The following path cannot be queried: wireRights.holder')
  })
})

describe('drafts', () => {
  it.each(['where[_status][equals]=draft', `draft=true&${mine}`, `trash=true&${mine}`, `draft=true&trash=true&where[id][equals]=ID`])(
    'the feed with %s holds no draft',
    async (query) => {
      const res = await api.rest('GET', `${FEED}?${query.replace('ID', String(ids.draft))}`)
      expect(res.status).toBe(200)
      expect(res.body.items.map((item: Json) => item.uri)).not.toContain(`urn:wirehouse:articles:${ids.draft}`)
      expect(res.body.items.every((item: Json) => item.pubstatus === 'usable')).toBe(true)
    },
  )

  it.each(['', '?draft=true', '?draft=true&trash=true', '?locale=xx'])('the export of a draft%s is a 404', async (query) => {
    expect((await api.rest('GET', `articles/${ids.draft}/ninjs${query}`)).status).toBe(404)
  })
})

describe('oversized where', () => {
  const { maxConditions, maxNesting, maxValues } = LIMITS.where
  const json = (where: unknown) => `where=${encodeURIComponent(JSON.stringify(where))}`
  const nested = (depth: number) => `where=${encodeURIComponent('{"and":['.repeat(depth) + `{"headline":{"like":"${TAG}"}}` + ']}'.repeat(depth))}`
  const ors = (n: number) => ({ or: Array.from({ length: n }, (_, i) => ({ headline: { equals: `x${i}` } })) })
  const CASES: [string, string, RegExp][] = [
    ['1,000 conditions in the query string', Array.from({ length: 1000 }, (_, i) => `where[or][${i}][headline][equals]=x${i}`).join('&'), /more than 100 conditions/],
    ['20,000 conditions as JSON', json(ors(20_000)), /more than 100 conditions/],
    ['"and" nested 5,000 deep as JSON', nested(5000), /nested more than 10 deep/],
    ['70,000 ids in one "in"', json({ id: { in: Array.from({ length: 70_000 }, (_, i) => i + 1) } }), /lists 70000 values, over the limit of 1000/],
  ]

  it.each(CASES)('%s: a 400 naming the limit (was a 500), on the feed and the list', async (_, query, message) => {
    for (const path of [FEED, LIST]) {
      const res = await timed(() => api.rest('GET', `${path}?${query}`))
      expect({ path, status: res.status, message: res.body.errors?.[0]?.message }).toEqual({ path, status: 400, message: expect.stringMatching(message) })
      expect(res.ms).toBeLessThan(5_000)
    }
  })

  it('just under the limits, an answer', async () => {
    for (const query of [json(ors(maxConditions)), nested(maxNesting), json({ id: { in: Array.from({ length: maxValues }, (_, i) => i + 1) } })]) {
      expect((await api.rest('GET', `${FEED}?${query}`)).status).toBe(200)
    }
  })

  it('server-side code is not counted', async () => {
    const found = await app.payload.find({ collection: 'articles', where: { id: { in: Array.from({ length: 2000 }, (_, i) => i + 1) } }, limit: 1 })
    expect(found.totalDocs).toBeGreaterThan(0)
  })
})

describe('Accept and version abuse', () => {
  const accept = Array.from({ length: 20_000 }, (_, i) => `application/ninjs+json;version=9.${i};q=0.${(i % 9) + 1};a=b`).join(', ')

  it.each([FEED, 'articles/ID/ninjs'])('%s: 20,000 ranges in Accept is a 406 of bounded size, quickly', async (path) => {
    const res = await timed(() => api.rest('GET', path.replace('ID', String(ids.a)), { headers: { accept } }))
    expect(res.status).toBe(406)
    expect(res.body.errors[0].message.length).toBeLessThan(300)
    expect(res.ms).toBeLessThan(2_000)
  })

  it('a long ?version is not echoed whole', async () => {
    const res = await api.rest('GET', `${FEED}?version=${'9'.repeat(5000)}`)
    expect(res.status).toBe(406)
    expect(res.body.errors[0].message.length).toBeLessThan(300)
  })
})

describe('markup in a story', () => {
  it.each(['', '?version=3.1'])('never reaches the export as markup%s', async (query) => {
    const res = await api.rest('GET', `articles/${ids.a}/ninjs${query}`)
    expect(res.status).toBe(200)
    expect(ninjsProblems(res.body)).toEqual([])
    const { bodies } = res.body
    const html = bodies.find((b: Json) => (b.contenttype ?? b.contentType) === 'text/html').value
    const plain = bodies.find((b: Json) => (b.contenttype ?? b.contentType) === 'text/plain').value
    // The story's text is "<b …>bold</b> <script>…": text, escaped in HTML, as written in plain text.
    expect(html).toBe('<p>&lt;b onclick="alert(1)"&gt;bold&lt;/b&gt; &lt;script&gt;alert(2)&lt;/script&gt; text</p>')
    expect(plain).toBe('<b onclick="alert(1)">bold</b> <script>alert(2)</script> text')
  })
})
