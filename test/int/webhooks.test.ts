import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { restoreArticle, withdrawArticle } from '@wirehouse/payload-plugin-attribution'
import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { runWebhookJobs } from '@/webhooks/queue'

import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

type Received = { headers: Record<string, string | string[] | undefined>; body: string; json: Json }

let app: TestApp
let api: ReturnType<typeof http>
let receiver: Server
let target: string
let sourceId: number
const received: Received[] = []
/** The statuses the receiver answers with, in turn; 200 once they run out. */
let answers: number[] = []

/** Every queued attempt is due now: the test does not wait out the backoff. */
const dueNow = () =>
  app.payload.update({
    collection: 'payload-jobs',
    where: { queue: { equals: 'webhooks' } },
    data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
    overrideAccess: true,
  })

const deliveries = async (where: Json = {}) =>
  (await app.payload.find({ collection: 'webhook-deliveries', where, sort: 'id', pagination: false, depth: 0, overrideAccess: true })).docs as unknown as Json[]

const createHook = async (body: Json) => api.rest('POST', 'webhooks', { body, headers: await app.auth('admin') })

const article = (data: Json, draft = false) =>
  app.payload.create({ collection: 'articles', data: { source: sourceId, _status: draft ? 'draft' : 'published', ...data } as never, draft, depth: 0 })

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body, json: JSON.parse(body) })
      res.statusCode = answers.shift() ?? 200
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  sourceId = (await app.payload.find({ collection: 'wire-sources', limit: 1, depth: 0 })).docs[0].id as number
}, 120_000)

afterAll(async () => {
  receiver?.close()
  await app?.stop()
})

afterEach(() => {
  delete process.env.WEBHOOK_ALLOW_HOSTS
})

describe('the webhooks collection', () => {
  it('returns the secret once, in the create response, and never on a read', async () => {
    const created = await createHook({ url: 'http://8.8.8.8/hook', events: ['article.published'], active: true })
    expect(created.status).toBe(201)
    expect(created.body.doc.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    const id = created.body.doc.id
    const admin = await app.auth('admin')
    const one = await api.rest('GET', `webhooks/${id}`, { headers: admin })
    expect(one.status).toBe(200)
    expect(one.body.url).toBe('http://8.8.8.8/hook')
    expect(one.body).not.toHaveProperty('secret')
    const list = await api.rest('GET', 'webhooks', { headers: admin })
    expect(list.body.docs.every((doc: Json) => !('secret' in doc))).toBe(true)
    const updated = await api.rest('PATCH', `webhooks/${id}`, { headers: admin, body: { active: false } })
    expect(updated.status).toBe(200)
    expect(updated.body.doc).not.toHaveProperty('secret')
    const local = await app.payload.findByID({ collection: 'webhooks', id, overrideAccess: false, user: (await app.payload.find({ collection: 'users', where: { email: { equals: 'admin@wirehouse.test' } } })).docs[0] })
    expect(local).not.toHaveProperty('secret')
  })

  it('refuses a secret sent by the client, naming the field', async () => {
    const created = await createHook({ url: 'http://8.8.8.8/hook', events: ['article.published'], secret: 'mine' })
    expect(created.status).toBe(403)
    expect(JSON.stringify(created.body)).toContain('secret')
    const ok = await createHook({ url: 'http://8.8.8.8/hook', events: ['article.published'] })
    const patched = await api.rest('PATCH', `webhooks/${ok.body.doc.id}`, { headers: await app.auth('admin'), body: { secret: 'mine' } })
    expect(patched.status).toBe(403)
    expect(JSON.stringify(patched.body)).toContain('secret')
  })

  it.each(['editor', 'compliance', 'anonymous'] as const)('is for admins only: %s gets a 403', async (role) => {
    const headers = await app.auth(role)
    expect((await api.rest('POST', 'webhooks', { headers, body: { url: 'http://8.8.8.8/', events: ['article.published'] } })).status).toBe(403)
    expect((await api.rest('GET', 'webhooks', { headers })).status).toBe(403)
    expect((await api.rest('GET', 'webhook-deliveries', { headers })).status).toBe(403)
  })

  it.each([
    ['http://127.0.0.1:9/hook', 'loopback'],
    ['http://10.1.2.3/hook', 'private'],
    ['http://[::1]/hook', 'loopback'],
    ['http://169.254.169.254/latest/meta-data', 'linkLocal'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://localhost:3000/api/users', 'local'],
    ['file:///etc/passwd', 'only http and https'],
    ['http://user:pass@8.8.8.8/', 'credentials'],
  ])('refuses %s as a target with a 400 naming the problem', async (url, problem) => {
    const created = await createHook({ url, events: ['article.published'] })
    expect(created.status).toBe(400)
    expect(JSON.stringify(created.body)).toContain(problem)
    expect(JSON.stringify(created.body)).toContain('url')
  })

  it('takes a private target whose host WEBHOOK_ALLOW_HOSTS lists', async () => {
    process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
    expect((await createHook({ url: 'http://127.0.0.1:9/hook', events: ['article.published'] })).status).toBe(201)
    expect((await createHook({ url: 'http://10.1.2.3/hook', events: ['article.published'] })).status).toBe(400)
  })
})

describe('deliveries', () => {
  let secret: string
  let hookId: number

  beforeAll(async () => {
    // Only this receiver from here on.
    process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
    await app.payload.delete({ collection: 'webhooks', where: { id: { exists: true } }, overrideAccess: true })
    const created = await createHook({ url: target, events: ['article.published', 'article.unpublished', 'article.withdrawn', 'attribution.changed'] })
    expect(created.status).toBe(201)
    secret = created.body.doc.secret
    hookId = created.body.doc.id
  })

  beforeEach(() => {
    process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
    received.length = 0
    answers = []
  })

  it('signs each attempt, retries with backoff (500, 500, then 200) under one delivery id, and ends delivered', async () => {
    answers = [500, 500]
    const story = await article({ headline: 'Webhook story one' })
    await runWebhookJobs(app.payload)
    expect(received).toHaveLength(1)
    let [delivery] = await deliveries({ 'payload.article.id': { equals: story.id } })
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, event: 'article.published' })
    const wait = new Date(delivery.nextAttemptAt).getTime() - new Date(delivery.firstAttemptAt).getTime()
    expect(wait).toBeGreaterThanOrEqual(30_000)
    await runWebhookJobs(app.payload)
    expect(received).toHaveLength(1) // not due yet
    await dueNow()
    await runWebhookJobs(app.payload)
    ;[delivery] = await deliveries({ 'payload.article.id': { equals: story.id } })
    expect(delivery).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 500 })
    expect(new Date(delivery.nextAttemptAt).getTime() - new Date(delivery.firstAttemptAt).getTime()).toBeGreaterThanOrEqual(60_000)
    await dueNow()
    await runWebhookJobs(app.payload)
    ;[delivery] = await deliveries({ 'payload.article.id': { equals: story.id } })
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 })
    expect(delivery.deliveredAt).toBeTruthy()

    expect(received).toHaveLength(3)
    for (const [n, { headers, body, json }] of received.entries()) {
      expect(headers['x-wirehouse-event']).toBe('article.published')
      expect(headers['x-wirehouse-delivery']).toBe(delivery.deliveryId)
      expect(headers['x-wirehouse-attempt']).toBe(String(n + 1))
      expect(headers['content-type']).toBe('application/json')
      expect(headers['x-wirehouse-signature']).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`)
      expect(json).toMatchObject({ event: 'article.published', article: { id: story.id, headline: 'Webhook story one' } })
    }
    expect(delivery.webhook).toBe(hookId)
  })

  it('sends nothing for drafts: a new draft, a draft over a published article, a draft trashed and deleted', async () => {
    const before = (await deliveries()).length
    const draft = await article({ headline: 'Only a draft' }, true)
    await app.payload.update({ collection: 'articles', id: draft.id, data: { headline: 'Still a draft' }, draft: true })
    const live = await article({ headline: 'Published, then a draft over it' })
    await runWebhookJobs(app.payload)
    received.length = 0
    const afterPublish = (await deliveries()).length
    expect(afterPublish).toBe(before + 1)
    await app.payload.update({ collection: 'articles', id: live.id, data: { headline: 'A pending draft' }, draft: true })
    // A draft that readers never saw, trashed, then deleted.
    await app.payload.update({ collection: 'articles', id: draft.id, data: { deletedAt: new Date().toISOString() } as never })
    await app.payload.delete({ collection: 'articles', id: draft.id, trash: true })
    await runWebhookJobs(app.payload)
    expect((await deliveries()).length).toBe(afterPublish)
    expect(received).toHaveLength(0)
  })

  it('sends nothing for an edit of a published article', async () => {
    const live = await article({ headline: 'Edited while published' })
    await runWebhookJobs(app.payload)
    const count = (await deliveries()).length
    await app.payload.update({ collection: 'articles', id: live.id, data: { summary: 'A new summary' } })
    await runWebhookJobs(app.payload)
    expect((await deliveries()).length).toBe(count)
  })

  it('sends article.unpublished and article.withdrawn', async () => {
    const one = await article({ headline: 'To be unpublished' })
    const two = await article({ headline: 'To be withdrawn' })
    await runWebhookJobs(app.payload)
    received.length = 0
    await app.payload.update({ collection: 'articles', id: one.id, data: { _status: 'draft' } })
    const req = { payload: app.payload, user: null, context: {} } as never
    await withdrawArticle({ req, collection: 'articles', id: two.id, reason: 'manual', message: 'Legal asked' })
    await runWebhookJobs(app.payload)
    const events = received.map(({ json }) => [json.event, json.article.id])
    expect(events).toEqual(expect.arrayContaining([['article.unpublished', one.id], ['article.withdrawn', two.id]]))
    expect(received).toHaveLength(2)
    const withdrawn = received.find(({ json }) => json.event === 'article.withdrawn')!
    expect(withdrawn.json.article.withdrawn).toMatchObject({ reason: 'manual', message: 'Legal asked' })
    // A restore brings it back to readers: published again.
    received.length = 0
    await restoreArticle({ req, collection: 'articles', id: two.id })
    await runWebhookJobs(app.payload)
    expect(received.map(({ json }) => [json.event, json.article.id])).toEqual([['article.published', two.id]])
  })

  it('sends notice.published with the articles a notice kept to one site reaches, by the plugin’s reach rule', async () => {
    const [section] = (await app.payload.find({ collection: 'sections', limit: 1, depth: 0, where: { site: { exists: true } } })).docs
    const site = typeof section.site === 'object' ? section.site?.id : section.site
    const onSite = await article({ headline: 'On the site', section: section.id })
    const nowhere = await article({ headline: 'In no section' })
    await runWebhookJobs(app.payload)
    received.length = 0
    const notice = await app.payload.create({
      collection: 'legal-notices',
      data: { title: 'One site only', kind: 'other', body: paragraph('Only there.'), appliesTo: { scope: 'all', sites: [site] }, _status: 'published' },
    })
    await runWebhookJobs(app.payload)
    const changes = received.filter(({ json }) => json.event === 'attribution.changed')
    expect(changes.map(({ json }) => json.reason)).toEqual(changes.map(() => 'notice.published'))
    const ids = changes.flatMap(({ json }) => json.articles)
    expect(ids).toContain(onSite.id)
    expect(ids).not.toContain(nowhere.id)
    const reach = await api.rest('GET', `legal-notices/${notice.id}/reach?limit=100`, { headers: await app.auth('admin') })
    expect(ids.length).toBe(reach.body.totalDocs)
  })

  it('sends notice.inForce when a scheduled notice comes into force, with the articles it reaches', async () => {
    const { noticeSchedulerIdle, startNoticeScheduler, stopNoticeScheduler } = await import('@/pageCache/scheduler')
    const story = await article({ headline: 'Reached by a scheduled notice' })
    startNoticeScheduler(app.payload)
    try {
      await noticeSchedulerIdle()
      const notice = await app.payload.create({
        collection: 'legal-notices',
        data: {
          title: 'Scheduled for the webhooks',
          kind: 'other',
          body: paragraph('In force from its time.'),
          appliesTo: { scope: 'sources', sources: [sourceId] },
          effectiveFrom: new Date(Date.now() + 1500).toISOString(),
          _status: 'published',
        },
      })
      await runWebhookJobs(app.payload)
      received.length = 0 // the story's own event; the approval of a notice not yet in force sends nothing
      await new Promise((resolve) => setTimeout(resolve, 2500))
      await noticeSchedulerIdle()
      await runWebhookJobs(app.payload)
      const change = received.find(({ json }) => json.event === 'attribution.changed')
      expect(change?.json).toMatchObject({ reason: 'notice.inForce', subject: { collection: 'legal-notices', id: notice.id } })
      expect(change?.json.articles).toContain(story.id)
    } finally {
      stopNoticeScheduler()
    }
  })

  it('sends attribution.changed with every published article id when the publisher changes', async () => {
    await app.payload.updateGlobal({ slug: 'publisher', data: { jurisdiction: `Webhooks ${Date.now()}` } })
    await runWebhookJobs(app.payload)
    const changes = received.filter(({ json }) => json.event === 'attribution.changed')
    expect(changes.length).toBeGreaterThan(0)
    const { json } = changes[0]
    expect(json).toMatchObject({ reason: 'publisher', subject: { collection: 'publisher', id: null }, batch: { index: 1, count: changes.length } })
    const ids = changes.flatMap((c) => c.json.articles)
    expect(ids.length).toBe(json.total)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThan(0)
  })

  it('sends attribution.changed for a source whose rights change is applied, with its articles', async () => {
    const story = await article({ headline: 'Story of a source whose rights change' })
    await runWebhookJobs(app.payload)
    received.length = 0
    await app.payload.update({ collection: 'wire-sources', id: sourceId, data: { usage: { maxAgeDays: 36500 } } as never })
    await runWebhookJobs(app.payload)
    const change = received.find(({ json }) => json.event === 'attribution.changed')
    expect(change?.json).toMatchObject({ reason: 'source.rights', subject: { collection: 'wire-sources', id: sourceId } })
    expect(change?.json.articles).toContain(story.id)
  })

  it('re-checks the address on delivery: a host no longer allowed is refused, and the delivery is not sent', async () => {
    const story = await article({ headline: 'Sent after the allow-list changed' })
    delete process.env.WEBHOOK_ALLOW_HOSTS
    await runWebhookJobs(app.payload)
    expect(received).toHaveLength(0)
    const [delivery] = await deliveries({ 'payload.article.id': { equals: story.id } })
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 })
    expect(delivery.lastError).toMatch(/127\.0\.0\.1 is refused: .*loopback/)
  })

  it('redelivers a failed delivery (a dead letter) with the same delivery id: admins only', async () => {
    const story = await article({ headline: 'Dead letter' })
    answers = [500]
    await runWebhookJobs(app.payload)
    const [delivery] = await deliveries({ 'payload.article.id': { equals: story.id } })
    // As after 24 hours of failures.
    await app.payload.update({ collection: 'webhook-deliveries', id: delivery.id, data: { status: 'failed', nextAttemptAt: null }, overrideAccess: true })
    await app.payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'webhooks' } }, overrideAccess: true })
    const dead = await api.rest('GET', 'webhook-deliveries?where[status][equals]=failed', { headers: await app.auth('admin') })
    expect(dead.body.docs.map((d: Json) => d.id)).toContain(delivery.id)

    expect((await api.rest('POST', `webhook-deliveries/${delivery.id}/redeliver`, { headers: await app.auth('editor') })).status).toBe(403)
    expect((await api.rest('POST', `webhook-deliveries/${delivery.id}/redeliver`)).status).toBe(401)
    const unknown = await api.rest('POST', 'webhook-deliveries/999999/redeliver', { headers: await app.auth('admin') })
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].message).toContain('999999')
    const ok = await api.rest('POST', `webhook-deliveries/${delivery.id}/redeliver`, { headers: await app.auth('admin') })
    expect(ok.status).toBe(200)
    expect(ok.body.doc).toMatchObject({ status: 'pending', attempts: 0, deliveryId: delivery.deliveryId })
    received.length = 0
    await runWebhookJobs(app.payload)
    const [again] = await deliveries({ id: { equals: delivery.id } })
    expect(again).toMatchObject({ status: 'delivered', attempts: 1, deliveryId: delivery.deliveryId })
    expect(received.map((r) => r.headers['x-wirehouse-delivery'])).toEqual([delivery.deliveryId])
  })

  it('replaces the secret on request (admins), answers it once, and signs with it from then on', async () => {
    expect((await api.rest('POST', `webhooks/${hookId}/secret`, { headers: await app.auth('editor') })).status).toBe(403)
    expect((await api.rest('POST', `webhooks/${hookId}/secret`)).status).toBe(401)
    expect((await api.rest('POST', 'webhooks/999999/secret', { headers: await app.auth('admin') })).status).toBe(404)
    const rotated = await api.rest('POST', `webhooks/${hookId}/secret`, { headers: await app.auth('admin') })
    expect(rotated.status).toBe(200)
    expect(rotated.body.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    expect(rotated.body.secret).not.toBe(secret)
    expect((await api.rest('GET', `webhooks/${hookId}`, { headers: await app.auth('admin') })).body).not.toHaveProperty('secret')
    await article({ headline: 'Signed with the new secret' })
    await runWebhookJobs(app.payload)
    const [{ headers, body }] = received
    expect(headers['x-wirehouse-signature']).toBe(`sha256=${createHmac('sha256', rotated.body.secret).update(body).digest('hex')}`)
  })

  it('frees an attempt left processing by a process that stopped, and makes it', async () => {
    const story = await article({ headline: 'Abandoned mid-attempt' })
    const abandoned = new Date(Date.now() - 10 * 60_000).toISOString()
    await app.payload.db.updateMany({ collection: 'payload-jobs', where: { queue: { equals: 'webhooks' } }, data: { processing: true, updatedAt: abandoned } })
    await runWebhookJobs(app.payload)
    expect(received.map(({ json }) => json.article?.id)).toContain(story.id)
  })

  it('lists its last deliveries on the webhook (a join)', async () => {
    const hook = await api.rest('GET', `webhooks/${hookId}`, { headers: await app.auth('admin') })
    expect(hook.body.deliveries.docs.length).toBeGreaterThan(0)
    expect(hook.body.deliveries.docs.length).toBeLessThanOrEqual(10)
  })
})
