import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { migrationsFor } from '@/database'
import { seed } from '@/seed'
import * as sample from '@/seed/data'
import { http } from '../helpers/http'
import { databaseUnderTest, startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
})
afterAll(async () => app?.stop())

const sourceId = async (code: string) => {
  const { docs } = await app.payload.find({ collection: 'wire-sources', where: { code: { equals: code } } })
  return docs[0].id
}

describe('the sample network', () => {
  it('has the publisher, three sites with sections and the six sources', async () => {
    const publisher = await app.payload.findGlobal({ slug: 'publisher' })
    expect(publisher).toMatchObject({ name: sample.publisher.name, copyrightStartYear: 1995, jurisdiction: 'Australia' })

    const sites = await app.payload.find({ collection: 'sites', limit: 0 })
    expect(sites.totalDocs).toBeGreaterThanOrEqual(3)
    for (const site of sites.docs) {
      const { totalDocs } = await app.payload.count({ collection: 'sections', where: { site: { equals: site.id } } })
      expect(totalDocs).toBeGreaterThan(0)
    }

    const sources = await app.payload.find({ collection: 'wire-sources', limit: 0, sort: 'code' })
    expect(sources.docs.map((s) => [s.code, s.kind, s.license])).toEqual([
      ['AFP', 'news-agency', 'copyright'],
      ['ESA', 'space-agency', 'copyright'],
      ['IANS', 'news-agency', 'copyright'],
      ['NASA', 'government', 'public-domain'],
      ['SPX', 'staff', 'copyright'],
      ['UPI', 'news-agency', 'copyright'],
    ])
  })

  it('has a published notice of every kind the reference page carries', async () => {
    const notices = await app.payload.find({ collection: 'legal-notices', limit: 0, where: { _status: { equals: 'published' } } })
    const kinds = new Set(notices.docs.map((n) => n.kind))
    for (const kind of ['copyright', 'source-copyright', 'public-domain', 'staff-writers', 'advertising', 'gdpr', 'privacy', 'jurisdiction']) {
      expect(kinds).toContain(kind)
    }
    const gdpr = notices.docs.find((n) => n.kind === 'gdpr')!
    expect(new Date(gdpr.effectiveFrom!).toISOString()).toBe('2018-05-25T00:00:00.000Z')
    const nasa = notices.docs.find((n) => n.kind === 'public-domain')!
    expect(nasa.appliesTo).toMatchObject({ scope: 'licenses', licenses: ['public-domain'] })
  })

  it('has one published sample article per source, readable over REST and GraphQL', async () => {
    for (const { code } of sample.sources) {
      const rest = await api.rest('GET', `articles?where[source.code][equals]=${code}&depth=1`)
      expect(rest.status).toBe(200)
      expect(rest.body.totalDocs).toBe(1)
      const [article] = rest.body.docs
      expect(article).toMatchObject({ _status: 'published', source: { code } })
      expect(article.slug).toMatch(/^[a-z0-9-]+$/)

      const gql = await api.graphql(
        `query ($slug: String!) { Articles(where: { slug: { equals: $slug } }) { docs { headline source { code name } section { name site { name } } } } }`,
        { variables: { slug: article.slug } },
      )
      expect(gql.body.errors).toBeUndefined()
      expect(gql.body.data.Articles.docs).toEqual([
        expect.objectContaining({ headline: article.headline, source: expect.objectContaining({ code }) }),
      ])
    }
  })

  it('seeds idempotently and never overwrites later edits', async () => {
    const before = await Promise.all(
      (['articles', 'wire-sources', 'legal-notices', 'sections', 'sites', 'users'] as const).map(
        async (collection) => (await app.payload.count({ collection })).totalDocs,
      ),
    )
    const { docs } = await app.payload.find({ collection: 'articles', where: { externalId: { equals: 'sample-afp-0001' } } })
    await app.payload.update({ collection: 'articles', id: docs[0].id, data: { summary: 'Edited by an editor.' } })

    const result = await seed(app.payload, { log: () => undefined })
    expect(result.created).toEqual({})

    const after = await Promise.all(
      (['articles', 'wire-sources', 'legal-notices', 'sections', 'sites', 'users'] as const).map(
        async (collection) => (await app.payload.count({ collection })).totalDocs,
      ),
    )
    expect(after).toEqual(before)
    const edited = await app.payload.findByID({ collection: 'articles', id: docs[0].id })
    expect(edited.summary).toBe('Edited by an editor.')
  })
})

describe('articles', () => {
  it('makes a unique slug from the headline, transliterating accents', async () => {
    const doc = await app.payload.create({
      collection: 'articles',
      data: { headline: 'Élysée and Ankara sign a launch pact', _status: 'draft' },
    })
    expect(doc.slug).toBe('elysee-and-ankara-sign-a-launch-pact')

    const typed = await app.payload.create({
      collection: 'articles',
      data: { headline: 'Another story', slug: '  My Own Slug! ', _status: 'draft' },
    })
    expect(typed.slug).toBe('my-own-slug')
  })

  it('stamps publishedAt on first publish and keeps it afterwards', async () => {
    const draft = await app.payload.create({
      collection: 'articles',
      data: { headline: 'Draft without a source', _status: 'draft' },
    })
    expect(draft.publishedAt).toBeFalsy()

    const published = await app.payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published', source: await sourceId('UPI') },
    })
    expect(published.publishedAt).toBeTruthy()
    const stamp = published.publishedAt

    const edited = await app.payload.update({ collection: 'articles', id: draft.id, data: { summary: 'Later edit' } })
    expect(edited.publishedAt).toBe(stamp)
  })

  it('keeps every save as a version, drafts hidden from the published read', async () => {
    const doc = await app.payload.create({
      collection: 'articles',
      data: { headline: 'Versioned story', _status: 'published', source: await sourceId('AFP') },
    })
    await app.payload.update({ collection: 'articles', id: doc.id, draft: true, data: { headline: 'Versioned story, revised draft' } })

    const versions = await app.payload.countVersions({ collection: 'articles', where: { parent: { equals: doc.id } } })
    expect(versions.totalDocs).toBe(2)

    const published = await api.rest('GET', `articles/${doc.id}`)
    expect(published.body.headline).toBe('Versioned story')
    const latestDraft = await app.payload.findByID({ collection: 'articles', id: doc.id, draft: true })
    expect(latestDraft.headline).toBe('Versioned story, revised draft')
  })
})

describe('schema', () => {
  const kind = databaseUnderTest()
  const sql = kind === 'sqlite' || kind === 'postgres'

  ;(sql ? it : it.skip)('comes from the committed migrations, all applied', async () => {
    const applied = await app.payload.find({ collection: 'payload-migrations', limit: 0 })
    const names = applied.docs.map((m) => m.name).sort()
    expect(names).toEqual(migrationsFor(kind as 'postgres' | 'sqlite').map((m) => m.name).sort())
    expect(names.length).toBeGreaterThan(0)
  })
})
