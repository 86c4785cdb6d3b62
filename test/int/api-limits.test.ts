/**
 * What one REST or GraphQL request may ask of the server (`src/limits.ts`): GraphQL depth, aliases
 * and cost for everyone; REST `depth` and `limit` (and GraphQL `limit`) for everyone but admins,
 * refused with a 400 naming the parameter and the cap. Server-side Local API calls are not capped.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getIntrospectionQuery } from 'graphql'

import { LIMITS } from '@/limits'

import { http, type HttpResult } from '../helpers/http'
import { type Role, startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
/** The last of a chain of published articles, each related to the one before. */
let tip: number

const CHAIN = 16

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const afp = (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: 'AFP' } } })).docs[0].id
  let previous: number[] = []
  for (let n = 0; n < CHAIN; n++) {
    const doc = await app.payload.create({
      collection: 'articles',
      depth: 0,
      data: { headline: `Chain link ${n}`, _status: 'published', source: afp, relatedArticles: previous },
    })
    previous = [doc.id as number]
  }
  tip = previous[0]
  // The first GraphQL request builds the schema: not what the timings below are about.
  await api.graphql('{ __typename }')
})
afterAll(async () => app?.stop())

const timed = async <T>(run: () => Promise<T>) => {
  const started = performance.now()
  const result = await run()
  return { result, ms: performance.now() - started }
}

/** `relatedArticles { headline … }` nested `levels` deep around `inner`. */
const nest = (levels: number, inner: string): string => (levels === 0 ? inner : `relatedArticles { headline ${nest(levels - 1, inner)} }`)

const ATTRIBUTION = 'attribution { credit byline copyrightHolder copyrightYear license text html jsonLd warnings notices { id kind title text html } }'
const SCALARS = 'id headline slug byline dateline { place date } summary body externalId publishedAt _status updatedAt'

/** Refused before anything ran: no data, and among the errors one that names the limit. */
const refusedWith = (res: HttpResult, message: RegExp) => {
  expect(res.body.data ?? null).toBeNull()
  expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(message) })]))
}

describe('GraphQL query limits', () => {
  it(`refuses relatedArticles nested 14 deep before running it, naming the depth limit of ${LIMITS.graphql.maxDepth}`, async () => {
    const query = `query ($id: Int!) { Article(id: $id) { ${nest(14, 'id')} } }`
    const { result, ms } = await timed(() => api.graphql(query, { variables: { id: tip } }))
    // A query that cannot run is HTTP 400, as graphql-over-http says (docs/api.md#errors); refused in
    // validation, so nothing ran: no data at all.
    expect(result.status).toBe(400)
    expect(result.body.data).toBeUndefined()
    refusedWith(result, new RegExp(`depth limit of ${LIMITS.graphql.maxDepth} exceeded, found 16`))
    expect(result.body.errors[0].extensions).toMatchObject({ name: 'QueryLimitError', statusCode: 400 })
    console.info(`depth 14 refused in ${ms.toFixed(0)} ms`)
  })

  it('serves the same chain at the depth limit', async () => {
    const res = await api.graphql(`query ($id: Int!) { Article(id: $id) { ${nest(6, 'id')} } }`, { variables: { id: tip } })
    expect(res.body.errors).toBeUndefined()
    let link = res.body.data.Article
    for (let n = 0; n < 6; n++) link = link.relatedArticles[0]
    expect(link).toMatchObject({ headline: `Chain link ${CHAIN - 7}` })
  })

  it(`refuses 50 aliases, naming the limit of ${LIMITS.graphql.maxAliases}`, async () => {
    const query = `{ ${Array.from({ length: 50 }, (_, n) => `a${n}: Articles(limit: 1) { totalDocs }`).join(' ')} }`
    refusedWith(await api.graphql(query), new RegExp(`Aliases limit of ${LIMITS.graphql.maxAliases} exceeded, found 50`))
  })

  it(`refuses a wide query nested within the depth limit, naming the cost limit of ${LIMITS.graphql.maxCost}`, async () => {
    const wide = `${SCALARS} ${ATTRIBUTION} source { id name code } section { id name site { name } }`
    const query = `{ Articles(limit: 100) { docs { ${nest(3, wide)} } } }`
    const { result, ms } = await timed(() => api.graphql(query))
    refusedWith(result, new RegExp(`Cost limit of ${LIMITS.graphql.maxCost} exceeded`))
    expect(result.body.data).toBeUndefined()
    console.info(`cost over the limit refused in ${ms.toFixed(0)} ms`)
  })

  it.each([
    ['the attribution test', `query ($id: Int!) { Article(id: $id) { headline ${ATTRIBUTION} relatedArticles { headline ${ATTRIBUTION} } } }`],
    ['the content test', `query ($slug: String!) { Articles(where: { slug: { equals: $slug } }) { docs { headline source { code name } section { name site { name } } } } }`],
    [
      'time travel',
      `query ($id: Int!, $at: String) { Article(id: $id, attributionAt: $at) { attribution { notices { title text } } }
        Articles(where: { id: { equals: $id } }, attributionAt: $at) { docs { attribution { notices { title text } } } } }`,
    ],
    ['the load test', '{ Articles(limit: 10) { docs { headline slug attribution { credit copyrightHolder } } } }'],
    [
      'the attribution benchmark at depth 1',
      `{ Articles(limit: 100, sort: "id") { docs { ${SCALARS} ${ATTRIBUTION}
        source { id name code } additionalSources { id code } section { id name slug } relatedArticles { id headline slug ${ATTRIBUTION} } } } }`,
    ],
    ['the server test', '{ Articles { totalDocs docs { headline source { code } } } }'],
    ['the introspection query of the GraphQL playground', getIntrospectionQuery()],
  ])('serves the query of %s', async (_, query) => {
    const res = await api.graphql(query, { variables: { id: tip, slug: 'chain-link-0', at: null } })
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data).toBeTruthy()
  })
})

// ---------------------------------------------------------------------------------------------

const CAPPED: Role[] = ['anonymous', 'editor', 'compliance']
const { maxDepth, maxLimit } = LIMITS.rest

describe('REST caps', () => {
  const refusals = () => [
    ['articles?depth=10', /depth=10 is outside the cap of 0 to 3/],
    [`articles/${tip}?depth=4`, /depth=4 is outside the cap of 0 to 3/],
    ['articles?limit=100000', /limit=100000 is outside the cap of 1 to 100/],
    ['articles?limit=0', /limit=0 asks for every document, over the cap of 100/],
    ['articles?limit=-1', /limit: "-1" must be a whole number from 0/],
    ['articles?pagination=false', /pagination=false without a limit asks for every document, over the cap of 100/],
    ['articles?pagination=false&limit=0', /limit=0 asks for every document/],
    ['articles/versions?limit=0', /limit=0 asks for every document/],
    [`articles/versions?depth=5`, /depth=5 is outside the cap/],
    ['legal-notices?limit=500', /limit=500 is outside the cap of 1 to 100/],
    ['globals/publisher?depth=9', /depth=9 is outside the cap/],
  ] as const

  it.each(CAPPED)('%s: depth, limit, limit=0, pagination=false, versions and globals are refused with a 400 naming the cap', async (role) => {
    const headers = await app.auth(role)
    for (const [path, message] of refusals()) {
      const res = await api.rest('GET', path, { headers })
      expect({ path, status: res.status }).toEqual({ path, status: 400 })
      expect(res.body).toEqual({ errors: [{ message: expect.stringMatching(message) }] })
    }
  })

  it.each(CAPPED)('%s: a version read by id is refused above the depth cap', async (role) => {
    if (role === 'anonymous') return
    const { docs } = await app.payload.findVersions({ collection: 'articles', limit: 1, where: { parent: { equals: tip } } })
    const res = await api.rest('GET', `articles/versions/${docs[0].id}?depth=6`, { headers: await app.auth(role) })
    expect(res).toEqual({ status: 400, body: { errors: [{ message: expect.stringMatching(/depth=6 is outside the cap/) }] } })
  })

  it.each(CAPPED)('%s: within the caps is served, pagination=false with a limit included', async (role) => {
    const headers = await app.auth(role)
    const list = await api.rest('GET', `articles?depth=${maxDepth}&limit=${maxLimit}`, { headers })
    expect(list.status).toBe(200)
    expect(list.body.limit).toBe(maxLimit)
    const cheap = await api.rest('GET', 'articles?pagination=false&limit=5&depth=0', { headers })
    expect(cheap.status).toBe(200)
    expect(cheap.body.docs).toHaveLength(5)
    const one = await api.rest('GET', `articles/${tip}?depth=${maxDepth}`, { headers })
    expect(one.status).toBe(200)
    const third = one.body.relatedArticles[0].relatedArticles[0].relatedArticles[0]
    expect(third).toMatchObject({ headline: `Chain link ${CHAIN - 4}`, relatedArticles: [expect.any(Number)] })
  })

  it("the admin's trash count (limit=0 at depth 0 with trash=true) is served to signed-in users, not anonymously", async () => {
    const path = 'legal-notices?depth=0&limit=0&trash=true&where[deletedAt][exists]=true'
    expect((await api.rest('GET', path, { headers: await app.auth('compliance') })).status).toBe(200)
    expect((await api.rest('GET', path)).status).toBe(400)
    expect((await api.rest('GET', path.replace('depth=0', 'depth=1'), { headers: await app.auth('compliance') })).status).toBe(400)
  })

  it("the admin's related titles (where id in a list of at most 100, limit=250) are served: the list bounds the answer", async () => {
    const headers = await app.auth('editor')
    const ids = (await app.payload.find({ collection: 'wire-sources', limit: 3, depth: 0 })).docs.map((doc) => doc.id)
    const titles = await api.rest('GET', `wire-sources?depth=0&limit=250&select[name]=true&where[id][in]=${ids.join(',')}`, { headers })
    expect(titles.status).toBe(200)
    expect(titles.body.docs).toHaveLength(3)
    const many = Array.from({ length: 101 }, (_, n) => n + 1).join(',')
    expect((await api.rest('GET', `wire-sources?depth=0&limit=250&where[id][in]=${many}`, { headers })).status).toBe(400)
    const mixed = `wire-sources?depth=0&limit=250&where[id][in]=${ids.join(',')}&where[name][exists]=true`
    expect((await api.rest('GET', mixed, { headers })).status).toBe(400)
  })

  it('admins are not capped', async () => {
    const headers = await app.auth('admin')
    const all = await api.rest('GET', 'articles?depth=10&limit=100000', { headers })
    expect(all.status).toBe(200)
    expect(all.body.limit).toBe(100000)
    for (const path of ['articles?limit=0', 'articles?pagination=false', 'articles/versions?limit=0&depth=5']) {
      expect((await api.rest('GET', path, { headers })).status).toBe(200)
    }
    const deep = await api.rest('GET', `articles/${tip}?depth=5`, { headers })
    expect(deep.body.relatedArticles[0].relatedArticles[0].relatedArticles[0].relatedArticles[0].relatedArticles[0]).toMatchObject({
      headline: `Chain link ${CHAIN - 6}`,
    })
  })

  it('a POST that Payload reads as a GET (X-HTTP-Method-Override) is capped too', async () => {
    const res = await api.rest('POST', 'articles', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-HTTP-Method-Override': 'GET' },
      body: 'limit=0&depth=0',
    })
    expect(res).toEqual({ status: 400, body: { errors: [{ message: expect.stringMatching(/limit=0 asks for every document/) }] } })
  })

  it('writes answer at the depth cap, and bulk writes keep their own limit', async () => {
    const headers = await app.auth('editor')
    const deep = await api.rest('PATCH', `articles/${tip}?depth=7`, { headers, body: { summary: 'Deep' } })
    expect(deep.status).toBe(400)
    expect(deep.body.errors[0].message).toMatch(/depth=7 is outside the cap/)
    expect((await app.payload.findByID({ collection: 'articles', id: tip })).summary ?? null).toBeNull()
    const bulk = await api.rest('PATCH', `articles?limit=0&where[id][equals]=${tip}`, { headers, body: { summary: 'Bulk' } })
    expect(bulk.status).toBe(200)
  })

  it('GraphQL limit and pagination arguments: refused for the capped, served for admins', async () => {
    const editor = await app.auth('editor')
    for (const [query, variables, message] of [
      ['{ Articles(limit: 0) { totalDocs } }', {}, /Articles: limit=0 asks for every document/],
      ['{ Articles(limit: 100000) { totalDocs } }', {}, /Articles: limit=100000 is outside the cap/],
      ['query ($n: Int) { Articles(limit: $n) { totalDocs } }', { n: 5000 }, /limit=5000 is outside the cap/],
      ['{ Articles(pagination: false) { totalDocs } }', {}, /pagination=false without a limit/],
      ['{ versionsArticles(limit: 0) { totalDocs } }', {}, /versionsArticles: limit=0/],
    ] as const) {
      for (const headers of [{}, editor]) refusedWith(await api.graphql(query, { headers, variables }), message)
    }
    expect((await api.graphql('{ Articles(limit: 100) { totalDocs } }')).body.errors).toBeUndefined()
    const admin = await api.graphql('{ Articles(limit: 0) { docs { id } } }', { headers: await app.auth('admin') })
    expect(admin.body.errors).toBeUndefined()
  })

  it('server-side Local API calls are not capped', async () => {
    const { docs } = await app.payload.find({ collection: 'articles', depth: 6, limit: 0, pagination: false, overrideAccess: false })
    expect(docs.length).toBeGreaterThanOrEqual(CHAIN)
  })
})
