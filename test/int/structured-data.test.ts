/**
 * `attribution.jsonLd` over REST and GraphQL (issue 16, items 4–6): a schema.org NewsArticle
 * complete on its own for every seeded source kind, valid against the schema.org vocabulary as
 * search engines read it and against Google's Article guidelines; the publisher's logo once one is
 * uploaded; the story's own year; copy without a source attributed to the wire's rights holder.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'
import { tinyPng } from '../helpers/png'
import { articleProblems, pageWith, schemaOrgIssues } from '../helpers/structuredData'

const SERVER_URL = 'https://wire.example'
const saved = { SERVER_URL: process.env.SERVER_URL, MEDIA_DIR: process.env.MEDIA_DIR }
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wh-media-'))

let app: TestApp
let api: ReturnType<typeof http>
let logoUrl: string
let story: Json

const LD_FIELDS = `slug _status section { slug site { domain } } source { code } attribution { copyrightYear license jsonLd }`

/** The address the site answers on for a published article: https://<site.domain>/<section.slug>/<slug>. */
const expectedUrl = (doc: Json) => `https://${doc.section.site.domain}/${doc.section.slug}/${doc.slug}`

beforeAll(async () => {
  // Read when the config is built: the server URL makes the logo's URL absolute; files go to a temp dir.
  process.env.SERVER_URL = SERVER_URL
  process.env.MEDIA_DIR = mediaDir
  app = await startApp()
  api = http(app.config)
  const png = tinyPng(8, 2)
  const logo = await app.payload.create({
    collection: 'media',
    data: { alt: 'Orbit Media Network' },
    file: { data: png, mimetype: 'image/png', name: 'logo.png', size: png.length },
  })
  await app.payload.updateGlobal({ slug: 'publisher', data: { logo: logo.id } })
  logoUrl = `${SERVER_URL}/api/media/file/${logo.filename}`

  const [afp] = (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: 'AFP' } } })).docs
  const [section] = (await app.payload.find({ collection: 'sections', where: { slug: { equals: 'superpowers' } } })).docs
  story = await app.payload.create({
    collection: 'articles',
    data: {
      headline: 'A 2019 agency story republished today',
      byline: 'By Jane Doe, AFP correspondent',
      source: afp.id,
      section: section.id,
      dateline: { place: 'Astana', date: '2019-05-14T00:00:00.000Z' },
      publishedAt: new Date().toISOString(),
      summary: 'Filed by the wire in 2019.',
      body: paragraph('Text.') as never,
      _status: 'published',
    },
  })
})

afterAll(async () => {
  await app?.stop()
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

const restDocs = async (): Promise<Json[]> => {
  const rest = await api.rest('GET', 'articles?depth=2&limit=100&where[_status][equals]=published')
  expect(rest.status).toBe(200)
  return rest.body.docs
}

describe('attribution.jsonLd, as REST and GraphQL give it', () => {
  it('is complete and valid for an article of each seeded source kind (REST, anonymous)', async () => {
    const docs = await restDocs()
    const codes = new Set(docs.map((doc) => doc.source?.code))
    expect([...codes].sort()).toEqual(['AFP', 'ESA', 'IANS', 'NASA', 'SPX', 'UPI'])
    for (const doc of docs) {
      const ld = doc.attribution.jsonLd
      const publicDomain = doc.attribution.license === 'public-domain'
      expect({ slug: doc.slug, problems: articleProblems(ld, { url: expectedUrl(doc), publicDomain }) }).toEqual({ slug: doc.slug, problems: [] })
      expect({ slug: doc.slug, issues: await schemaOrgIssues(pageWith(ld)) }).toEqual({ slug: doc.slug, issues: [] })
      expect(ld.publisher.logo).toEqual({ '@type': 'ImageObject', url: logoUrl, width: 8, height: 2 })
      expect(ld.headline).toBe(doc.headline)
    }
    // The checks are live: they catch a misspelt property and a missing one.
    const [first] = docs
    expect(await schemaOrgIssues(pageWith({ ...first.attribution.jsonLd, copyrightYer: 2019 }))).toEqual([expect.stringMatching(/copyrightYer/)])
    expect(articleProblems({ ...first.attribution.jsonLd, dateModified: '2024-07-03' })).toEqual(['dateModified: ISO 8601 with a zone'])
  })

  it('names the agency as author of its staff copy and the publisher of its own desk’s', async () => {
    const docs = await restDocs()
    const authorOf = (code: string) => docs.find((doc) => doc.source.code === code && doc.slug !== story.slug)?.attribution.jsonLd.author
    expect(authorOf('AFP')).toEqual({ '@type': 'Organization', name: 'Agence France-Presse' })
    expect(authorOf('NASA')).toEqual({ '@type': 'Organization', name: 'National Aeronautics and Space Administration' })
    expect(authorOf('SPX')).toEqual({ '@type': 'Organization', name: 'Orbit Media Network' })
    expect(docs.find((doc) => doc.slug === story.slug)?.attribution.jsonLd.author).toEqual({ '@type': 'Person', name: 'Jane Doe' })
  })

  it('is the same JSON scalar in GraphQL', async () => {
    const gql = await api.graphql(`{ Articles(limit: 100, where: { _status: { equals: published } }) { docs { ${LD_FIELDS} } } }`)
    expect(gql.body.errors).toBeUndefined()
    const docs: Json[] = gql.body.data.Articles.docs
    expect(docs.length).toBeGreaterThanOrEqual(7)
    const rest = new Map((await restDocs()).map((doc) => [doc.slug, doc.attribution.jsonLd]))
    for (const doc of docs) {
      expect(typeof doc.attribution.jsonLd).toBe('object')
      expect(articleProblems(doc.attribution.jsonLd, { url: expectedUrl(doc), publicDomain: doc.attribution.license === 'public-domain' })).toEqual([])
      expect(doc.attribution.jsonLd).toEqual(rest.get(doc.slug))
    }
  })

  it('dates a 2019 agency story published today 2019 (REST and GraphQL)', async () => {
    const rest = await api.rest('GET', `articles/${story.id}`)
    expect(rest.body.attribution.copyrightYear).toBe(2019)
    expect(rest.body.attribution.jsonLd).toMatchObject({ copyrightYear: 2019, datePublished: new Date(story.publishedAt).toISOString() })
    const gql = await api.graphql(`query ($id: Int!) { Article(id: $id) { attribution { copyrightYear jsonLd } } }`, { variables: { id: story.id } })
    expect(gql.body.data.Article.attribution).toMatchObject({ copyrightYear: 2019, jsonLd: { copyrightYear: 2019 } })
  })

  it('gives a draft no url, and keeps the rest complete', async () => {
    const draft = await app.payload.update({ collection: 'articles', id: story.id, data: { summary: 'Changed in a draft.' }, draft: true })
    const rest = await api.rest('GET', `articles/${draft.id}?draft=true`, { headers: await app.auth('editor') })
    const ld = rest.body.attribution.jsonLd
    expect(ld).not.toHaveProperty('url')
    expect(ld).not.toHaveProperty('mainEntityOfPage')
    expect(ld).toMatchObject({ description: 'Changed in a draft.', copyrightYear: 2019 })
  })

  it('selects only attribution and still gets the whole NewsArticle', async () => {
    const rest = await api.rest('GET', `articles/${story.id}?select[attribution][jsonLd]=true`)
    expect(Object.keys(rest.body).sort()).toEqual(['attribution', 'id'])
    expect(articleProblems(rest.body.attribution.jsonLd, { url: `https://frontierdefense.example/superpowers/${story.slug}` })).toEqual([])
  })
})

describe('an article without a source', () => {
  it('is attributed to the rights holder its wire named, for the newsroom and in the JSON-LD', async () => {
    const draft = await app.payload.create({
      collection: 'articles',
      draft: true,
      data: {
        headline: 'An unmatched wire story',
        byline: 'Staff Writers',
        dateline: { place: 'London', date: '2021-02-03T00:00:00.000Z' },
        wireRights: { holder: 'Thomson Reuters', notice: '© 2021 Thomson Reuters', usageTerms: 'Not for resale' },
        _status: 'draft',
      },
    })
    for (const role of ['editor', 'compliance'] as const) {
      const rest = await api.rest('GET', `articles/${draft.id}?draft=true`, { headers: await app.auth(role) })
      expect(rest.status).toBe(200)
      expect(rest.body.attribution).toMatchObject({
        copyrightHolder: 'Thomson Reuters',
        credit: 'Thomson Reuters',
        copyrightYear: 2021,
        jsonLd: {
          copyrightHolder: { '@type': 'Organization', name: 'Thomson Reuters' },
          author: { '@type': 'Organization', name: 'Thomson Reuters' },
          creditText: 'Thomson Reuters',
        },
      })
    }
    // A select that leaves wireRights out still attributes to the wire's holder.
    const slim = await api.rest('GET', `articles/${draft.id}?draft=true&select[attribution]=true`, { headers: await app.auth('editor') })
    expect(slim.body.attribution.copyrightHolder).toBe('Thomson Reuters')
    expect(slim.body).not.toHaveProperty('wireRights')
  })

  it('is previewed so in the edit view’s panel, and a malformed wireRights is a 400 naming it', async () => {
    const headers = await app.auth('editor')
    const preview = await api.rest('POST', 'attribution/preview', { body: { wireRights: { holder: 'Thomson Reuters' } }, headers })
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ copyrightHolder: 'Thomson Reuters', credit: 'Thomson Reuters' })
    for (const wireRights of ['Thomson Reuters', { holder: 5 }, ['x']]) {
      const bad = await api.rest('POST', 'attribution/preview', { body: { wireRights }, headers })
      expect(bad.status).toBe(400)
      expect(JSON.stringify(bad.body)).toContain('wireRights')
    }
  })

  it('with a source, the source’s reviewed rights win over the wire’s', async () => {
    await app.payload.update({ collection: 'articles', id: story.id, data: { wireRights: { holder: 'Somebody Else' }, _status: 'published' } })
    const rest = await api.rest('GET', `articles/${story.id}`)
    expect(rest).toMatchObject({ status: 200 })
    expect(rest.body.attribution.copyrightHolder).toBe('Agence France-Presse')
    expect(rest.body.attribution.jsonLd.copyrightHolder.name).toBe('Agence France-Presse')
  })

  it('is the same for a reader who may not see wireRights (its source trashed)', async () => {
    const [upi] = (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: 'UPI' } } })).docs
    const [article] = (await app.payload.find({ collection: 'articles', where: { source: { equals: upi.id } } })).docs
    await app.payload.update({ collection: 'articles', id: article.id, data: { wireRights: { holder: 'UPI Holdings' }, _status: 'published' } })
    await app.payload.update({ collection: 'wire-sources', id: upi.id, data: { deletedAt: new Date().toISOString() } })
    const anonymous = await api.rest('GET', `articles/${article.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body).not.toHaveProperty('wireRights')
    const editor = await api.rest('GET', `articles/${article.id}`, { headers: await app.auth('editor') })
    expect(editor.body.wireRights.holder).toBe('UPI Holdings')
    for (const { body } of [anonymous, editor]) {
      expect(body.attribution.copyrightHolder).toBe('UPI Holdings')
      expect(body.attribution.jsonLd.copyrightHolder).toEqual({ '@type': 'Organization', name: 'UPI Holdings' })
    }
    expect(anonymous.body.attribution.jsonLd).toEqual(editor.body.attribution.jsonLd)
  })
})
