import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { restoreArticle, withdrawArticle } from '@wirehouse/payload-plugin-attribution'

import { http, type Json } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

const DAY = 24 * 60 * 60 * 1000

let app: TestApp
let api: ReturnType<typeof http>
let sourceId: number
let otherSourceId: number
let sectionId: number

const iso = (ms: number) => new Date(ms).toISOString()

const article = async (data: Json) =>
  (await app.payload.create({
    collection: 'articles',
    data: { source: sourceId, section: sectionId, _status: 'published', ...data } as never,
    depth: 0,
  })) as unknown as Json

/** What an anonymous REST list finds among these ids. */
const publicIds = async (ids: number[], query = '') => {
  const { status, body } = await api.rest('GET', `articles?where[id][in]=${ids.join(',')}&depth=0&limit=100${query}`)
  expect(status).toBe(200)
  return (body.docs as Json[]).map((doc) => doc.id).sort()
}

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const sources = await app.payload.find({ collection: 'wire-sources', limit: 2, depth: 0, sort: 'id' })
  sourceId = sources.docs[0].id
  otherSourceId = sources.docs[1].id
  sectionId = (await app.payload.find({ collection: 'sections', limit: 1, depth: 0 })).docs[0].id
  // The first source: 30 days, a tombstone after.
  await app.payload.update({ collection: 'wire-sources', id: sourceId, data: { usage: { maxAgeDays: 30, archive: 'allowed' } } as never })
})

afterAll(async () => {
  await app?.stop()
})

describe('rights lifecycle: public reads', () => {
  it('an embargo keeps a published article out of anonymous reads until it lifts; staff see it marked', async () => {
    const now = Date.now()
    const embargoed = await article({ headline: 'Embargoed launch window', embargoUntil: iso(now + DAY) })
    const lifted = await article({ headline: 'Lifted launch window', embargoUntil: iso(now - 1000) })
    expect(await publicIds([embargoed.id, lifted.id])).toEqual([lifted.id])
    const one = await api.rest('GET', `articles/${embargoed.id}`)
    expect(one.status).toBe(404)
    const staff = await api.rest('GET', `articles/${embargoed.id}`, { headers: await app.auth('editor') })
    expect(staff.status).toBe(200)
    expect(staff.body.availability).toMatchObject({ state: 'embargoed', until: iso(now + DAY) })
    // Time travel past the lift does not show it early.
    expect(await publicIds([embargoed.id], `&attributionAt=${iso(now + 2 * DAY)}`)).toEqual([])
    const count = await api.rest('GET', `articles/count?where[id][equals]=${embargoed.id}`)
    expect(count.body.totalDocs).toBe(0)
  })

  it("a source's usage window ends an article's public life at its moment", async () => {
    const now = Date.now()
    const old = await article({ headline: 'Old orbital story', dateline: { date: iso(now - 31 * DAY) } })
    const fresh = await article({ headline: 'Fresh orbital story', dateline: { date: iso(now - 29 * DAY) } })
    const otherOld = await article({ headline: 'Old story, unlimited source', source: otherSourceId, dateline: { date: iso(now - 400 * DAY) } })
    expect(await publicIds([old.id, fresh.id, otherOld.id])).toEqual([fresh.id, otherOld.id].sort())
    // Travelling two days on, the fresh one has expired too.
    expect(await publicIds([old.id, fresh.id, otherOld.id], `&attributionAt=${iso(now + 2 * DAY)}`)).toEqual([otherOld.id])
    const staff = await api.rest('GET', `articles/${old.id}`, { headers: await app.auth('compliance') })
    expect(staff.body.availability).toMatchObject({ state: 'expired', reason: 'expired', archive: 'allowed' })
  })

  it('a withdrawal takes a story out at once, keeps its versions and is audited; a restore brings it back', async () => {
    const story = await article({ headline: 'Story to be killed' })
    // An editor's pending draft over it stays a draft.
    await app.payload.update({ collection: 'articles', id: story.id, data: { headline: 'Pending draft headline' } as never, draft: true })
    expect(await publicIds([story.id])).toEqual([story.id])
    const req = { payload: app.payload, user: null, context: {} } as never
    const { changed } = await withdrawArticle({ req, collection: 'articles', id: story.id, reason: 'kill', message: 'Legal: do not use' })
    expect(changed).toBe(true)
    expect(await publicIds([story.id])).toEqual([])
    const live = (await app.payload.findByID({ collection: 'articles', id: story.id, depth: 0 })) as unknown as Json
    expect(live.headline).toBe('Story to be killed')
    expect(live._status).toBe('published')
    expect(live.withdrawn).toMatchObject({ reason: 'kill', message: 'Legal: do not use' })
    const again = await withdrawArticle({ req, collection: 'articles', id: story.id, reason: 'kill' })
    expect(again.changed).toBe(false)
    const audit = await app.payload.find({ collection: 'audit-log', where: { and: [{ collection: { equals: 'articles' } }, { documentId: { equals: String(story.id) } }] } })
    expect(audit.docs.map((entry) => entry.operation)).toEqual(['withdraw'])
    await restoreArticle({ req, collection: 'articles', id: story.id })
    expect(await publicIds([story.id])).toEqual([story.id])
  })

  it('nobody writes `withdrawn` through the API', async () => {
    const story = await article({ headline: 'Story nobody may withdraw by PATCH' })
    const res = await api.rest('PATCH', `articles/${story.id}`, {
      headers: await app.auth('admin'),
      body: { withdrawn: { at: new Date().toISOString(), reason: 'manual' } },
    })
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).toContain('withdrawn.at')
    expect(await publicIds([story.id])).toEqual([story.id])
  })
})
