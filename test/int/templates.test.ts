/**
 * Stored XSS through notice templates (issue 15, item 4): a notice body holds text and
 * `{{known.variable}}` only — every other mustache construct is a 400 naming it, over REST and
 * GraphQL, in the reader's language — and whatever a source, the publisher or a site is called,
 * `attribution.html` holds nothing outside the plugin's allow-list and shows the value as text.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { translations } from '@wirehouse/payload-plugin-attribution'

import { BODY_PAYLOADS, outsideAllowList, textOf, VALUE_PAYLOADS } from '../../plugins/attribution/test/xss'
import { type Json, http } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
let admin: Record<string, string>
let compliance: Record<string, string>
let article: { id: number; siteId: number }
let sourceId: number

const ALL_VARIABLES =
  'Source {{source.name}} / {{source.code}} / {{source.credit}} / {{source.copyrightHolder}}; publisher {{publisher.name}} / {{publisher.jurisdiction}}; site {{site.name}}; {{year}}.'

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  admin = await app.auth('admin')
  compliance = await app.auth('compliance')
  const source = await api.rest('POST', 'wire-sources', {
    body: { name: 'Test Wire', code: 'TSTW', kind: 'news-agency', license: 'copyright', copyrightHolder: 'Test Wire', credit: 'TW' },
    headers: admin,
  })
  expect(source.status).toBe(201)
  sourceId = source.body.doc.id
  const notice = await api.rest('POST', 'legal-notices', {
    body: { title: 'Every variable', kind: 'source-copyright', order: 1, appliesTo: { scope: 'sources', sources: [sourceId] }, body: paragraph(ALL_VARIABLES), _status: 'published' },
    headers: admin,
  })
  expect(notice.status).toBe(201)
  const [doc] = (await app.payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, limit: 1, depth: 2 })).docs
  await app.payload.update({ collection: 'articles', id: doc.id, data: { source: sourceId, additionalSources: [] } })
  article = { id: doc.id as number, siteId: ((doc.section as Json).site as Json).id }
})
afterAll(async () => app?.stop())

const noticeCount = async () => (await app.payload.count({ collection: 'legal-notices', trash: true })).totalDocs
const versionCount = async () => (await app.payload.countVersions({ collection: 'legal-notices' })).totalDocs

describe('notice bodies: only {{known.variable}}', () => {
  it.each(BODY_PAYLOADS)('REST and GraphQL refuse %s with a 400 naming %s, and write nothing', async (body, construct) => {
    const [notices, versions] = [await noticeCount(), await versionCount()]
    const rest = await api.rest('POST', 'legal-notices?draft=true', {
      body: { title: 'Hostile', kind: 'gdpr', appliesTo: { scope: 'all' }, body: paragraph(body), _status: 'draft' },
      headers: compliance,
    })
    expect(rest.status).toBe(400)
    expect(rest.body.errors[0].name).toBe('ValidationError')
    const messages = rest.body.errors[0].data.errors.map((e: Json) => e.message).join(' ')
    expect(messages).toContain(construct)

    const gql = await api.graphql(
      'mutation ($data: mutationLegalNoticeInput!) { createLegalNotice(data: $data, draft: true) { id } }',
      { variables: { data: { title: 'Hostile', kind: 'gdpr', appliesTo: { scope: 'all' }, body: paragraph(body), _status: 'draft' } }, headers: compliance },
    )
    expect(gql.body.data?.createLegalNotice ?? null).toBeNull()
    expect(gql.body.errors[0].extensions.statusCode).toBe(400)
    expect(JSON.stringify(gql.body.errors[0].extensions.data)).toContain(JSON.stringify(construct).slice(1, -1))

    expect([await noticeCount(), await versionCount()]).toEqual([notices, versions])
  })

  it('refuses a mustache comment around a link, which once turned the link into attributes', async () => {
    const body = paragraph('Copyright {{! ')
    const text = (value: string) => ({ ...body.root.children[0].children[0], text: value })
    const link = { type: 'link', version: 3, direction: 'ltr', format: '', indent: 0, fields: { linkType: 'custom', url: 'https://example.com', newTab: false }, children: [text('AFP')] }
    ;(body.root.children[0].children as object[]) = [text('Copyright {{! '), link, text(' }} {{source.name}}.')]
    const res = await api.rest('POST', 'legal-notices?draft=true', {
      body: { title: 'Hostile', kind: 'gdpr', appliesTo: { scope: 'all' }, body, _status: 'draft' },
      headers: compliance,
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].message).toMatch(/^\{\{! AFP \}\}: a variable is split across formatting or a link/)
  })

  it('refuses an edit of a published notice to a triple mustache, leaving it as it was', async () => {
    const [notice] = (await app.payload.find({ collection: 'legal-notices', where: { title: { equals: 'Every variable' } } })).docs
    const res = await api.rest('PATCH', `legal-notices/${notice.id}`, { body: { body: paragraph('© {{{source.name}}}') }, headers: admin })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].message).toContain('{{{')
    expect((await app.payload.findByID({ collection: 'legal-notices', id: notice.id })).body).toEqual(notice.body)
  })

  it('names the construct in French and German', async () => {
    for (const language of ['fr', 'de', 'en'] as const) {
      const res = await api.rest('POST', 'legal-notices?draft=true', {
        body: { title: 'Hostile', kind: 'gdpr', appliesTo: { scope: 'all' }, body: paragraph('{{> footer}}'), _status: 'draft' },
        headers: { ...compliance, 'Accept-Language': language },
      })
      const texts = (translations as Json)[language]['plugin-attribution']
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors[0].message).toBe(
        texts['error-templateConstruct']
          .replace('{{tag}}', '{{> footer}}')
          .replace('{{what}}', texts['template-partial'])
          .replace('{{construct}}', '{{>')
          .replace('{{example}}', '{{publisher.name}}'),
      )
    }
  })
})

const check = (attribution: Json, payload: string) => {
  expect(outsideAllowList(attribution.html)).toEqual([])
  for (const notice of attribution.notices) expect(outsideAllowList(notice.html)).toEqual([])
  const own = attribution.notices.find((n: Json) => n.title === 'Every variable')
  // name, credit, holder, publisher name and jurisdiction, site name: each shown as the text it is.
  expect(textOf(own.html).split(payload)).toHaveLength(7)
  expect(own.text.split(payload)).toHaveLength(7)
  expect(attribution.credit).toBe(payload)
}

describe('every field that reaches a variable', () => {
  it.each(VALUE_PAYLOADS)('%s: text in attribution.html over REST, GraphQL and the preview, nothing outside the allow-list', async (payload) => {
    const source = await api.rest('PATCH', `wire-sources/${sourceId}`, {
      body: { name: payload, credit: payload, copyrightHolder: payload, bylineAliases: [payload] },
      headers: admin,
    })
    expect(source.status).toBe(200)
    const publisher = await api.rest('POST', 'globals/publisher', { body: { name: payload, jurisdiction: payload }, headers: admin })
    expect(publisher.status).toBe(200)
    await app.payload.update({ collection: 'sites', id: article.siteId, data: { name: payload } })

    const rest = await api.rest('GET', `articles/${article.id}?depth=0&attribution=full`)
    expect(rest.status).toBe(200)
    check(rest.body.attribution, payload)
    expect(rest.body.attribution.jsonLd.creditText).toBe(payload)

    const gql = await api.graphql(`{ Article(id: ${article.id}) { attribution { credit html text notices { title html text } } } }`)
    expect(gql.body.errors).toBeUndefined()
    check(gql.body.data.Article.attribution, payload)

    // What the admin's preview panel shows (as React text, so escaped again there).
    const preview = await api.rest('POST', 'attribution/preview', { body: { source: sourceId }, headers: admin })
    expect(preview.status).toBe(200)
    expect(outsideAllowList(preview.body.html)).toEqual([])
    expect(preview.body.notices.find((n: Json) => n.title === 'Every variable').text).toContain(payload)
  })

  it('a source code is letters and digits: markup in it is refused', async () => {
    const res = await api.rest('PATCH', `wire-sources/${sourceId}`, { body: { code: '<IMG>' }, headers: admin })
    expect(res.status).toBe(400)
    expect((await app.payload.findByID({ collection: 'wire-sources', id: sourceId })).code).toBe('TSTW')
  })
})
