import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { runWebhookJobs } from '@/webhooks/queue'

import { insertArticles } from '../helpers/bulk'
import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

const ARTICLES = 1200

let app: TestApp
let api: ReturnType<typeof http>
let receiver: Server
const received: Json[] = []

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push(JSON.parse(body))
      res.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
}, 120_000)

afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_HOSTS
  receiver?.close()
  await app?.stop()
})

describe(`a notice approved that reaches ${ARTICLES} articles`, () => {
  it('sends attribution.changed in three batches (500, 500, 200) carrying every article id once', async () => {
    const source = await app.payload.create({
      collection: 'wire-sources',
      data: { name: 'Scale Wire', code: 'SCALEWH', kind: 'news-agency', license: 'copyright', copyrightHolder: 'Scale Wire Ltd' },
    })
    const ids = await insertArticles(app.payload, { count: ARTICLES, prefix: 'whscale', sources: [source.id] })
    // A draft of the same source reaches nobody.
    await app.payload.create({ collection: 'articles', data: { headline: 'Scale draft', source: source.id, _status: 'draft' }, draft: true })
    const port = (receiver.address() as AddressInfo).port
    const hook = await api.rest('POST', 'webhooks', {
      headers: await app.auth('admin'),
      body: { url: `http://127.0.0.1:${port}/`, events: ['attribution.changed'] },
    })
    expect(hook.status).toBe(201)

    // Compliance drafts and submits a notice for the source; an admin approves it.
    const draft = await api.rest('POST', 'legal-notices?draft=true', {
      headers: await app.auth('compliance'),
      body: { title: 'Scale Wire terms', kind: 'jurisdiction', appliesTo: { scope: 'sources', sources: [source.id] }, body: paragraph('Scale Wire terms.'), _status: 'draft' },
    })
    expect(draft.status).toBe(201)
    const id = draft.body.doc.id
    expect((await api.rest('POST', `legal-notices/${id}/review/submit`, { headers: await app.auth('compliance') })).status).toBe(200)
    await runWebhookJobs(app.payload)
    expect(received).toHaveLength(0) // a draft and a review send nothing
    const started = performance.now()
    expect((await api.rest('POST', `legal-notices/${id}/review/approve`, { headers: await app.auth('admin') })).status).toBe(200)
    const approveMs = performance.now() - started
    await runWebhookJobs(app.payload)
    const sendMs = performance.now() - started

    expect(received).toHaveLength(3)
    const batches = [...received].sort((a, b) => a.batch.index - b.batch.index)
    expect(batches.map((b) => b.articles.length)).toEqual([500, 500, 200])
    expect(batches.map((b) => b.batch)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })))
    for (const batch of batches) {
      expect(batch).toMatchObject({ event: 'attribution.changed', reason: 'notice.published', subject: { collection: 'legal-notices', id }, total: ARTICLES })
    }
    const sent = batches.flatMap((b) => b.articles)
    expect(new Set(sent).size).toBe(ARTICLES)
    expect([...sent].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b))
    console.info(`[${app.db.kind}] approval answered in ${Math.round(approveMs)} ms; 3 batches of ${ARTICLES} ids delivered ${Math.round(sendMs)} ms after it`)
  })
})
