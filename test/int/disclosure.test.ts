/**
 * What anonymous readers see: the published public fields, nothing else, over REST and GraphQL.
 * No ingest diagnostics, nothing from the trash whatever `trash` they send, and `draft` changes
 * nothing for them (it used to drop the articles with a newer draft from their lists). The review
 * internals of notices and sources are covered by the review tests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

type Id = number

let app: TestApp
let api: ReturnType<typeof http>
const ids: Record<string, Id> = {}
const REASON = 'Source named by the dateline (AFP); check it'

const trash = (collection: 'articles' | 'legal-notices' | 'wire-sources', id: Id) =>
  app.payload.update({ collection, id, data: { deletedAt: new Date().toISOString() } as never })

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const { payload } = app
  const afp = (await payload.find({ collection: 'wire-sources', where: { code: { equals: 'AFP' } } })).docs[0].id
  const ingested = await payload.create({
    collection: 'articles',
    data: {
      headline: 'Ingested story',
      _status: 'published',
      source: afp,
      ingest: { needsReview: false, reason: REASON, format: 'text', matchedBy: 'dateline', ingestedAt: new Date().toISOString(), hash: 'f'.repeat(64) },
    },
  })
  const trashedArticle = await payload.create({ collection: 'articles', data: { headline: 'Trashed story', _status: 'published', source: afp } })
  await trash('articles', trashedArticle.id)
  const trashedSource = await payload.create({ collection: 'wire-sources', data: { name: 'Trashed Wire', code: 'TRASHED', kind: 'other', license: 'copyright' } })
  await trash('wire-sources', trashedSource.id)
  const trashedNotice = await payload.create({
    collection: 'legal-notices',
    data: { title: 'Trashed notice', kind: 'other', body: paragraph('Gone.'), appliesTo: { scope: 'all' }, _status: 'published' },
  })
  await trash('legal-notices', trashedNotice.id)
  const redrafted = await payload.create({ collection: 'articles', data: { headline: 'Public headline', _status: 'published', source: afp } })
  await payload.update({ collection: 'articles', id: redrafted.id, draft: true, data: { headline: 'Rewrite in progress' } })
  Object.assign(ids, {
    ingested: ingested.id,
    trashedArticle: trashedArticle.id,
    trashedSource: trashedSource.id,
    trashedNotice: trashedNotice.id,
    redrafted: redrafted.id,
  })
})
afterAll(async () => app?.stop())

/** What an anonymous reader gets of an article: these fields and no other. */
const PUBLIC_ARTICLE_FIELDS = [
  '_status',
  'additionalSources',
  'attribution',
  // Where the story stands (public, for an anonymous reader) and until when: docs/rights-lifecycle.md.
  'availability',
  'body',
  'byline',
  'createdAt',
  'dateline',
  'embargoUntil',
  'externalId',
  'headline',
  'id',
  'publishedAt',
  'relatedArticles',
  'relatedLinks',
  'section',
  'slug',
  'source',
  'summary',
  'updatedAt',
  // Always empty for an anonymous reader, who never gets a withdrawn story.
  'withdrawn',
]

describe('ingest diagnostics', () => {
  it('anonymous REST reads carry exactly the public fields of an article, by id and in lists', async () => {
    const one = await api.rest('GET', `articles/${ids.ingested}`)
    expect(one.status).toBe(200)
    expect(Object.keys(one.body).filter((key) => one.body[key] !== undefined && key !== 'deletedAt').sort()).toEqual(PUBLIC_ARTICLE_FIELDS)
    expect(one.body.deletedAt ?? null).toBeNull()
    const list = await api.rest('GET', `articles?where[id][equals]=${ids.ingested}&depth=2`)
    expect(list.body.docs).toHaveLength(1)
    expect(JSON.stringify(list.body)).not.toContain(REASON)
    expect(list.body.docs[0].ingest).toBeUndefined()
  })

  it('anonymous GraphQL reads get no ingest group', async () => {
    const res = await api.graphql(`{
      Article(id: ${ids.ingested}) { headline ingest { reason matchedBy needsReview hash } }
      Articles(where: { id: { equals: ${ids.ingested} } }) { docs { ingest { reason } } }
    }`)
    expect(JSON.stringify(res.body)).not.toContain(REASON)
    // GraphQL keeps the group's shape; every field in it is empty.
    expect(res.body.data.Article.headline).toBe('Ingested story')
    expect(res.body.data.Article.ingest ?? {}).toEqual(expect.not.objectContaining({ reason: expect.anything() }))
    expect(Object.values(res.body.data.Article.ingest ?? {}).every((value) => value === null)).toBe(true)
  })

  it('anonymous cannot find articles by their ingest diagnostics', async () => {
    const res = await api.rest('GET', `articles?where[ingest.reason][like]=dateline`)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(JSON.stringify(res.body)).not.toContain('Ingested story')
  })

  it.each(['editor', 'compliance', 'admin'] as const)('%s reads them', async (role) => {
    const res = await api.rest('GET', `articles/${ids.ingested}`, { headers: await app.auth(role) })
    expect(res.body.ingest).toMatchObject({ reason: REASON, matchedBy: 'dateline' })
  })
})

describe('the trash', () => {
  const CASES = [
    ['articles', 'trashedArticle', 'Article', 'Articles'],
    ['wire-sources', 'trashedSource', 'WireSource', 'WireSources'],
    ['legal-notices', 'trashedNotice', 'LegalNotice', 'LegalNotices'],
  ] as const

  it.each(CASES)('anonymous gets nothing from the trash of %s with trash=true, over REST', async (collection, key, ..._graphQL) => {
    const id = ids[key]
    expect((await api.rest('GET', `${collection}/${id}?trash=true`)).status).toBe(404)
    const list = await api.rest('GET', `${collection}?trash=true&where[id][equals]=${id}`)
    expect(list.body).toMatchObject({ docs: [], totalDocs: 0 })
    const trashOnly = await api.rest('GET', `${collection}?trash=true&where[deletedAt][exists]=true`)
    expect(trashOnly.body).toMatchObject({ docs: [], totalDocs: 0 })
    const count = await api.rest('GET', `${collection}/count?trash=true&where[id][equals]=${id}`)
    expect(count.body).toEqual({ totalDocs: 0 })
  })

  it.each(CASES)('anonymous gets nothing from the trash of %s with trash: true, over GraphQL', async (_, key, one, many) => {
    const id = ids[key]
    const res = await api.graphql(`{
      ${many}(trash: true, where: { id: { equals: ${id} } }) { docs { id } totalDocs }
      ${one}(id: ${id}, trash: true) { id }
    }`)
    expect(res.body.data[many]).toEqual({ docs: [], totalDocs: 0 })
    expect(res.body.data[one]).toBeNull()
    expect(res.body.errors[0].extensions.statusCode).toBe(404)
  })

  it.each(CASES)('signed-in staff still open the trash of %s', async (collection, key, ..._graphQL) => {
    const res = await api.rest('GET', `${collection}/${ids[key]}?trash=true`, { headers: await app.auth('admin') })
    expect(res.status).toBe(200)
    expect(res.body.deletedAt).toEqual(expect.any(String))
  })
})

describe('draft=true changes nothing for anonymous readers', () => {
  it('REST: the published text, by id, in lists and counts', async () => {
    const plain = await api.rest('GET', 'articles?limit=100&depth=0')
    const drafted = await api.rest('GET', 'articles?limit=100&depth=0&draft=true')
    expect(drafted.body.totalDocs).toBe(plain.body.totalDocs)
    expect(drafted.body.docs.map((d: Json) => [d.id, d.headline])).toEqual(plain.body.docs.map((d: Json) => [d.id, d.headline]))
    const listed = await api.rest('GET', `articles?draft=true&where[id][equals]=${ids.redrafted}`)
    expect(listed.body.docs.map((d: Json) => d.headline)).toEqual(['Public headline'])
    expect((await api.rest('GET', `articles/${ids.redrafted}?draft=true`)).body.headline).toBe('Public headline')
    const count = await api.rest('GET', `articles/count?draft=true&where[id][equals]=${ids.redrafted}`)
    expect(count.body).toEqual({ totalDocs: 1 })
  })

  it('GraphQL: the published text in lists', async () => {
    const res = await api.graphql(`{
      Articles(draft: true, where: { id: { equals: ${ids.redrafted} } }) { docs { headline } totalDocs }
    }`)
    expect(res.body).toEqual({ data: { Articles: { docs: [{ headline: 'Public headline' }], totalDocs: 1 } } })
  })

  it('an editor still reads the draft', async () => {
    const res = await api.rest('GET', `articles?draft=true&where[id][equals]=${ids.redrafted}`, { headers: await app.auth('editor') })
    expect(res.body.docs.map((d: Json) => d.headline)).toEqual(['Rewrite in progress'])
  })
})

describe('versions', () => {
  it.each(['articles/versions', 'legal-notices/versions', 'globals/publisher/versions'])('anonymous cannot list %s', async (path) => {
    expect((await api.rest('GET', path)).status).toBe(403)
  })

  it('anonymous cannot read a version by id, over REST or GraphQL', async () => {
    const [version] = (await app.payload.findVersions({ collection: 'articles', where: { parent: { equals: ids.redrafted } }, limit: 1 })).docs
    expect((await api.rest('GET', `articles/versions/${version.id}`)).status).toBe(403)
    const res = await api.graphql(`{ versionArticle(id: ${version.id}) { id } versionsArticles { docs { id } } }`)
    expect(res.body.errors.map((e: Json) => e.extensions.statusCode)).toEqual([403, 403])
  })
})
