import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
})
afterAll(async () => app?.stop())

const ATTRIBUTION = `attribution { credit byline copyrightHolder copyrightYear license text html jsonLd warnings notices { id kind title text html } }`

const byCode = async (code: string, depth = 0) => {
  const rest = await api.rest('GET', `articles?where[source.code][equals]=${code}&depth=${depth}`)
  expect(rest.status).toBe(200)
  return rest.body.docs[0]
}

describe('seeded articles carry exactly their own boilerplate', () => {
  it.each([0, 1])('AFP at depth %i: the wire copyright, never the public-domain line', async (depth) => {
    const { attribution } = await byCode('AFP', depth)
    expect(attribution).toMatchObject({ credit: 'AFP', copyrightHolder: 'Agence France-Presse', license: 'copyright', warnings: [] })
    const kinds = attribution.notices.map((n: { kind: string }) => n.kind)
    expect(kinds).toContain('source-copyright')
    expect(kinds).not.toContain('public-domain')
    expect(attribution.text).toContain('copyright Agence France-Presse')
    expect(attribution.text).not.toMatch(/\{\{/)
  })

  it('NASA: the public-domain line, never the wire copyright', async () => {
    const { attribution } = await byCode('NASA')
    const kinds = attribution.notices.map((n: { kind: string }) => n.kind)
    expect(kinds).toContain('public-domain')
    expect(kinds).not.toContain('source-copyright')
    expect(attribution.copyrightHolder).toBeNull()
  })

  it('staff copy: the staff-writers text', async () => {
    const { attribution } = await byCode('SPX')
    expect(attribution.notices.map((n: { kind: string }) => n.kind)).toContain('staff-writers')
    expect(attribution.copyrightHolder).toBe('Orbit Media Network')
  })

  it('is a typed object in GraphQL, also on populated related articles', async () => {
    const esa = await byCode('ESA')
    const nasa = await byCode('NASA')
    await app.payload.update({ collection: 'articles', id: esa.id, data: { relatedArticles: [nasa.id] } })
    const gql = await api.graphql(
      `query ($id: Int!) { Article(id: $id) { headline ${ATTRIBUTION} relatedArticles { headline ${ATTRIBUTION} } } }`,
      { variables: { id: esa.id } },
    )
    expect(gql.body.errors).toBeUndefined()
    const doc = gql.body.data.Article
    expect(doc.attribution.notices.map((n: { title: string }) => n.title)).toContain('ESA copyright')
    expect(doc.attribution.jsonLd).toMatchObject({ '@type': 'NewsArticle', creditText: 'ESA' })
    const [related] = doc.relatedArticles
    expect(related.attribution.license).toBe('public-domain')
    expect(related.attribution.notices.map((n: { kind: string }) => n.kind)).toContain('public-domain')
  })

  it('a notice edit shows on the next read, with no article rewritten', async () => {
    const { docs } = await app.payload.find({ collection: 'legal-notices', where: { kind: { equals: 'advertising' } } })
    const versionsBefore = (await app.payload.countVersions({ collection: 'articles' })).totalDocs
    const body = JSON.parse(JSON.stringify(docs[0].body).replace('An advertisement', 'A paid advertisement'))
    await app.payload.update({ collection: 'legal-notices', id: docs[0].id, data: { body } })
    const { attribution } = await byCode('UPI')
    expect(attribution.text).toContain('A paid advertisement')
    expect((await app.payload.countVersions({ collection: 'articles' })).totalDocs).toBe(versionsBefore)
  })
})

describe('notice templates', () => {
  it('refuses to save a notice with an unknown variable, naming it, and writes nothing', async () => {
    const [notice] = (await app.payload.find({ collection: 'legal-notices', where: { kind: { equals: 'privacy' } } })).docs
    const body = JSON.parse(JSON.stringify(notice.body).replace('Our privacy statement', 'Our {{publisher.nmae}} statement'))
    const before = (await app.payload.countVersions({ collection: 'legal-notices', where: { parent: { equals: notice.id } } })).totalDocs
    const res = await api.rest('PATCH', `legal-notices/${notice.id}`, { body: { body }, headers: await app.auth('compliance') })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors).toEqual([{ path: 'body', message: 'unknown variable {{publisher.nmae}}' }])
    const after = (await app.payload.countVersions({ collection: 'legal-notices', where: { parent: { equals: notice.id } } })).totalDocs
    expect(after).toBe(before)
  })
})

describe('endpoints', () => {
  it('POST /api/attribution/preview gives what an article would carry, for signed-in users only', async () => {
    const nasa = await byCode('NASA')
    const afp = await byCode('AFP')
    const sources = [afp.source, nasa.source]
    const anonymous = await api.rest('POST', 'attribution/preview', { body: { sources } })
    expect(anonymous.status).toBe(401)

    const res = await api.rest('POST', 'attribution/preview', {
      body: { sources, byline: 'Jane Doe', at: '2024-07-03T00:00:00.000Z' },
      headers: await app.auth('editor'),
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ byline: 'by Jane Doe', credit: 'AFP, NASA', copyrightHolder: 'Agence France-Presse', license: 'copyright' })
    expect(res.body.notices.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['source-copyright', 'public-domain']))

    const bad = await api.rest('POST', 'attribution/preview', { body: { sources: 'AFP', at: 'soon' }, headers: await app.auth('editor') })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/sources/)
  })

  it('GET /api/articles/:id/ninjs carries the rights fields; drafts stay hidden from anonymous readers', async () => {
    const afp = await byCode('AFP')
    const res = await api.rest('GET', `articles/${afp.id}/ninjs`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ type: 'text', headline: afp.headline, copyrightholder: 'Agence France-Presse', byline: 'by AFP Staff Writers' })
    expect(res.body.copyrightnotice).toContain('copyright Agence France-Presse')
    expect(res.body.body_html).toContain('<p')

    const draft = await app.payload.create({ collection: 'articles', data: { headline: 'Unpublished scoop', _status: 'draft' }, draft: true })
    expect((await api.rest('GET', `articles/${draft.id}/ninjs`)).status).toBe(404)
    expect((await api.rest('GET', `articles/${draft.id}/ninjs`, { headers: await app.auth('editor') })).status).toBe(200)
  })
})
