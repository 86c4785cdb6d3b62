/**
 * Reach: which articles a notice attaches to now, counted by queries. Every count is checked
 * against a brute force: resolve every article and look for the notice in its attribution.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { insertArticles } from '../helpers/bulk'
import { http } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
let source: Record<string, number>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const sources = (await app.payload.find({ collection: 'wire-sources', limit: 0 })).docs
  source = Object.fromEntries(sources.map((s) => [s.code, s.id as number]))
  const sections = (await app.payload.find({ collection: 'sections', limit: 0 })).docs.map((s) => s.id)
  await insertArticles(app.payload, { count: 45, prefix: 'reach', sources: [...sources.map((s) => s.id), null], sections })
  // A NASA image credit on a wire story, and a draft nobody outside the newsroom may see.
  await app.payload.create({
    collection: 'articles',
    data: { headline: 'Wire story with a NASA picture', source: source.UPI, additionalSources: [source.NASA], _status: 'published' },
  })
  await app.payload.create({ collection: 'articles', data: { headline: 'Embargoed', source: source.ESA, _status: 'draft' }, draft: true })
  // A notice kept to one site, for wire copy only: the brute force below checks it like the rest.
  const [site] = (await app.payload.find({ collection: 'sites', where: { domain: { equals: 'frontierdefense.example' } } })).docs
  await app.payload.create({
    collection: 'legal-notices',
    data: {
      title: 'Frontier Defense wire terms',
      kind: 'jurisdiction',
      appliesTo: { scope: 'source-kinds', sourceKinds: ['news-agency'], sites: [site.id] },
      body: paragraph('Wire copy on {{site.name}} follows its own terms.'),
      _status: 'published',
    },
  })
}, 120_000)
afterAll(async () => app?.stop())

/** The published articles whose resolved attribution carries the notice: the slow, sure way. */
const bruteForce = async (noticeId: number | string) => {
  const { docs } = await app.payload.find({ collection: 'articles', limit: 0, depth: 0, where: { _status: { equals: 'published' } } })
  return docs.filter((doc) => doc.attribution?.notices?.some((n) => String(n.id) === String(noticeId))).map((doc) => doc.id)
}

describe('GET /api/legal-notices/:id/reach', () => {
  it('counts what the resolver attaches, for every published notice', async () => {
    const { docs: notices } = await app.payload.find({ collection: 'legal-notices', limit: 0 })
    expect(notices.length).toBeGreaterThanOrEqual(9)
    for (const notice of notices) {
      const expected = await bruteForce(notice.id)
      const res = await api.rest('GET', `legal-notices/${notice.id}/reach?limit=100`)
      expect(res.status).toBe(200)
      expect(res.body.inForce).toBe(true)
      expect({ notice: notice.title, total: res.body.totalDocs }).toEqual({ notice: notice.title, total: expected.length })
      expect(res.body.docs.map((d: { id: number }) => d.id).sort()).toEqual([...expected].sort())
    }
  })

  it('keeps a site-limited notice to its site', async () => {
    const [kept] = (await app.payload.find({ collection: 'legal-notices', where: { title: { equals: 'Frontier Defense wire terms' } } })).docs
    const res = await api.rest('GET', `legal-notices/${kept.id}/reach?limit=100`)
    expect(res.body.totalDocs).toBeGreaterThan(0)
    const { docs } = await app.payload.find({ collection: 'articles', where: { id: { in: res.body.docs.map((d: { id: number }) => d.id) } }, depth: 2, limit: 0, context: { attribution: 'full' } })
    for (const doc of docs) {
      const section = doc.section as { site: { domain: string } }
      expect(section.site.domain).toBe('frontierdefense.example')
      expect(doc.attribution?.notices?.find((n) => n.title === 'Frontier Defense wire terms')?.text).toBe('Wire copy on Frontier Defense follows its own terms.')
    }
  })

  it('sees an additional source: the public-domain line reaches the UPI story with a NASA picture', async () => {
    const [pd] = (await app.payload.find({ collection: 'legal-notices', where: { kind: { equals: 'public-domain' } } })).docs
    const res = await api.rest('GET', `legal-notices/${pd.id}/reach?limit=100`)
    expect(res.body.docs.map((d: { headline: string }) => d.headline)).toContain('Wire story with a NASA picture')
  })

  it('pages through the articles', async () => {
    const [all] = (await app.payload.find({ collection: 'legal-notices', where: { title: { equals: 'Network copyright' } } })).docs
    const first = await api.rest('GET', `legal-notices/${all.id}/reach?limit=5&page=1`)
    const second = await api.rest('GET', `legal-notices/${all.id}/reach?limit=5&page=2`)
    expect(first.body).toMatchObject({ page: 1, limit: 5, hasNextPage: true })
    expect(first.body.totalPages).toBe(Math.ceil(first.body.totalDocs / 5))
    expect(first.body.docs).toHaveLength(5)
    const ids = (r: typeof first) => r.body.docs.map((d: { id: number }) => d.id)
    expect(ids(second).filter((id: number) => ids(first).includes(id))).toEqual([])
  })

  it('a draft is counted for those who may read it', async () => {
    const [all] = (await app.payload.find({ collection: 'legal-notices', where: { title: { equals: 'Network copyright' } } })).docs
    const anonymous = await api.rest('GET', `legal-notices/${all.id}/reach?limit=1`)
    const editor = await api.rest('GET', `legal-notices/${all.id}/reach?limit=1`, { headers: await app.auth('editor') })
    expect(editor.body.totalDocs).toBe(anonymous.body.totalDocs + 1)
  })

  it('a notice not in force yet says so, and whom it will reach', async () => {
    const later = await app.payload.create({
      collection: 'legal-notices',
      data: { title: 'Later', kind: 'gdpr', appliesTo: { scope: 'all' }, effectiveFrom: '2099-01-01T00:00:00.000Z', body: paragraph('Later.'), _status: 'published' },
    })
    const everything = (await api.rest('GET', `articles?limit=1`)).body.totalDocs
    const res = await api.rest('GET', `legal-notices/${later.id}/reach`)
    expect(res.body).toMatchObject({ inForce: false, reason: 'in force from 2099-01-01T00:00:00.000Z', totalDocs: everything })

    const draft = await app.payload.create({
      collection: 'legal-notices',
      data: { title: 'Unapproved', kind: 'gdpr', appliesTo: { scope: 'all' }, body: paragraph('Draft.'), _status: 'draft' },
      draft: true,
    })
    expect((await api.rest('GET', `legal-notices/${draft.id}/reach`)).status).toBe(404)
    const staff = await api.rest('GET', `legal-notices/${draft.id}/reach?draft=true`, { headers: await app.auth('compliance') })
    expect(staff.body).toMatchObject({ inForce: false, reason: 'not published' })
    expect(staff.body.totalDocs).toBeGreaterThan(0)
  })

  it('bad paging or a collection that is not attributed is a 400 naming the parameter; an unknown notice a 404', async () => {
    const [any] = (await app.payload.find({ collection: 'legal-notices', limit: 1 })).docs
    expect((await api.rest('GET', `legal-notices/${any.id}/reach?page=0`)).body.errors[0].message).toMatch(/^page/)
    expect((await api.rest('GET', `legal-notices/${any.id}/reach?limit=1000`)).status).toBe(400)
    const users = await api.rest('GET', `legal-notices/${any.id}/reach?collection=users`)
    expect(users).toMatchObject({ status: 400, body: { errors: [{ message: 'collection: "users" is not an attributed collection (articles).' }] } })
    expect((await api.rest('GET', `legal-notices/${any.id}/reach?collection=articles`)).body).toMatchObject({ collection: 'articles' })
    expect((await api.rest('GET', 'legal-notices/999999/reach')).status).toBe(404)
  })
})
