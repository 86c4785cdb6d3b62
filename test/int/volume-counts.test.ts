/**
 * `totalDocs` stays exact while SQL adapters reuse counts (src/countCache.ts): after creates,
 * publishes, trash, restores, deletes, raw SQL writes and a section's deletion, on the instance
 * that wrote and on a second instance on the same database that had the old counts; inside a
 * transaction that changed articles; and with the triggers that keep the change token gone.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type SQL, sql } from 'drizzle-orm'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type Where } from 'payload'

import { insertArticles } from '../helpers/bulk'
import { countQueries, startTwin } from '../helpers/instances'
import { databaseUnderTest, startApp, type TestApp } from '../helpers/payload'

const kind = databaseUnderTest()
const sqlOnly = kind === 'mongodb' ? it.skip : it

let app: TestApp
let twin: Payload
let source: number
let section: number

/** What each list's `totalDocs` must be, counted without any count: every matching id. */
type Case = { name: string; where: Where; draft?: boolean; anonymous?: boolean }
const CASES = (): Case[] => [
  { name: 'published (anonymous)', where: {}, anonymous: true },
  { name: 'by source (anonymous)', where: { source: { equals: source } }, anonymous: true },
  { name: 'by section (anonymous)', where: { section: { equals: section } }, anonymous: true },
  { name: 'all (admin list, latest versions)', where: {}, draft: true },
  { name: 'drafts (admin)', where: { _status: { equals: 'draft' } } },
]

const totalDocs = async (payload: Payload, c: Case) =>
  (
    await payload.find({
      collection: 'articles',
      where: c.where,
      draft: c.draft,
      limit: 1,
      depth: 0,
      overrideAccess: !c.anonymous,
    })
  ).totalDocs

const truth = async (c: Case) =>
  (
    await app.payload.find({
      collection: 'articles',
      where: c.where,
      draft: c.draft,
      pagination: false,
      depth: 0,
      overrideAccess: !c.anonymous,
    })
  ).docs.length

/** Every case on both instances equals the truth (the counts are read twice: cached, then again). */
const expectExact = async () => {
  for (const c of CASES()) {
    const expected = await truth(c)
    for (const payload of [app.payload, twin, app.payload, twin]) {
      expect({ case: c.name, totalDocs: await totalDocs(payload, c) }).toEqual({ case: c.name, totalDocs: expected })
    }
  }
}

/** A statement straight to the database, past Payload. */
const raw = async (statement: SQL) => {
  const { drizzle } = app.payload.db as unknown as { drizzle: { execute: (q: SQL) => Promise<unknown>; run: (q: SQL) => Promise<unknown> } }
  await (kind === 'postgres' ? drizzle.execute(statement) : drizzle.run(statement))
}

const countStatements = (queries: string[]) => queries.filter((q) => /^select count\(\*\)/i.test(q)).length

const create = (payload: Payload, status: 'draft' | 'published', n: number) =>
  payload.create({
    collection: 'articles',
    draft: status === 'draft',
    data: { headline: `Count story ${n}`, source, section, _status: status },
  })

beforeAll(async () => {
  app = await startApp()
  twin = await startTwin({})
  source = (await app.payload.find({ collection: 'wire-sources', limit: 1, depth: 0, sort: 'id' })).docs[0].id as number
  section = (await app.payload.find({ collection: 'sections', limit: 1, depth: 0, sort: 'id' })).docs[0].id as number
  await expectExact()
}, 300_000)

afterAll(async () => {
  await twin?.destroy()
  await app?.stop()
})

describe('totalDocs with counts reused until the articles change', () => {
  sqlOnly('a repeated list does not count again; a change makes the next one count', async () => {
    const list = () => countQueries(app.payload, () => totalDocs(app.payload, CASES()[0]))
    await list()
    const again = await list()
    expect(countStatements(again.queries)).toBe(0)
    await create(twin, 'published', 0)
    const after = await list()
    expect(countStatements(after.queries)).toBe(1)
    expect(after.result).toBe(again.result + 1)
  })

  it('creates (published and draft), through either instance', async () => {
    await create(app.payload, 'published', 1)
    await expectExact()
    await create(twin, 'draft', 2)
    await expectExact()
  })

  it('publishing a draft, unpublishing, editing a draft of a published article', async () => {
    const draft = await create(app.payload, 'draft', 3)
    await expectExact()
    await twin.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } })
    await expectExact()
    await app.payload.update({ collection: 'articles', id: draft.id, data: { _status: 'draft' } })
    await expectExact()
    const published = await create(twin, 'published', 4)
    await app.payload.update({ collection: 'articles', id: published.id, draft: true, data: { headline: 'Count story 4, a draft edit' } })
    await expectExact()
  })

  it('moving to the trash, restoring, deleting for good', async () => {
    const article = await create(app.payload, 'published', 5)
    await expectExact()
    await twin.update({ collection: 'articles', id: article.id, data: { deletedAt: new Date().toISOString() } })
    await expectExact()
    await app.payload.update({ collection: 'articles', id: article.id, trash: true, data: { deletedAt: null } })
    await expectExact()
    await twin.delete({ collection: 'articles', id: article.id })
    await expectExact()
  })

  sqlOnly('rows written by raw SQL, and a section deleted by raw SQL (its articles lose it by a foreign-key action)', async () => {
    await insertArticles(app.payload, { count: 30, prefix: 'count-bulk', sources: [source, null], sections: [section] })
    await expectExact()
    const site = (await app.payload.find({ collection: 'sites', limit: 1, depth: 0 })).docs[0].id as number
    const doomed = await app.payload.create({ collection: 'sections', data: { name: 'Doomed', slug: 'doomed', site } })
    await insertArticles(app.payload, { count: 5, prefix: 'count-doomed', sources: [source], sections: [doomed.id] })
    const bySection: Case = { name: 'by the doomed section', where: { section: { equals: doomed.id } }, anonymous: true }
    expect(await totalDocs(twin, bySection)).toBe(5)
    // Raw: the app refuses to delete a section its articles use.
    await raw(sql`DELETE FROM "sections" WHERE "id" = ${doomed.id}`)
    expect(await totalDocs(twin, bySection)).toBe(await truth(bySection))
    expect(await truth(bySection)).toBe(0)
    await expectExact()
  })

  it('inside a transaction: its own uncommitted article counts there, and nowhere after a rollback', async () => {
    const c = CASES()[0]
    const before = await totalDocs(twin, c)
    const req = await createLocalReq({}, app.payload)
    await initTransaction(req)
    try {
      await app.payload.create({ collection: 'articles', req, data: { headline: 'Count story 6', source, section, _status: 'published' } })
      expect((await app.payload.find({ collection: 'articles', req, limit: 1, depth: 0, overrideAccess: false })).totalDocs).toBe(before + 1)
    } finally {
      await killTransaction(req)
    }
    expect(await totalDocs(app.payload, c)).toBe(before)
    expect(await totalDocs(twin, c)).toBe(before)
    await expectExact()
    // And a committed one counts everywhere.
    const committed = await createLocalReq({}, twin)
    await initTransaction(committed)
    await twin.create({ collection: 'articles', req: committed, data: { headline: 'Count story 7', source, section, _status: 'published' } })
    await commitTransaction(committed)
    expect(await totalDocs(app.payload, c)).toBe(before + 1)
    await expectExact()
  })

  sqlOnly('without the triggers that keep the change token, every list counts (and stays exact)', async () => {
    await raw(sql.raw(kind === 'postgres' ? 'DROP TRIGGER "wirehouse_articles_changed" ON "articles"' : 'DROP TRIGGER "wirehouse_articles_inserted"'))
    await expectExact()
    await insertArticles(app.payload, { count: 3, prefix: 'count-untracked', sources: [source], sections: [section] })
    await expectExact()
    const { queries } = await countQueries(app.payload, () => totalDocs(app.payload, CASES()[0]))
    expect(countStatements(queries)).toBe(1)
  })
})
