import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { ninjsProblems } from '../helpers/ninjs'
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
      body: { sources, byline: 'Jane Doe' },
      headers: await app.auth('editor'),
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ byline: 'by Jane Doe', credit: 'AFP, NASA', copyrightHolder: 'Agence France-Presse', license: 'copyright' })
    expect(res.body.notices.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['source-copyright', 'public-domain']))

    const bad = await api.rest('POST', 'attribution/preview', { body: { sources: 'AFP', at: 'soon' }, headers: await app.auth('editor') })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/sources/)

    // The form's own shape: primary and additional sources apart; the year from the dateline as on a saved read.
    const form = await api.rest('POST', 'attribution/preview', {
      body: { source: null, additionalSources: [nasa.source], dateline: { date: '2019-03-01T00:00:00.000Z', place: 'Houston' } },
      headers: await app.auth('editor'),
    })
    expect(form.status).toBe(200)
    expect(form.body).toMatchObject({ copyrightYear: 2019, license: 'public-domain', jsonLd: { dateline: 'Houston' } })
    expect(form.body.warnings).toEqual([expect.stringMatching(/no source/)])
    const badDate = await api.rest('POST', 'attribution/preview', { body: { dateline: { date: '2024-02-30x' } }, headers: await app.auth('editor') })
    expect(badDate.status).toBe(400)
    expect(badDate.body.errors[0].message).toMatch(/dateline.date/)
    const other = await api.rest('POST', 'attribution/preview', { body: { collection: 'users' }, headers: await app.auth('editor') })
    expect(other).toMatchObject({ status: 400, body: { errors: [{ message: expect.stringMatching(/^collection: "users" is not an attributed collection/) }] } })
  })

  it('GET /api/articles/:id/ninjs carries the rights fields; drafts stay hidden from anonymous readers', async () => {
    const afp = await byCode('AFP')
    const res = await api.rest('GET', `articles/${afp.id}/ninjs`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      type: 'text',
      standard: { name: 'ninjs', version: '2.2' },
      headlines: [{ role: 'main', value: afp.headline }],
      copyrightholder: 'Agence France-Presse',
      by: 'by AFP Staff Writers',
    })
    expect(res.body.copyrightnotice).toContain('copyright Agence France-Presse')
    expect(res.body.bodies[0]).toMatchObject({ contenttype: 'text/html', value: expect.stringContaining('<p') })
    expect(ninjsProblems(res.body)).toEqual([])

    const draft = await app.payload.create({ collection: 'articles', data: { headline: 'Unpublished scoop', _status: 'draft' }, draft: true })
    expect((await api.rest('GET', `articles/${draft.id}/ninjs`)).status).toBe(404)
    expect((await api.rest('GET', `articles/${draft.id}/ninjs`, { headers: await app.auth('editor') })).status).toBe(200)
  })
})

describe('reads with select, writes, and sites', () => {
  it('select: attribution alone is computed from fields the caller did not ask for, which stay out', async () => {
    const afp = await byCode('AFP')
    const res = await api.rest('GET', `articles/${afp.id}?select[attribution]=true`)
    expect(res.status).toBe(200)
    expect(res.body.attribution).toMatchObject({ credit: 'AFP', copyrightHolder: 'Agence France-Presse', byline: 'by AFP Staff Writers' })
    expect(Object.keys(res.body).sort()).toEqual(['attribution', 'id'])

    const some = await api.rest('GET', `articles?where[id][equals]=${afp.id}&select[headline]=true&select[attribution][credit]=true&select[attribution][license]=true`)
    expect(some.body.docs[0]).toEqual({ id: afp.id, headline: afp.headline, attribution: { credit: 'AFP', license: 'copyright' } })

    const local = await app.payload.findByID({ collection: 'articles', id: afp.id, select: { source: false, byline: false } })
    expect(local.attribution?.credit).toBe('AFP')
    expect(local).not.toHaveProperty('source')
    expect(local).not.toHaveProperty('byline')
  })

  it('GraphQL with select: true computes attribution from fields the query does not ask for', async () => {
    const afp = await byCode('AFP')
    const gql = await api.graphql(`{ Articles(select: true, where: { id: { equals: ${afp.id} } }) { docs { headline attribution { credit copyrightHolder } } } }`)
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.Articles.docs).toEqual([{ headline: afp.headline, attribution: { credit: 'AFP', copyrightHolder: 'Agence France-Presse' } }])
  })

  it('select without attribution does no attribution work', async () => {
    const res = await api.rest('GET', `articles?select[headline]=true&limit=3`)
    expect(res.body.docs.every((doc: Record<string, unknown>) => !('attribution' in doc))).toBe(true)
    const excluded = await api.rest('GET', `articles?select[attribution]=false&limit=3`)
    expect(excluded.body.docs.every((doc: Record<string, unknown>) => !('attribution' in doc) && 'headline' in doc)).toBe(true)
  })

  it('create and update answers carry the attribution of what was written', async () => {
    const nasa = await byCode('NASA')
    const created = await api.rest('POST', 'articles', {
      body: { headline: 'Comet returns', source: nasa.source, byline: 'Jo Bloggs', _status: 'draft' },
      headers: await app.auth('editor'),
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.attribution).toMatchObject({ byline: 'by Jo Bloggs', license: 'public-domain', copyrightHolder: null })
    const afp = await byCode('AFP')
    const updated = await api.rest('PATCH', `articles/${created.body.doc.id}`, { body: { source: afp.source }, headers: await app.auth('editor') })
    expect(updated.status).toBe(200)
    expect(updated.body.doc.attribution).toMatchObject({ credit: 'AFP', license: 'copyright' })
  })

  it('{{site.name}} is filled from the article’s section’s site, or the publisher for an article without one', async () => {
    const [site] = (await app.payload.find({ collection: 'sites', where: { domain: { equals: 'groundstation.example' } } })).docs
    const [section] = (await app.payload.find({ collection: 'sections', where: { site: { equals: site.id } }, limit: 1 })).docs
    const notice = await app.payload.create({
      collection: 'legal-notices',
      data: { title: 'Site imprint', kind: 'other', order: 1, appliesTo: { scope: 'all' }, body: paragraph('Published by {{site.name}}.'), _status: 'published' },
    })
    try {
      const upi = await byCode('UPI')
      await app.payload.update({ collection: 'articles', id: upi.id, data: { section: section.id } })
      for (const depth of [0, 1, 2]) {
        const res = await api.rest('GET', `articles/${upi.id}?depth=${depth}&attribution=full`)
        expect(res.body.attribution.notices[0].text).toBe('Published by Ground Station.')
      }
      const orphan = await app.payload.create({ collection: 'articles', data: { headline: 'No section yet', source: upi.source }, draft: true })
      const read = await app.payload.findByID({ collection: 'articles', id: orphan.id, draft: true, context: { attribution: 'full' } })
      expect(read.attribution?.notices?.[0].text).toBe('Published by Orbit Media Network.')
    } finally {
      await app.payload.update({ collection: 'legal-notices', id: notice.id, data: { deletedAt: new Date().toISOString() } })
    }
  })
})

describe('broken references never fail a read', () => {
  it('a deleted source: the publisher’s own notices and a warning', async () => {
    const source = await app.payload.create({
      collection: 'wire-sources',
      data: { name: 'Short-lived Wire', code: 'SLW', kind: 'news-agency', license: 'copyright', copyrightHolder: 'Short-lived Wire Ltd' },
    })
    const article = await app.payload.create({ collection: 'articles', data: { headline: 'Orphaned wire story', source: source.id, _status: 'published' } })
    expect((await api.rest('GET', `articles/${article.id}`)).body.attribution.copyrightHolder).toBe('Short-lived Wire Ltd')
    // The API refuses to delete a source an article names (test/int/history.test.ts): gone from the database itself.
    await app.payload.db.deleteOne({ collection: 'wire-sources', where: { id: { equals: source.id } } })
    for (const depth of [0, 1]) {
      const res = await api.rest('GET', `articles/${article.id}?depth=${depth}`)
      expect(res.status).toBe(200)
      expect(res.body.attribution.copyrightHolder).toBe('Orbit Media Network')
      expect(res.body.attribution.warnings.join('\n')).toMatch(/no source|no longer exists/)
      expect(res.body.attribution.notices.map((n: { kind: string }) => n.kind)).not.toContain('source-copyright')
    }
  })

  it('a trashed notice: the source it covered is named in the warnings', async () => {
    const [wire] = (await app.payload.find({ collection: 'legal-notices', where: { title: { equals: 'Wire agency copyright' } } })).docs
    await app.payload.update({ collection: 'legal-notices', id: wire.id, data: { deletedAt: new Date().toISOString() } })
    try {
      const { attribution } = await byCode('IANS')
      expect(attribution.warnings).toEqual([expect.stringMatching(/no notice in force covers source IANS/)])
      expect(attribution.notices.map((n: { title: string }) => n.title)).not.toContain('Wire agency copyright')
    } finally {
      await app.payload.update({ collection: 'legal-notices', id: wire.id, data: { deletedAt: null }, trash: true })
    }
    expect((await byCode('IANS')).attribution.warnings).toEqual([])
  })
})
