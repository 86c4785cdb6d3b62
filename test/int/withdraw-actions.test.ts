import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { lifecycleTimeline } from '@wirehouse/payload-plugin-attribution'

import { http, type Json } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

/**
 * The manual lifecycle actions (`POST /api/articles/:id/withdraw|restore`, their GraphQL
 * mutations, `GET /api/articles/:id/lifecycle`): who may, what they write and audit, and every
 * refusal writing nothing.
 */

let app: TestApp
let api: ReturnType<typeof http>
let sourceId: number
let sectionId: number
const users: Record<string, number> = {}

const article = async (headline: string) =>
  (await app.payload.create({
    collection: 'articles',
    data: { headline, source: sourceId, section: sectionId, _status: 'published' } as never,
    depth: 0,
  })) as unknown as Json

const as = async (role: 'admin' | 'anonymous' | 'compliance' | 'editor') => app.auth(role)

const post = async (role: 'admin' | 'anonymous' | 'compliance' | 'editor', path: string, body?: unknown, headers: Record<string, string> = {}) =>
  api.rest('POST', path, { body, headers: { ...(await as(role)), ...headers } })

/** Whether an anonymous reader gets the article. */
const isPublic = async (id: number) => (await api.rest('GET', `articles/${id}?depth=0`)).status === 200

const auditOf = async (id: number) =>
  (
    await app.payload.find({
      collection: 'audit-log',
      where: { and: [{ collection: { equals: 'articles' } }, { documentId: { equals: String(id) } }] },
      sort: 'at',
      depth: 0,
      limit: 100,
    })
  ).docs as unknown as Json[]

/** What a refusal must leave as it was: the article, its versions, its audit trail. */
const snapshot = async (id: number) => {
  const doc = (await app.payload.findByID({ collection: 'articles', id, depth: 0 })) as unknown as Json
  const versions = await app.payload.countVersions({ collection: 'articles', where: { parent: { equals: id } } })
  return { updatedAt: doc.updatedAt, withdrawn: doc.withdrawn, versions: versions.totalDocs, audit: (await auditOf(id)).length }
}

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  sourceId = (await app.payload.find({ collection: 'wire-sources', limit: 1, depth: 0, sort: 'id' })).docs[0].id as number
  sectionId = (await app.payload.find({ collection: 'sections', limit: 1, depth: 0 })).docs[0].id as number
  for (const role of ['admin', 'compliance', 'editor']) {
    const found = await app.payload.find({ collection: 'users', where: { email: { equals: `${role}@wirehouse.test` } }, depth: 0 })
    users[role] = found.docs[0].id as number
  }
})

afterAll(async () => {
  await app?.stop()
})

describe('manual withdrawal and restore over REST', () => {
  it('compliance withdraws (reason, message, by = the signed-in user), audited; the story leaves anonymous reads; again changes nothing', async () => {
    const story = await article('Story compliance withdraws')
    expect(await isPublic(story.id)).toBe(true)
    const res = await post('compliance', `articles/${story.id}/withdraw`, { reason: 'manual', message: 'Court order 12/3' })
    expect(res.status).toBe(200)
    expect(res.body.changed).toBe(true)
    expect(res.body.doc.withdrawn).toMatchObject({ reason: 'manual', message: 'Court order 12/3', by: users.compliance })
    expect(res.body.doc.availability).toMatchObject({ state: 'withdrawn', reason: 'manual' })
    expect(res.body.doc._status).toBe('published')
    expect(await isPublic(story.id)).toBe(false)
    const list = await api.rest('GET', `articles?where[id][equals]=${story.id}&depth=0`)
    expect(list.body.docs).toHaveLength(0)

    const audit = await auditOf(story.id)
    expect(audit.map((entry) => entry.operation)).toEqual(['withdraw'])
    expect(audit[0].user).toBe(users.compliance)

    const again = await post('compliance', `articles/${story.id}/withdraw`, { reason: 'expired', message: 'other words' })
    expect(again.status).toBe(200)
    expect(again.body.changed).toBe(false)
    expect(again.body.doc.withdrawn).toMatchObject({ reason: 'manual', message: 'Court order 12/3' })
    expect((await auditOf(story.id)).length).toBe(1)
  })

  it('an admin withdraws with reason expired and restores; the story returns to anonymous reads; both audited', async () => {
    const story = await article('Story an admin withdraws and restores')
    const out = await post('admin', `articles/${story.id}/withdraw`, { reason: 'expired' })
    expect(out.status).toBe(200)
    expect(out.body.doc.withdrawn).toMatchObject({ reason: 'expired', message: null, by: users.admin })
    expect(await isPublic(story.id)).toBe(false)
    // An empty body, or none, is a restore's whole request.
    const back = await post('admin', `articles/${story.id}/restore`, {})
    expect(back.status).toBe(200)
    expect(back.body.changed).toBe(true)
    expect(back.body.doc.withdrawn?.at ?? null).toBeNull()
    expect(back.body.doc.availability.state).toBe('public')
    expect(await isPublic(story.id)).toBe(true)
    const again = await post('admin', `articles/${story.id}/restore`)
    expect(again.status).toBe(200)
    expect(again.body.changed).toBe(false)
    const audit = await auditOf(story.id)
    expect(audit.map((entry) => entry.operation)).toEqual(['withdraw', 'reinstate'])
    expect(audit.every((entry) => entry.user === users.admin)).toBe(true)
  })

  it('refuses, writing nothing: anonymous 401, editor 403, compliance restoring 403, unknown ids 404, bad bodies 400', async () => {
    const story = await article('Story every refusal leaves alone')
    const withdrawnStory = await article('Withdrawn story compliance may not restore')
    expect((await post('admin', `articles/${withdrawnStory.id}/withdraw`, { reason: 'manual' })).status).toBe(200)
    const before = await snapshot(story.id)
    const beforeWithdrawn = await snapshot(withdrawnStory.id)
    const path = `articles/${story.id}/withdraw`
    const cases: [string, () => Promise<{ status: number; body: Json }>, number, RegExp][] = [
      ['anonymous withdraw', () => post('anonymous', path, { reason: 'manual' }), 401, /sign in/i],
      ['anonymous restore', () => post('anonymous', `articles/${withdrawnStory.id}/restore`), 401, /sign in/i],
      ['anonymous, body not JSON', () => post('anonymous', path, '{not json'), 401, /sign in/i],
      ['editor withdraw', () => post('editor', path, { reason: 'manual' }), 403, /not allowed to withdraw/],
      ['editor restore', () => post('editor', `articles/${withdrawnStory.id}/restore`), 403, /not allowed to restore/],
      ['compliance restore', () => post('compliance', `articles/${withdrawnStory.id}/restore`), 403, /not allowed to restore/],
      ['unknown id', () => post('compliance', 'articles/987654/withdraw', { reason: 'manual' }), 404, /not found/i],
      ['malformed id', () => post('compliance', 'articles/12abc/withdraw', { reason: 'manual' }), 404, /not found/i],
      ['kill', () => post('compliance', path, { reason: 'kill', message: 'x' }), 400, /"kill" is for agency kills/],
      ['unknown reason', () => post('compliance', path, { reason: 'legal' }), 400, /reason: "legal" is not a reason; send one of expired, manual/],
      ['no reason', () => post('compliance', path, { message: 'why' }), 400, /reason: "" is not a reason/],
      ['empty body', () => post('compliance', path), 400, /reason: "" is not a reason/],
      ['message too long', () => post('compliance', path, { reason: 'manual', message: 'x'.repeat(2001) }), 400, /message: at most 2000 characters \(2001 sent\)/],
      ['message not text', () => post('compliance', path, { reason: 'manual', message: { html: '<b>' } }), 400, /message must be text/],
      ['message with a NUL', () => post('compliance', path, { reason: 'manual', message: 'a\u0000b' }), 400, /NUL characters/],
      ['body not JSON', () => post('compliance', path, '{"reason": "manual"'), 400, /must be a JSON object/],
      ['body an array', () => post('compliance', path, [{ reason: 'manual' }]), 400, /must be a JSON object/],
      ['body a string', () => post('compliance', path, '"manual"'), 400, /must be a JSON object/],
      ['by in the body', () => post('compliance', path, { reason: 'manual', by: users.admin }), 400, /^by: not part of a withdrawal/],
      ['at in the body', () => post('compliance', path, { reason: 'manual', at: '2020-01-01T00:00:00Z' }), 400, /^at: not part of a withdrawal/],
      ['a restore with fields', () => post('admin', `articles/${withdrawnStory.id}/restore`, { by: users.compliance }), 400, /^by: a restore takes no fields/],
      ['a restore, body not JSON', () => post('admin', `articles/${withdrawnStory.id}/restore`, 'restore!'), 400, /A restore takes no body/],
    ]
    for (const [name, call, status, message] of cases) {
      const res = await call()
      expect({ name, status: res.status }).toEqual({ name, status })
      expect({ name, message: res.body.errors?.[0]?.message }).toEqual({ name, message: expect.stringMatching(message) })
    }
    expect(await snapshot(story.id)).toEqual(before)
    expect(await snapshot(withdrawnStory.id)).toEqual(beforeWithdrawn)
    expect(await isPublic(story.id)).toBe(true)
    expect(await isPublic(withdrawnStory.id)).toBe(false)
  })

  it('takes a message of exactly 2000 characters', async () => {
    const story = await article('Story withdrawn with a long message')
    const res = await post('compliance', `articles/${story.id}/withdraw`, { reason: 'manual', message: 'm'.repeat(2000) })
    expect(res.status).toBe(200)
    expect(res.body.doc.withdrawn.message).toHaveLength(2000)
  })

  it('answers in the language asked for', async () => {
    const story = await article('Story refused in French')
    const res = await post('compliance', `articles/${story.id}/withdraw`, { reason: 'kill' }, { 'Accept-Language': 'fr' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/réservé aux annulations des agences/)
  })

  it('GET /lifecycle: where the story stands and what the user may do; staff only', async () => {
    const story = await article('Story whose lifecycle staff read')
    await post('compliance', `articles/${story.id}/withdraw`, { reason: 'manual', message: 'Wrong photo caption' })
    const anonymous = await api.rest('GET', `articles/${story.id}/lifecycle`)
    expect(anonymous.status).toBe(401)
    const byRole: Record<string, string[]> = { editor: [], compliance: ['withdraw'], admin: ['withdraw', 'restore'] }
    for (const [role, actions] of Object.entries(byRole)) {
      const res = await api.rest('GET', `articles/${story.id}/lifecycle`, { headers: await as(role as 'admin') })
      expect(res.status).toBe(200)
      expect(res.body.actions).toEqual(actions)
      expect(res.body.availability).toMatchObject({ state: 'withdrawn', reason: 'manual' })
      expect(res.body.withdrawn).toMatchObject({ reason: 'manual', message: 'Wrong photo caption', by: { id: users.compliance, email: 'compliance@wirehouse.test' } })
    }
    expect((await api.rest('GET', 'articles/987654/lifecycle', { headers: await as('editor') })).status).toBe(404)
  })
})

describe('manual withdrawal and restore over GraphQL', () => {
  const WITHDRAW = 'mutation ($id: String!, $reason: String!, $message: String) { withdrawArticle(id: $id, reason: $reason, message: $message) { id withdrawn { reason message } availability { state } } }'
  const RESTORE = 'mutation ($id: String!) { restoreArticle(id: $id) { id availability { state } } }'

  it('the same rules and refusals as REST', async () => {
    const story = await article('Story withdrawn over GraphQL')
    const before = await snapshot(story.id)
    const id = String(story.id)
    const refusals: [string, Record<string, string>, Json, RegExp][] = [
      [WITHDRAW, await as('anonymous'), { id, reason: 'manual' }, /sign in/i],
      [WITHDRAW, await as('editor'), { id, reason: 'manual' }, /not allowed to withdraw/],
      [WITHDRAW, await as('compliance'), { id, reason: 'kill' }, /"kill" is for agency kills/],
      [WITHDRAW, await as('compliance'), { id, reason: 'manual', message: 'y'.repeat(2001) }, /at most 2000/],
      [WITHDRAW, await as('compliance'), { id: '987654', reason: 'manual' }, /not found/i],
      [RESTORE, await as('compliance'), { id }, /not allowed to restore/],
    ]
    for (const [query, headers, variables, message] of refusals) {
      const res = await api.graphql(query, { headers, variables })
      expect(res.body.errors?.[0]?.message).toMatch(message)
    }
    expect(await snapshot(story.id)).toEqual(before)

    const out = await api.graphql(WITHDRAW, { headers: await as('compliance'), variables: { id, reason: 'manual', message: 'Source retracted' } })
    expect(out.body.errors).toBeUndefined()
    expect(out.body.data.withdrawArticle).toMatchObject({ withdrawn: { reason: 'manual', message: 'Source retracted' }, availability: { state: 'withdrawn' } })
    expect(await isPublic(story.id)).toBe(false)
    const back = await api.graphql(RESTORE, { headers: await as('admin'), variables: { id } })
    expect(back.body.errors).toBeUndefined()
    expect(back.body.data.restoreArticle.availability.state).toBe('public')
    expect(await isPublic(story.id)).toBe(true)
    expect((await auditOf(story.id)).map((entry) => entry.operation)).toEqual(['withdraw', 'reinstate'])
  })
})

describe('the compliance view\'s lifecycle timeline', () => {
  it('embargoes lifting and windows ending in the next 7 days, kills and withdrawals of the last 30, as staff read them', async () => {
    const DAY = 24 * 60 * 60 * 1000
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    const limited = (await app.payload.find({ collection: 'wire-sources', limit: 1, depth: 0, sort: '-id' })).docs[0]
    await app.payload.update({ collection: 'wire-sources', id: limited.id, data: { usage: { maxAgeDays: 30, archive: 'allowed' } } as never })
    const make = async (headline: string, data: Json) =>
      (await app.payload.create({ collection: 'articles', data: { headline, section: sectionId, _status: 'published', source: sourceId, ...data } as never, depth: 0 })) as unknown as Json
    const lifting = await make('Embargo lifting in three days', { embargoUntil: iso(now + 3 * DAY) })
    const later = await make('Embargo lifting in nine days', { embargoUntil: iso(now + 9 * DAY) })
    const ending = await make('Window ending in two days', { source: limited.id, dateline: { date: iso(now - 28 * DAY) } })
    const ended = await make('Window ended yesterday', { source: limited.id, dateline: { date: iso(now - 31 * DAY) } })
    const fresh = await make('Window ending in twenty days', { source: limited.id, dateline: { date: iso(now - 10 * DAY) } })
    const withdrawn = await make('Withdrawn for the timeline', {})
    await post('compliance', `articles/${withdrawn.id}/withdraw`, { reason: 'manual', message: 'Timeline check' })
    const withdrawnEmbargo = await make('Withdrawn while under embargo', { embargoUntil: iso(now + 2 * DAY) })
    await post('compliance', `articles/${withdrawnEmbargo.id}/withdraw`, { reason: 'manual' })

    const user = (await app.payload.findByID({ collection: 'users', id: users.compliance, depth: 0 })) as never
    const req = { payload: app.payload, user, context: {}, t: (key: string) => key } as never
    // The plugin's options as the compliance view gets them.
    const view = (app.config.admin.components as Json).views.compliance
    const timeline = await lifecycleTimeline(req, view.Component.serverProps.options, new Date(now))
    const kinds = (id: number) => timeline.events.filter((event) => event.id === id).map((event) => event.kind)
    expect(kinds(lifting.id)).toEqual(['embargo'])
    expect(kinds(later.id)).toEqual([])
    expect(kinds(ending.id)).toEqual(['window'])
    expect(timeline.events.find((event) => event.id === ending.id)?.at).toBe(iso(now + 2 * DAY))
    expect(kinds(ended.id)).toEqual([])
    expect(kinds(fresh.id)).toEqual([])
    expect(kinds(withdrawn.id)).toEqual(['withdrawal'])
    expect(timeline.events.find((event) => event.id === withdrawn.id)).toMatchObject({ reason: 'manual', message: 'Timeline check', headline: 'Withdrawn for the timeline' })
    expect(kinds(withdrawnEmbargo.id)).toEqual(['withdrawal'])
    expect(timeline.cut).toEqual([])
    const times = timeline.events.map((event) => event.at)
    expect(times).toEqual([...times].sort())
  })
})
