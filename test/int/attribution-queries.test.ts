/**
 * No N+1: the plugin's cost in database statements is a constant, whatever the page size.
 * The same REST list is counted on the app and on a twin built with `{ disabled: true }`,
 * both on this test's database, statement by statement through Drizzle's logger.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { insertArticles } from '../helpers/bulk'
import { http } from '../helpers/http'
import { asDefault, countQueries, startTwin } from '../helpers/instances'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let off: Payload
let api: ReturnType<typeof http>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  off = await startTwin({ disabled: true })
  const sources = (await app.payload.find({ collection: 'wire-sources', limit: 0, depth: 0 })).docs.map((s) => s.id)
  const sections = (await app.payload.find({ collection: 'sections', limit: 0, depth: 0 })).docs.map((s) => s.id)
  await insertArticles(app.payload, { count: 150, prefix: 'queries', sources: [...sources, null], sections })
  // Steady state: the instance has parsed the notices once (see the last test for a change).
  await listQueries(app.payload, 'limit=1')
}, 300_000)

afterAll(async () => {
  await off?.destroy()
  await app?.stop()
})

type Listed = { docs: { attribution: null | { credit?: string; notices?: unknown[] } }[] }

/** Statements sent for one REST list, with the instance under test answering. */
const listQueries = async (payload: Payload, query: string) => {
  const { queries, result } = await asDefault(payload, () => countQueries(payload, () => api.rest('GET', `articles?${query}`)))
  expect(result.status).toBe(200)
  return { count: queries.length, queries, docs: (result.body as Listed).docs }
}

const extra = async (query: string) => {
  const on = await listQueries(app.payload, query)
  const disabled = await listQueries(off, query)
  expect(on.docs.length).toBe(disabled.docs.length)
  // The comparison means something only if one side did the work and the other did not.
  expect(on.docs.every((doc) => doc.attribution?.credit && doc.attribution.notices?.length)).toBe(true)
  expect(disabled.docs.every((doc) => !doc.attribution?.credit)).toBe(true)
  if (process.env.SHOW_QUERY_COUNTS) console.log(`${query}: on ${on.count}, off ${disabled.count}`)
  return on.count - disabled.count
}

describe('database statements the plugin adds to a REST list', () => {
  // With the app's `publicUrl`, every list also follows section → site (one statement per step
  // the population has not done) for the JSON-LD's URL, and reads the publisher's logo (one more).
  it('depth 1, 100 articles: at most 4 more than with the plugin disabled (notices, publisher, its logo, sites)', async () => {
    expect(await extra('limit=100&depth=1')).toBeLessThanOrEqual(4)
  })

  it('the same number for 10 and for 100 articles (no statement per article)', async () => {
    expect(await extra('limit=10&depth=1')).toBe(await extra('limit=100&depth=1'))
    expect(await extra('limit=10&depth=0')).toBe(await extra('limit=100&depth=0'))
  })

  it('depth 0, 100 articles: one more for the sources and one for the sections, which depth 1 populates anyway', async () => {
    expect(await extra('limit=100&depth=0')).toBeLessThanOrEqual(6)
  })

  it('depth 1 with populated related articles: one more for their sources and one for their sections, still constant', async () => {
    const { docs } = await app.payload.find({
      collection: 'articles',
      where: { source: { exists: true } },
      limit: 40,
      depth: 0,
      sort: 'id',
    })
    for (const [index, doc] of docs.slice(0, 20).entries()) {
      await app.payload.update({ collection: 'articles', id: doc.id, data: { relatedArticles: [docs[20 + index].id] } })
    }
    const small = await extra('limit=10&depth=1&sort=-updatedAt')
    const large = await extra('limit=100&depth=1&sort=-updatedAt')
    expect(large).toBeLessThanOrEqual(6)
    expect(large).toBe(small)
  })

  it('a notice change costs the next read one more statement, once, and shows in it', async () => {
    const [notice] = (await app.payload.find({ collection: 'legal-notices', where: { kind: { equals: 'privacy' } } })).docs
    const body = JSON.parse(JSON.stringify(notice.body).replace('privacy', 'privacy (revised)'))
    const steady = (await listQueries(app.payload, 'limit=100&depth=1')).count
    await app.payload.update({ collection: 'legal-notices', id: notice.id, data: { body } })
    const next = await listQueries(app.payload, 'limit=100&depth=1')
    expect(next.count).toBe(steady + 1)
    expect(next.docs.every((doc) => JSON.stringify(doc.attribution).includes('privacy (revised)'))).toBe(true)
    expect((await listQueries(app.payload, 'limit=100&depth=1')).count).toBe(steady)
  })
})
