/**
 * The attribution's representation (docs/attribution.md, "The attribution contract"): by default
 * `notices[]` says which notices apply (`{ id, kind, title }`) and the composed `text` and `html`
 * carry each body once; each notice's own text and HTML on request (`?attribution=full`,
 * `context.attribution`, a select, a GraphQL selection). A malformed request is a 400 naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
let afp: { id: number }

type Notice = { id: unknown; kind: string; title: string; text?: string; html?: string }
type Shape = { credit: string; text: string; html: string; notices: Notice[]; jsonLd?: unknown }

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const { docs } = await app.payload.find({ collection: 'articles', where: { 'source.code': { equals: 'AFP' } }, limit: 1, depth: 0 })
  afp = docs[0] as never
})
afterAll(async () => app?.stop())

/** Each notice once, in `text` and `html`, and no body in `notices[]`. */
const lean = (attribution: Shape) => {
  expect(attribution.notices.length).toBeGreaterThan(0)
  for (const notice of attribution.notices) expect(Object.keys(notice).sort()).toEqual(['id', 'kind', 'title'])
  expect(attribution.text).toContain('Agence France-Presse')
  expect(attribution.html).toContain('Agence France-Presse')
}

/** Each notice with its own text and HTML, which together make up `text` and `html`. */
const full = (attribution: Shape) => {
  for (const notice of attribution.notices) {
    expect(typeof notice.text).toBe('string')
    expect(typeof notice.html).toBe('string')
  }
  expect(attribution.notices.map((n) => n.text).join('\n\n')).toBe(attribution.text)
  expect(attribution.notices.map((n) => n.html).join('\n')).toBe(attribution.html)
}

describe('the default representation carries each notice body once', () => {
  it('Local API', async () => {
    const doc = await app.payload.findByID({ collection: 'articles', id: afp.id })
    lean(doc.attribution as Shape)
  })

  it('REST, a document and a list, at depth 0 and 1', async () => {
    for (const depth of [0, 1]) {
      const one = await api.rest('GET', `articles/${afp.id}?depth=${depth}`)
      expect(one.status).toBe(200)
      lean(one.body.attribution)
      const list = await api.rest('GET', `articles?depth=${depth}&where[id][equals]=${afp.id}`)
      lean(list.body.docs[0].attribution)
    }
  })

  it('GraphQL, selecting the notices’ id, kind and title', async () => {
    const gql = await api.graphql(`{ Article(id: ${afp.id}) { attribution { text html notices { id kind title } } } }`)
    expect(gql.body.errors).toBeUndefined()
    lean(gql.body.data.Article.attribution)
  })
})

describe('each notice’s own text and HTML, on request', () => {
  it('REST ?attribution=full, a document and a list', async () => {
    full((await api.rest('GET', `articles/${afp.id}?attribution=full`)).body.attribution)
    full((await api.rest('GET', `articles?attribution=full&where[id][equals]=${afp.id}`)).body.docs[0].attribution)
  })

  it('Local API context.attribution', async () => {
    const doc = await app.payload.findByID({ collection: 'articles', id: afp.id, context: { attribution: 'full' } })
    full(doc.attribution as Shape)
  })

  it('GraphQL, by selecting them', async () => {
    const gql = await api.graphql(`{ Articles(where: { id: { equals: ${afp.id} } }) { docs { attribution { text html notices { id title text html } } } } }`)
    expect(gql.body.errors).toBeUndefined()
    full(gql.body.data.Articles.docs[0].attribution)
  })

  it('REST select, down to the notices’ fields', async () => {
    const res = await api.rest('GET', `articles/${afp.id}?select[attribution][notices][title]=true&select[attribution][notices][text]=true`)
    expect(res.status).toBe(200)
    expect(Object.keys(res.body.attribution)).toEqual(['notices'])
    for (const notice of res.body.attribution.notices) expect(Object.keys(notice).sort()).toEqual(['text', 'title'])
    // `notices` alone: which notices, as by default.
    const which = await api.rest('GET', `articles/${afp.id}?select[attribution][notices]=true`)
    for (const notice of which.body.attribution.notices) expect(Object.keys(notice).sort()).toEqual(['id', 'kind', 'title'])
  })
})

describe('only what is asked for', () => {
  it('GraphQL selecting only the credit: the credit alone (nothing else is computed: see the plugin’s shape test)', async () => {
    const gql = await api.graphql(`{ Article(id: ${afp.id}) { attribution { credit } } }`)
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.Article.attribution).toEqual({ credit: 'AFP' })
  })

  it('REST select of the credit: the credit alone', async () => {
    const res = await api.rest('GET', `articles/${afp.id}?select[attribution][credit]=true`)
    expect(res.body.attribution).toEqual({ credit: 'AFP' })
  })
})

describe('a malformed ?attribution= is a 400 naming it', () => {
  it.each(['lean', 'FULL', '', 'full,lean'])('?attribution=%s', async (value) => {
    const res = await api.rest('GET', `articles/${afp.id}?attribution=${encodeURIComponent(value)}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/^attribution: /)
    expect(res.body.errors[0].message).toContain('full')
  })

  it('?attribution[]=full on a list', async () => {
    const res = await api.rest('GET', 'articles?attribution[]=full')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/^attribution: "\["full"\]" is not a shape/)
  })

  it('Local API context.attribution', async () => {
    await expect(app.payload.findByID({ collection: 'articles', id: afp.id, context: { attribution: 'everything' } })).rejects.toMatchObject({ status: 400 })
  })
})
