/**
 * Time travel: the attribution an article showed at a past moment, from the notices' published
 * versions and effective dates, over REST (`?attributionAt=`), GraphQL (`attributionAt:`), the
 * Local API (`context.attributionAt`) and the preview endpoint (`at`). The history is scripted:
 * three published versions of one notice, a draft that never went out, then the trash.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'

import { http } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
let articleId: number | string
const moments: Record<string, string> = {}

// Versions are stamped by the database clock; a few milliseconds keep the moments apart.
const tick = async (name: string) => {
  await new Promise((resolve) => setTimeout(resolve, 15))
  moments[name] = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 15))
}

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const [afp] = (await app.payload.find({ collection: 'articles', where: { externalId: { equals: 'sample-afp-0001' } } })).docs
  articleId = afp.id
  const write = (text: string, status: 'draft' | 'published', id?: number | string) => {
    const data = { title: 'Press code', kind: 'other' as const, order: 5, appliesTo: { scope: 'all' as const }, body: paragraph(text), _status: status }
    return id
      ? app.payload.update({ collection: 'legal-notices', id, data, draft: status === 'draft' })
      : app.payload.create({ collection: 'legal-notices', data })
  }
  await tick('before')
  const notice = await write('Press code, first edition.', 'published')
  await tick('first')
  await write('Press code, second edition.', 'published', notice.id)
  await tick('second')
  await write('Press code, a draft nobody approved.', 'draft', notice.id)
  await tick('draft')
  await write('Press code, third edition.', 'published', notice.id)
  await tick('third')
  await app.payload.update({ collection: 'legal-notices', id: notice.id, data: { deletedAt: new Date().toISOString() } })
  await tick('trashed')
  await app.payload.updateGlobal({ slug: 'publisher', data: { name: 'Orbit Media Group' } })
})
afterAll(async () => app?.stop())

const pressCode = (attribution: Record<string, any>) =>
  (attribution.notices as { title: string; text: string }[]).find((n) => n.title === 'Press code')?.text ?? null

const EXPECTED: [string, null | string][] = [
  ['before', null],
  ['first', 'Press code, first edition.'],
  ['second', 'Press code, second edition.'],
  ['draft', 'Press code, second edition.'],
  ['third', 'Press code, third edition.'],
  ['trashed', null],
]

describe('the attribution as it was shown at a moment', () => {
  it.each(EXPECTED)('REST ?attributionAt= at "%s"', async (moment, text) => {
    const res = await api.rest('GET', `articles/${articleId}?attributionAt=${moments[moment]}&attribution=full`)
    expect(res.status).toBe(200)
    expect(pressCode(res.body.attribution)).toBe(text)
    // The rest of the boilerplate is there too, as it stood.
    expect(res.body.attribution.credit).toBe('AFP')
  })

  it('before any recorded notice history: a warning saying so', async () => {
    const res = await api.rest('GET', `articles/${articleId}?attributionAt=2001-01-01T00:00:00.000Z`)
    expect(res.status).toBe(200)
    expect(res.body.attribution.notices).toEqual([])
    expect(res.body.attribution.warnings[0]).toMatch(/^no notice history before \d{4}-/)
    const recent = await api.rest('GET', `articles/${articleId}?attributionAt=${moments.first}`)
    expect(recent.body.attribution.warnings).toEqual([])
  })

  it('without a moment: now (the notice is in the trash)', async () => {
    const res = await api.rest('GET', `articles/${articleId}?attribution=full`)
    expect(pressCode(res.body.attribution)).toBeNull()
  })

  it('the publisher as it was then: its global keeps versions', async () => {
    const then = await api.rest('GET', `articles/${articleId}?attributionAt=${moments.trashed}`)
    expect(then.body.attribution.jsonLd.publisher.name).toBe('Orbit Media Network')
    const now = await api.rest('GET', `articles/${articleId}`)
    expect(now.body.attribution.jsonLd.publisher.name).toBe('Orbit Media Group')
  })

  it('GraphQL: attributionAt on Article and Articles', async () => {
    const gql = await api.graphql(
      `query ($id: Int!, $at: String) {
        Article(id: $id, attributionAt: $at) { attribution { notices { title text } } }
        Articles(where: { id: { equals: $id } }, attributionAt: $at) { docs { attribution { notices { title text } } } }
      }`,
      { variables: { id: articleId, at: moments.second } },
    )
    expect(gql.body.errors).toBeUndefined()
    expect(pressCode(gql.body.data.Article.attribution)).toBe('Press code, second edition.')
    expect(pressCode(gql.body.data.Articles.docs[0].attribution)).toBe('Press code, second edition.')
  })

  it('Local API: context.attributionAt', async () => {
    const doc = await app.payload.findByID({ collection: 'articles', id: articleId, context: { attributionAt: moments.first, attribution: 'full' } })
    expect(pressCode(doc.attribution as never)).toBe('Press code, first edition.')
  })

  it('the preview endpoint with a past `at`', async () => {
    const [source] = (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: 'AFP' } } })).docs
    const res = await api.rest('POST', 'attribution/preview', { body: { source: source.id, at: moments.third }, headers: await app.auth('editor') })
    expect(res.status).toBe(200)
    expect(pressCode(res.body)).toBe('Press code, third edition.')
  })

  it('a future moment: the notices published now, by their effective dates', async () => {
    const starts = new Date(Date.now() + 30 * 86_400_000)
    const notice = await app.payload.create({
      collection: 'legal-notices',
      data: {
        title: 'Next month',
        kind: 'gdpr',
        appliesTo: { scope: 'all' },
        effectiveFrom: starts.toISOString(),
        body: paragraph('The new data statement.'),
        _status: 'published',
      },
    })
    try {
      const titles = async (at?: Date) =>
        (await api.rest('GET', `articles/${articleId}${at ? `?attributionAt=${at.toISOString()}` : ''}`)).body.attribution.notices.map(
          (n: { title: string }) => n.title,
        )
      expect(await titles()).not.toContain('Next month')
      expect(await titles(new Date(starts.getTime() + 86_400_000))).toContain('Next month')
    } finally {
      await app.payload.update({ collection: 'legal-notices', id: notice.id, data: { deletedAt: new Date().toISOString() } })
    }
  })

  it('a malformed moment is a 400 naming it, over REST and GraphQL', async () => {
    const res = await api.rest('GET', `articles/${articleId}?attributionAt=last-tuesday`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/attributionAt: "last-tuesday" is not a date/)
    const gql = await api.graphql(`{ Article(id: ${JSON.stringify(articleId)}, attributionAt: "soon") { id attribution { credit } } }`)
    expect(gql.body.errors[0].message).toMatch(/attributionAt: "soon" is not a date/)
  })

  it('a scheduled notice switches on at its time and off at its end, with nobody present (the clock driven)', async () => {
    const hour = 3_600_000
    const start = Date.now()
    const notice = await app.payload.create({
      collection: 'legal-notices',
      data: {
        title: 'Holiday notice',
        kind: 'other',
        appliesTo: { scope: 'all' },
        effectiveFrom: new Date(start + hour).toISOString(),
        effectiveUntil: new Date(start + 3 * hour).toISOString(),
        body: paragraph('Offices closed.'),
        _status: 'published',
      },
    })
    const shown = async () =>
      (await app.payload.findByID({ collection: 'articles', id: articleId })).attribution?.notices?.some((n) => n.title === 'Holiday notice')
    // Only Date moves: timers and I/O run as usual.
    const at = (ms: number) =>
      jest.useFakeTimers({ now: ms, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] })
    try {
      expect(await shown()).toBe(false)
      at(start + 2 * hour)
      expect(await shown()).toBe(true)
      at(start + 4 * hour)
      expect(await shown()).toBe(false)
    } finally {
      jest.useRealTimers()
      await app.payload.update({ collection: 'legal-notices', id: notice.id, data: { deletedAt: new Date().toISOString() } })
    }
  })
})
