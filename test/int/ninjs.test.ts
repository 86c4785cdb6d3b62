import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { REST_GET } from '@payloadcms/next/routes'
import { buildNinjs } from '@wirehouse/payload-plugin-attribution'

import { wellFormedRest } from '@/api/wellFormed'

import { http, type Json } from '../helpers/http'
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

const SCHEMA = {
  '2.2': 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#',
  '3.1': 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
}
/** The Content-Type a GET answers with (the http helper gives status and body only). */
const contentType = async (pathAndQuery: string, headers: Record<string, string>) => {
  const url = new URL(`http://localhost:3000/api/${pathAndQuery}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
  const response = await wellFormedRest(app.config, REST_GET(app.config))(new Request(url, { headers }), { params: Promise.resolve({ slug }) })
  return response.headers.get('content-type')
}

const ORIGINATOR = 'http://cv.iptc.org/newscodes/contentprodpartyrole/originfo'
const CONTRIBUTOR = 'http://cv.iptc.org/newscodes/contentprodpartyrole/contentSource'

/** The seeded story of a source (tests add more stories of the same sources). */
const articleBy = async (code: string) => {
  const found = await app.payload.find({ collection: 'articles', where: { externalId: { equals: `sample-${code.toLowerCase()}-0001` } }, depth: 1, limit: 2, context: { attribution: 'full' } })
  expect(found.docs).toHaveLength(1)
  return found.docs[0] as Json
}

const sourceId = async (code: string) =>
  (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: code } }, limit: 1, depth: 0 })).docs[0].id

/** The export of an article, checked against the schema it declares. */
const exported = async (id: number | string, query = '', headers?: Record<string, string>) => {
  const res = await api.rest('GET', `articles/${id}/ninjs${query}`, { headers })
  expect(res.status).toBe(200)
  expect(ninjsProblems(res.body)).toEqual([])
  return res.body
}

describe('GET /api/articles/:id/ninjs', () => {
  it.each(['AFP', 'UPI', 'IANS', 'NASA', 'ESA', 'SPX'])('%s: a full ninjs 2.2 item by default and 3.1 on request, each valid', async (code) => {
    const article = await articleBy(code)
    const v22 = await exported(article.id)
    expect(v22).toMatchObject({
      uri: `urn:wirehouse:articles:${article.id}`,
      standard: { name: 'ninjs', version: '2.2', schema: SCHEMA['2.2'] },
      type: 'text',
      representationtype: 'full',
      pubstatus: 'usable',
      firstcreated: new Date(article.dateline.date).toISOString(),
      versioncreated: new Date(article.updatedAt).toISOString(),
      headlines: [{ role: 'main', contenttype: 'text/plain', value: article.headline }],
      by: article.attribution.byline,
      located: article.dateline.place,
      places: [{ name: article.dateline.place, rel: 'located' }],
      descriptions: [{ role: 'summary', contenttype: 'text/plain', value: article.summary }],
      subjects: [{ name: article.section.name, rel: 'section', uri: `urn:wirehouse:sections:${article.section.id}`, literal: article.section.slug }],
      infosources: [{ name: article.source.name, role: ORIGINATOR, literal: code }],
    })
    expect(v22.bodies.map((b: Json) => b.contenttype)).toEqual(['text/html', 'text/plain'])
    expect(v22.bodies[0].value).toMatch(/^<p>/)
    expect(v22.bodies[1].value).not.toContain('<')
    expect(v22.bodies[1].wordcount).toBeGreaterThan(20)

    const v31 = await exported(article.id, '?version=3.1')
    expect(v31).toMatchObject({
      standard: { name: 'ninjs', version: '3.1', schema: SCHEMA['3.1'] },
      representationType: 'full',
      pubStatus: 'usable',
      firstCreated: v22.firstcreated,
      versionCreated: v22.versioncreated,
      infoSources: [{ name: article.source.name, role: ORIGINATOR, literal: code }],
      headlines: [{ role: 'main', contentType: 'text/plain', value: article.headline }],
    })
    // The same item in each version's own spelling, nothing of the other's.
    expect(Object.keys(v31).filter((key) => key !== key.toLowerCase())).not.toHaveLength(0)
    expect(Object.keys(v22).filter((key) => key !== key.toLowerCase())).toEqual([])
  })

  it('rights in each version’s own spelling: wire copy names its holder, the notice and the usage terms', async () => {
    const afp = await articleBy('AFP')
    const v22 = await exported(afp.id)
    expect(v22.copyrightholder).toBe('Agence France-Presse')
    expect(v22.copyrightnotice).toContain('copyright Agence France-Presse')
    expect(v22.usageterms).toMatch(/All rights reserved/)
    for (const key of ['copyrightHolder', 'copyrightNotice', 'usageTerms', 'infoSources']) expect(v22).not.toHaveProperty(key)
    const v31 = await exported(afp.id, '?version=3.1')
    expect(v31).toMatchObject({ copyrightHolder: v22.copyrightholder, copyrightNotice: v22.copyrightnotice, usageTerms: v22.usageterms })
    for (const key of ['copyrightholder', 'copyrightnotice', 'usageterms', 'infosources']) expect(v31).not.toHaveProperty(key)
  })

  it('a public-domain story names no copyright holder, in either version', async () => {
    const nasa = await articleBy('NASA')
    expect(nasa.attribution.copyrightHolder).toBeNull()
    const v22 = await exported(nasa.id)
    expect(v22).not.toHaveProperty('copyrightholder')
    expect(v22.usageterms).toMatch(/Public domain/)
    expect(v22.rightsinfo).toEqual({ linkedrights: 'https://creativecommons.org/publicdomain/mark/1.0/' })
    const publicDomain = nasa.attribution.notices.find((n: Json) => n.kind === 'public-domain')
    expect(v22.copyrightnotice).toContain(publicDomain.text)
    const v31 = await exported(nasa.id, '?version=3.1')
    expect(v31).not.toHaveProperty('copyrightHolder')
    expect(v31.rightsInfo).toEqual({ linkedRights: 'https://creativecommons.org/publicdomain/mark/1.0/' })
  })

  it('related links become associations; the seeded story’s link is there', async () => {
    const afp = await articleBy('AFP')
    const [link] = afp.relatedLinks
    for (const version of ['2.2', '3.1']) {
      const item = await exported(afp.id, `?version=${version}`)
      expect(item.associations).toEqual([{ name: link.label, uri: link.url, renditions: [{ name: 'web', href: link.url }] }])
    }
  })

  it('several sources: every one is an info source with its role', async () => {
    const doc = await app.payload.create({
      collection: 'articles',
      data: {
        headline: 'Joint mission review names three partners',
        source: await sourceId('AFP'),
        additionalSources: [await sourceId('NASA'), await sourceId('ESA')],
        dateline: { place: 'Noordwijk', date: '2024-09-10T00:00:00.000Z' },
        body: paragraph('Three agencies reviewed the mission together.'),
        _status: 'published',
      },
    })
    const v22 = await exported(doc.id)
    expect(v22.infosources).toEqual([
      { name: 'Agence France-Presse', role: ORIGINATOR, literal: 'AFP' },
      expect.objectContaining({ role: CONTRIBUTOR, literal: 'NASA' }),
      expect.objectContaining({ role: CONTRIBUTOR, literal: 'ESA' }),
    ])
    expect(v22.copyrightholder).toContain('Agence France-Presse')
    expect(v22.copyrightholder).toContain('European Space Agency')
    const v31 = await exported(doc.id, '?version=3.1')
    expect(v31.infoSources).toHaveLength(3)
  })

  it('a draft with no source: withheld for editors (the publisher’s own copy), not found for anonymous readers', async () => {
    const draft = await app.payload.create({
      collection: 'articles',
      data: { headline: 'Unsourced draft for the ninjs test', _status: 'draft' },
      draft: true,
    })
    expect((await api.rest('GET', `articles/${draft.id}/ninjs`)).status).toBe(404)
    const { name: publisher } = await app.payload.findGlobal({ slug: 'publisher' })
    expect(publisher).toBeTruthy()
    const editor = await app.auth('editor')
    for (const [query, status] of [['', 'pubstatus'], ['?version=3.1', 'pubStatus']]) {
      const item = await exported(draft.id, query, editor)
      expect(item[status]).toBe('withheld')
      expect(item).not.toHaveProperty(query ? 'infoSources' : 'infosources')
      // The publisher's own copy: its holder is the publisher.
      expect(item[query ? 'copyrightHolder' : 'copyrightholder']).toBe(publisher)
      // No dateline and no publication: first created when the document was.
      expect(item[query ? 'firstCreated' : 'firstcreated']).toBe(new Date(draft.createdAt).toISOString())
    }
  })

  it('content negotiation: Accept asks for a version; an unsupported one is refused naming the supported ones', async () => {
    const esa = await articleBy('ESA')
    const path = `articles/${esa.id}/ninjs`
    const accepted = await api.rest('GET', path, { headers: { Accept: 'application/ninjs+json;version=3.1' } })
    expect(accepted.status).toBe(200)
    expect(accepted.body.standard.version).toBe('3.1')
    expect(await contentType(path, { Accept: 'application/ninjs+json;version=3.1' })).toBe('application/ninjs+json; version=3.1')
    expect(ninjsProblems(accepted.body)).toEqual([])

    const preferred = await api.rest('GET', path, { headers: { Accept: 'application/ninjs+json;version=1.6, application/ninjs+json;version="2.2";q=0.5' } })
    expect(preferred.body.standard.version).toBe('2.2')
    const plain = await api.rest('GET', path, { headers: { Accept: 'application/json' } })
    expect(plain.body.standard.version).toBe('2.2')
    expect(await contentType(path, { Accept: 'application/json' })).toContain('application/json')
    expect((await api.rest('GET', `${path}?version=3`)).body.standard.version).toBe('3.1')

    const refused = await api.rest('GET', path, { headers: { Accept: 'application/ninjs+json;version=1.6' } })
    expect(refused.status).toBe(406)
    expect(refused.body.errors[0].message).toMatch(/1\.6.*2\.2, 3\.1/)
    const unsupported = await api.rest('GET', `${path}?version=4.0`)
    expect(unsupported.status).toBe(406)
    expect(unsupported.body.errors[0].message).toMatch(/4\.0.*2\.2, 3\.1/)
    const malformed = await api.rest('GET', `${path}?version=latest`)
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].message).toMatch(/^version: "latest" is not a ninjs version number.*2\.2, 3\.1/)
    expect((await api.rest('GET', `${path}?version[]=3.1`)).status).toBe(400)
  })
})

describe('parts the seed does not exercise', () => {
  it('the canonical URL (attribution.jsonLd.url), a CC licence and related links without a URL validate in both versions', async () => {
    const afp = await articleBy('AFP')
    const attribution = { ...afp.attribution, license: 'cc-by', jsonLd: { ...afp.attribution.jsonLd, url: 'https://orbitaltimes.example/superpowers/rival-blocs' } }
    const doc = { ...afp, relatedLinks: [...afp.relatedLinks, { label: 'To complete', url: '' }] }
    const fields = { source: 'source', additionalSources: 'additionalSources', headline: 'headline', byline: 'byline', slug: 'slug', publishedAt: 'publishedAt', dateline: 'dateline', summary: 'summary', body: 'body', section: 'section', relatedLinks: 'relatedLinks', externalId: 'externalId', wireRights: 'wireRights', embargoUntil: 'embargoUntil', withdrawn: 'withdrawn' }
    for (const version of ['2.2', '3.1'] as const) {
      const item = buildNinjs({ doc, attribution, collection: 'articles', fields, version, sectionCollection: 'sections' })
      expect(ninjsProblems(item)).toEqual([])
      expect(item.renditions).toEqual([expect.objectContaining({ name: 'web', href: 'https://orbitaltimes.example/superpowers/rival-blocs' })])
      expect(item.associations).toEqual([expect.objectContaining({ uri: afp.relatedLinks[0].url })])
    }
  })

  it('the validator refuses what the old export wrote', () => {
    const old = { uri: 'urn:wirehouse:articles:1', representationtype: 'complete', headline: 'x', body_html: '<p>x</p>', standard: { name: 'ninjs', version: '2.2', schema: SCHEMA['2.2'] } }
    expect(ninjsProblems(old).join('\n')).toMatch(/representationtype.*allowed values[\s\S]*unevaluated/)
    expect(ninjsProblems({ uri: 'urn:x:1' })).toEqual(['standard.schema: the item declares no schema'])
  })
})

describe('GET /api/articles/ninjs: the feed', () => {
  const feed = async (query: string, headers?: Record<string, string>) => {
    const res = await api.rest('GET', `articles/ninjs${query}`, { headers })
    expect(res.status).toBe(200)
    for (const item of res.body.items) expect(ninjsProblems(item)).toEqual([])
    return res.body
  }

  it('is its own route, not an article id: a page of valid items in the version asked', async () => {
    const page = await feed('?sort=id')
    expect(page).toMatchObject({ standard: { name: 'ninjs', version: '2.2', schema: SCHEMA['2.2'] }, page: 1, limit: 10 })
    expect(page.items.length).toBeGreaterThanOrEqual(6)
    expect(page.items.every((item: Json) => item.standard.version === '2.2')).toBe(true)
    const v31 = await feed('?version=3.1&limit=3')
    expect(v31.standard.version).toBe('3.1')
    expect(v31.items).toHaveLength(3)
    expect(v31.items.every((item: Json) => item.standard.schema === SCHEMA['3.1'] && 'infoSources' in item)).toBe(true)
    const accepted = await feed('?limit=1', { Accept: 'application/ninjs+json;version=3.1' })
    expect(accepted.items[0].standard.version).toBe('3.1')
    // A page is not a ninjs item: it is labelled as plain JSON.
    expect(await contentType('articles/ninjs?limit=1', { Accept: 'application/ninjs+json;version=3.1' })).toContain('application/json')
  })

  it('filters with where as the list does, and pages', async () => {
    const upi = await feed('?where[source.code][equals]=UPI')
    expect(upi.items).toHaveLength(1)
    expect(upi.items[0].infosources[0].literal).toBe('UPI')
    const json = await feed(`?where=${encodeURIComponent(JSON.stringify({ 'source.code': { in: ['NASA', 'ESA'] } }))}&sort=id`)
    expect(json.items.map((item: Json) => item.infosources[0].literal).sort()).toEqual(['ESA', 'NASA'])

    const all = await feed('?sort=id&limit=100')
    const second = await feed('?sort=id&limit=2&page=2')
    expect(second).toMatchObject({ page: 2, limit: 2, totalDocs: all.totalDocs, totalPages: Math.ceil(all.totalDocs / 2), prevPage: 1 })
    expect(second.items.map((item: Json) => item.uri)).toEqual(all.items.slice(2, 4).map((item: Json) => item.uri))
    expect(second.nextPage).toBe(all.totalDocs > 4 ? 3 : null)
  })

  it('anonymous readers see no drafts; editors see them withheld', async () => {
    const draft = await app.payload.create({ collection: 'articles', data: { headline: 'Feed draft, not for readers', _status: 'draft' }, draft: true })
    const uri = `urn:wirehouse:articles:${draft.id}`
    const anonymous = await feed('?limit=100')
    expect(anonymous.items.map((item: Json) => item.uri)).not.toContain(uri)
    expect(anonymous.items.every((item: Json) => item.pubstatus === 'usable')).toBe(true)
    const editor = await feed(`?where[id][equals]=${draft.id}`, await app.auth('editor'))
    expect(editor.items).toEqual([expect.objectContaining({ uri, pubstatus: 'withheld' })])
  })

  it('refuses what it cannot answer with a 400 naming the problem, for admins too', async () => {
    const cases: [string, RegExp, Record<string, string>?][] = [
      ['?limit=101', /limit/],
      ['?limit=500', /limit/, await app.auth('admin')],
      ['?limit=0', /limit/],
      ['?page=0', /page/],
      ['?where=not-json', /where/],
      [`?where=${encodeURIComponent('[1]')}`, /where/],
      ['?where[publishedAt][equals]=yesterday-ish', /publishedAt/],
      ['?where[nosuchfield][equals]=1', /nosuchfield/],
      ['?sort=nosuchfield', /nosuchfield/],
      ['?version=2.x', /version/],
    ]
    for (const [query, message, headers] of cases) {
      const res = await api.rest('GET', `articles/ninjs${query}`, { headers })
      expect({ query, status: res.status }).toEqual({ query, status: 400 })
      expect(res.body.errors[0].message).toMatch(message)
    }
    expect((await api.rest('GET', 'articles/ninjs?version=9.9')).status).toBe(406)
  })
})
