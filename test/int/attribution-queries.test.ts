/**
 * The plugin's cost in database statements: one (the rules' generation token) while nothing
 * changed, whatever the page size and depth; a reload of the rules, once, after a change made
 * through any instance. The same REST list is counted on the app and on a twin built with
 * `{ disabled: true }`, both on this test's database, statement by statement through Drizzle's logger.
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

type Listed = { docs: { attribution: null | { credit?: string; notices?: unknown[]; text?: string; jsonLd?: unknown } }[] }

/** Statements sent for one REST list, with the instance under test answering. */
const listQueries = async (payload: Payload, query: string) => {
  const { queries: all, result } = await asDefault(payload, () => countQueries(payload, () => api.rest('GET', `articles?${query}`)))
  // The list's count is the count cache's (test/int/volume-counts.test.ts): an anonymous
  // reader's query names the current second (embargoes, usage windows), so a second's reads
  // share one count and the next second counts again.
  const queries = all.filter((statement) => !/^select count\(\*\) from "articles"/i.test(statement.trim()))
  expect(result.status).toBe(200)
  return { count: queries.length, queries, docs: (result.body as Listed).docs }
}

const extra = async (query: string) => {
  // Both in their steady state: the list's count is kept by the count cache (src/countCache.ts)
  // once either instance has made it, so the first read of a query would count for both.
  await listQueries(app.payload, query)
  await listQueries(off, query)
  const on = await listQueries(app.payload, query)
  const disabled = await listQueries(off, query)
  expect(on.docs.length).toBe(disabled.docs.length)
  // The comparison means something only if one side did the work and the other did not.
  expect(on.docs.every((doc) => doc.attribution?.credit && doc.attribution.notices?.length)).toBe(true)
  expect(disabled.docs.every((doc) => !doc.attribution?.credit)).toBe(true)
  if (process.env.SHOW_QUERY_COUNTS) console.log(`${query}: on ${on.count}, off ${disabled.count}`)
  return on.count - disabled.count
}

/** The one statement more: the rules' generation, read from Payload's KV collection; nothing more of the rules. */
const onlyTheToken = async (query: string) => {
  const on = (await listQueries(app.payload, query)).queries
  const disabled = (await listQueries(off, query)).queries
  const matching = (queries: string[], pattern: RegExp) => queries.filter((statement) => pattern.test(statement)).length
  expect(matching(on, /payload_kv/)).toBe(1)
  expect(matching(disabled, /payload_kv/)).toBe(0)
  for (const table of [/legal_notices/, /wire_sources/, /["`]publisher["`]/, /["`]sites["`]/]) expect(matching(on, table)).toBe(matching(disabled, table))
}

describe('database statements the plugin adds to a REST list', () => {
  // The rules (notices, sources, the publisher and its logo) and the documents along the site
  // path (sections, sites: for `{{site.name}}` and the JSON-LD's URL) come from the instance's
  // cache while the rules' generation token is unchanged: reading that token is the one
  // statement the plugin adds, at any depth and page size.
  it('depth 1, 100 articles: one more than with the plugin disabled (the rules generation), and no read of notices, sources or the publisher', async () => {
    expect(await extra('limit=100&depth=1')).toBe(1)
    await onlyTheToken('limit=100&depth=1')
  })

  it('the same number for 10 and for 100 articles (no statement per article)', async () => {
    expect(await extra('limit=10&depth=1')).toBe(await extra('limit=100&depth=1'))
    expect(await extra('limit=10&depth=0')).toBe(await extra('limit=100&depth=0'))
  })

  it('depth 0, 100 articles: one more too (the sources and the sections are in the cache)', async () => {
    expect(await extra('limit=100&depth=0')).toBe(1)
    await onlyTheToken('limit=100&depth=0')
  })

  it('depth 1 with populated related articles: one more, still constant', async () => {
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
    expect(await extra('limit=10&depth=1&sort=-updatedAt')).toBe(1)
    expect(await extra('limit=100&depth=1&sort=-updatedAt')).toBe(1)
  })

  it('a notice change: the next read loads the rules again (once) and shows it; then one statement again', async () => {
    const [notice] = (await app.payload.find({ collection: 'legal-notices', where: { kind: { equals: 'privacy' } } })).docs
    const body = JSON.parse(JSON.stringify(notice.body).replace('privacy', 'privacy (revised)'))
    const steady = (await listQueries(app.payload, 'limit=100&depth=1')).count
    await app.payload.update({ collection: 'legal-notices', id: notice.id, data: { body } })
    const next = await listQueries(app.payload, 'limit=100&depth=1')
    // The published notices, every source, the publisher, its logo; then, as articles point to
    // them, the sites of the listed articles (their sections come populated at depth 1) and the
    // sections of their related articles (populated at depth 0).
    expect(next.count).toBe(steady + 6)
    expect(next.docs.every((doc) => doc.attribution?.text?.includes('privacy (revised)'))).toBe(true)
    expect((await listQueries(app.payload, 'limit=100&depth=1')).count).toBe(steady)
  })

  it('a change saved through another Payload instance on the same database shows at the next read', async () => {
    const other = await startTwin({})
    try {
      const [notice] = (await other.find({ collection: 'legal-notices', where: { kind: { equals: 'privacy' } } })).docs
      const before = await listQueries(app.payload, 'limit=10&depth=0')
      expect(before.docs.every((doc) => !doc.attribution?.text?.includes('privacy (third edition)'))).toBe(true)
      const body = JSON.parse(JSON.stringify(notice.body).replace(/privacy( \(revised\))?/, 'privacy (third edition)'))
      await other.update({ collection: 'legal-notices', id: notice.id, data: { body } })
      const after = await listQueries(app.payload, 'limit=10&depth=0')
      expect(after.docs.every((doc) => doc.attribution?.text?.includes('privacy (third edition)'))).toBe(true)
      // A source and the publisher too: the same token.
      const [source] = (await other.find({ collection: 'wire-sources', where: { code: { equals: 'AFP' } } })).docs
      await other.update({ collection: 'wire-sources', id: source.id, data: { credit: 'AFP (twin)' } })
      const credits = (await listQueries(app.payload, 'limit=100&depth=0')).docs.map((doc) => doc.attribution?.credit)
      expect(credits).toContain('AFP (twin)')
      await other.updateGlobal({ slug: 'publisher', data: { name: 'Twin Media' } })
      const names = (await listQueries(app.payload, 'limit=10&depth=0')).docs.map((doc) => (doc.attribution?.jsonLd as { publisher?: { name?: string } })?.publisher?.name)
      expect(new Set(names)).toEqual(new Set(['Twin Media']))
    } finally {
      await other.destroy()
    }
  })
})

describe('the rights lifecycle in an anonymous list: part of the query, not a filter after it', () => {
  it('embargo, withdrawal and usage window are conditions of the list statement; no statement more', async () => {
    // A usage window nothing here has reached, so both instances list the same articles.
    const [source] = (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: 'UPI' } } })).docs
    await app.payload.update({ collection: 'wire-sources', id: source.id, data: { usage: { maxAgeDays: 36500, archive: 'allowed' } } as never })
    try {
      expect(await extra('limit=100&depth=0')).toBe(1)
      const { queries } = await listQueries(app.payload, 'limit=100&depth=0')
      const list = queries.filter((statement) => /from "articles"/i.test(statement) && /limit/i.test(statement))
      expect(list).toHaveLength(1)
      const where = list[0].slice(list[0].search(/\swhere\s/i))
      for (const column of ['embargo_until', 'withdrawn_at', 'dateline_date', 'published_at', '"source_id"|"source"']) {
        expect({ column, inWhere: new RegExp(column).test(where) }).toEqual({ column, inWhere: true })
      }
      // The twin (plugin off) lists without them: they are the plugin's.
      const twin = (await listQueries(off, 'limit=100&depth=0')).queries.find((statement) => /from "articles"/i.test(statement) && /limit/i.test(statement))!
      expect(/embargo_until|withdrawn_at/.test(twin.slice(twin.search(/\swhere\s/i)))).toBe(false)
    } finally {
      await app.payload.update({ collection: 'wire-sources', id: source.id, data: { usage: { maxAgeDays: null, archive: null } } as never })
    }
  })
})
