/**
 * History is never rewritten (DESIGN): a delete that the database would carry over to other
 * documents and their versions (relationship rows cascade away, single references go null) is
 * refused with a 409 that lists who still points to the document; ids of deleted rows are never
 * handed out again, on SQLite (AUTOINCREMENT, and a migration that rebuilds existing databases
 * without losing a row) as on PostgreSQL (sequences).
 */
import type { CollectionSlug } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { migrations as sqliteMigrations } from '@/migrations/sqlite'

import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { databaseUnderTest, startApp, type TestApp } from '../helpers/payload'

type Id = number

let app: TestApp
let api: ReturnType<typeof http>
let admin: Record<string, string>
const ids: Record<string, Id> = {}
let before: string
let attributionBefore: Json

const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  admin = await app.auth('admin')
  const { payload } = app
  const site = await payload.create({ collection: 'sites', data: { name: 'History site', domain: 'history.example' } })
  const section = await payload.create({ collection: 'sections', data: { name: 'HISTORY', site: site.id } })
  const source = await payload.create({ collection: 'wire-sources', data: { name: 'History Wire', code: 'HIST', credit: 'HW', kind: 'news-agency', license: 'copyright' } })
  const notice = await payload.create({
    collection: 'legal-notices',
    data: {
      title: 'History Wire terms',
      kind: 'source-copyright',
      body: paragraph('Copy from History Wire, reproduced under licence.'),
      appliesTo: { scope: 'sources', sources: [source.id] },
      _status: 'published',
    },
  })
  const story = await payload.create({
    collection: 'articles',
    data: { headline: 'Story one', _status: 'published', source: source.id, section: section.id },
  })
  const related = await payload.create({
    collection: 'articles',
    data: { headline: 'Story two', _status: 'published', source: source.id, relatedArticles: [story.id] },
  })
  Object.assign(ids, { site: site.id, section: section.id, source: source.id, notice: notice.id, story: story.id, related: related.id })
  await tick()
  before = new Date().toISOString()
  await tick()
  attributionBefore = (await api.rest('GET', `articles/${story.id}?attributionAt=${before}`)).body.attribution
})
afterAll(async () => app?.stop())

/** Everything a delete could rewrite: the documents as stored (ids, not populated) and every version. */
const everything = async () => {
  const { payload } = app
  const all = async (collection: CollectionSlug) => (await payload.find({ collection, depth: 0, limit: 0, trash: true, sort: 'id' })).docs
  const versions = async (collection: 'articles' | 'legal-notices') =>
    (await payload.findVersions({ collection, depth: 0, limit: 0, sort: 'id', trash: true })).docs
  return {
    articles: await all('articles'),
    notices: await all('legal-notices'),
    sources: await all('wire-sources'),
    sections: await all('sections'),
    sites: await all('sites'),
    users: await all('users'),
    audit: await all('audit-log'),
    articleVersions: await versions('articles'),
    noticeVersions: await versions('legal-notices'),
  }
}

const restError = (status: number, res: { status: number; body: Json }) => {
  expect(res.status).toBe(status)
  return res.body.errors[0] as { data?: { references: Json[] }; message: string }
}

describe('deletes that would rewrite history are refused with 409', () => {
  it('a wire source in the trash that a published notice and articles name: REST and GraphQL', async () => {
    expect((await api.rest('PATCH', `wire-sources/${ids.source}`, { headers: admin, body: { deletedAt: new Date().toISOString() } })).status).toBe(200)
    const state = await everything()

    const error = restError(409, await api.rest('DELETE', `wire-sources/${ids.source}?trash=true`, { headers: admin }))
    expect(error.message).toMatch(/^This document cannot be deleted/)
    expect(error.message).toContain('legal-notices')
    expect(error.message).toContain('“History Wire terms”')
    expect(error.message).toContain(`articles ${ids.story} “Story one”`)
    // Already in the trash: nothing more to offer.
    expect(error.message).not.toContain('trash')
    expect(error.data!.references).toEqual(
      expect.arrayContaining([
        { collection: 'legal-notices', id: ids.notice, title: 'History Wire terms' },
        { collection: 'articles', id: ids.story, title: 'Story one' },
        { collection: 'articles', id: ids.related, title: 'Story two' },
      ]),
    )

    const gql = await api.graphql(`mutation { deleteWireSource(id: ${ids.source}, trash: true) { id } }`, { headers: admin })
    expect(gql.body.errors[0]).toMatchObject({ message: error.message, extensions: { statusCode: 409 } })

    expect(await everything()).toEqual(state)
    const notice = await app.payload.findByID({ collection: 'legal-notices', id: ids.notice, depth: 0 })
    expect(notice.appliesTo?.sources).toEqual([ids.source])
    // Restored for the tests below.
    await app.payload.update({ collection: 'wire-sources', id: ids.source, data: { deletedAt: null }, trash: true })
  })

  it('an article that another article relates to, versions included: REST and GraphQL, with the trash offered', async () => {
    const state = await everything()
    const error = restError(409, await api.rest('DELETE', `articles/${ids.story}`, { headers: admin }))
    expect(error.message).toBe(
      `This document cannot be deleted: deleting it would change what these documents or their versions say: articles ${ids.related} “Story two”. Move it to the trash instead.`,
    )
    const gql = await api.graphql(`mutation { deleteArticle(id: ${ids.story}) { id } }`, { headers: admin })
    expect(gql.body.errors[0]).toMatchObject({ message: error.message, extensions: { statusCode: 409 } })
    // A bulk delete (emptying the trash) skips it with the same reason.
    const bulk = await api.rest('DELETE', `articles?where[id][equals]=${ids.story}`, { headers: admin })
    expect(bulk.status).toBe(400)
    expect(bulk.body.errors[0].message).toBe(error.message)

    expect(await everything()).toEqual(state)
    const related = await app.payload.findByID({ collection: 'articles', id: ids.related, depth: 0 })
    expect(related.relatedArticles).toEqual([ids.story])
    const versions = await app.payload.findVersions({ collection: 'articles', where: { parent: { equals: ids.related } }, depth: 0 })
    expect(versions.docs.every((v) => JSON.stringify(v.version.relatedArticles) === JSON.stringify([ids.story]))).toBe(true)
  })

  it('a reference kept only in an earlier version still counts', async () => {
    const { payload } = app
    const target = await payload.create({ collection: 'articles', data: { headline: 'Once related', _status: 'published', source: ids.source } })
    const holder = await payload.create({
      collection: 'articles',
      data: { headline: 'Used to relate', _status: 'published', source: ids.source, relatedArticles: [target.id] },
    })
    await payload.update({ collection: 'articles', id: holder.id, data: { relatedArticles: [] } })
    const error = restError(409, await api.rest('DELETE', `articles/${target.id}`, { headers: admin }))
    expect(error.message).toContain(`articles ${holder.id} “Used to relate” (an earlier version)`)
    expect(error.data!.references).toEqual([{ collection: 'articles', id: holder.id, title: 'Used to relate', version: true }])
  })

  it.each([
    ['sections', 'section', `articles`],
    ['sites', 'site', 'sections'],
  ] as const)('%s that documents point to', async (collection, key, by) => {
    const state = await everything()
    const error = restError(409, await api.rest('DELETE', `${collection}/${ids[key]}`, { headers: admin }))
    expect(error.message).toContain(by)
    expect(error.message).not.toContain('trash')
    expect(await everything()).toEqual(state)
  })

  it('a user named by the audit log', async () => {
    const email = 'history-officer@wirehouse.test'
    const user = await app.payload.create({ collection: 'users', data: { email, password: 'secret-password', roles: ['admin'] } })
    const { token } = await app.payload.login({ collection: 'users', data: { email, password: 'secret-password' } })
    const change = await api.rest('POST', 'globals/publisher', {
      headers: { Authorization: `JWT ${token}` },
      body: { jurisdiction: 'Audited by the history test' },
    })
    expect(change.status).toBe(200)
    const state = await everything()
    const error = restError(409, await api.rest('DELETE', `users/${user.id}`, { headers: admin }))
    expect(error.message).toContain('audit-log')
    expect(await everything()).toEqual(state)
  })

  it('time travel to a moment before the attempts shows what it showed then', async () => {
    const now = await api.rest('GET', `articles/${ids.story}?attributionAt=${before}`)
    expect(now.status).toBe(200)
    expect(now.body.attribution).toEqual(attributionBefore)
    expect(attributionBefore.notices.map((n: Json) => n.title)).toContain('History Wire terms')
  })

  it('what nothing points to is deleted as before', async () => {
    const { payload } = app
    const lone = await payload.create({ collection: 'articles', data: { headline: 'Lone story', _status: 'published', source: ids.source } })
    expect((await api.rest('DELETE', `articles/${lone.id}`, { headers: admin })).status).toBe(200)
    const source = await payload.create({ collection: 'wire-sources', data: { name: 'Unused Wire', code: 'UNUSED', kind: 'other', license: 'copyright' } })
    await payload.update({ collection: 'wire-sources', id: source.id, data: { deletedAt: new Date().toISOString() } })
    expect((await api.rest('DELETE', `wire-sources/${source.id}?trash=true`, { headers: admin })).status).toBe(200)
  })
})

describe('articles: editors trash, only admins delete for good', () => {
  const fresh = async () =>
    (await app.payload.create({ collection: 'articles', data: { headline: `Trash me ${Math.random()}`, _status: 'published', source: ids.source } })).id
  const trashed = async () => {
    const id = await fresh()
    await app.payload.update({ collection: 'articles', id, data: { deletedAt: new Date().toISOString() } })
    return id
  }

  it('an editor moves an article to the trash and restores it', async () => {
    const headers = await app.auth('editor')
    const id = await fresh()
    expect((await api.rest('PATCH', `articles/${id}`, { headers, body: { deletedAt: new Date().toISOString() } })).status).toBe(200)
    expect((await app.payload.findByID({ collection: 'articles', id, trash: true })).deletedAt).toEqual(expect.any(String))
    expect((await api.rest('PATCH', `articles/${id}?trash=true`, { headers, body: { deletedAt: null } })).status).toBe(200)
    expect((await app.payload.findByID({ collection: 'articles', id })).deletedAt ?? null).toBeNull()
  })

  it.each(['anonymous', 'editor', 'compliance'] as const)('%s cannot delete an article for good, in or out of the trash', async (role) => {
    const headers = await app.auth(role)
    for (const id of [await fresh(), await trashed()]) {
      expect((await api.rest('DELETE', `articles/${id}?trash=true`, { headers })).status).toBe(403)
      const gql = await api.graphql(`mutation { deleteArticle(id: ${id}, trash: true) { id } }`, { headers })
      expect(gql.body.errors[0].extensions.statusCode).toBe(403)
      expect(await app.payload.findByID({ collection: 'articles', id, trash: true, disableErrors: true })).not.toBeNull()
    }
    // Emptying the trash.
    expect((await api.rest('DELETE', 'articles?trash=true&where[deletedAt][exists]=true', { headers })).status).toBe(403)
  })

  it('an admin deletes for good and empties the trash', async () => {
    const id = await fresh()
    expect((await api.rest('DELETE', `articles/${id}`, { headers: admin })).status).toBe(200)
    const [a, b] = [await trashed(), await trashed()]
    const res = await api.rest('DELETE', 'articles?trash=true&where[deletedAt][exists]=true', { headers: admin })
    expect(res.status).toBe(200)
    for (const gone of [id, a, b]) {
      expect(await app.payload.findByID({ collection: 'articles', id: gone, trash: true, disableErrors: true })).toBeNull()
    }
  })
})

describe(`ids are never reused (${databaseUnderTest()})`, () => {
  it.each(['articles', 'sections', 'users'] as const)('%s: the id of a deleted newest row is not handed out again', async (collection) => {
    const { payload } = app
    const data = {
      articles: () => ({ headline: `Newest ${Math.random()}`, _status: 'draft' }),
      sections: () => ({ name: `NEWEST ${Math.random()}`, site: ids.site }),
      users: () => ({ email: `newest-${Math.random()}@history.test`, password: 'secret-password', roles: ['editor'] }),
    }[collection]
    const doc = await payload.create({ collection, data: data() as never })
    const versionIds = async (parent: Id) =>
      (await payload.findVersions({ collection: 'articles', where: { parent: { equals: parent } } })).docs.map((v) => Number(v.id))
    const oldVersions = collection === 'articles' ? await versionIds(doc.id) : []
    await payload.delete({ collection, id: doc.id })
    const next = await payload.create({ collection, data: data() as never })
    expect(Number(next.id)).toBeGreaterThan(Number(doc.id))
    if (collection === 'articles') expect(Math.min(...(await versionIds(next.id)))).toBeGreaterThan(Math.max(...oldVersions))
  })
})

// The migration for existing SQLite databases: every table rebuilt with AUTOINCREMENT, no row lost.
const sqliteOnly = databaseUnderTest() === 'sqlite' ? describe : describe.skip

sqliteOnly('the autoincrement_ids migration on an existing SQLite database', () => {
  const file = path.join(os.tmpdir(), `wh_autoincrement_${process.pid}.db`)
  let client: ReturnType<typeof createClient>
  let db: ReturnType<typeof drizzle>
  const index = sqliteMigrations.findIndex((m) => m.name.endsWith('_autoincrement_ids'))
  // As Payload runs a migration: in a transaction, foreign keys on.
  const run = (up: (args: never) => Promise<void>) => db.transaction(async (tx) => up({ db: tx, payload: undefined, req: undefined } as never))

  const dump = async () => {
    const tables = (await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)).rows
    const out: Record<string, unknown[]> = {}
    for (const { name } of tables) {
      // A rebuild may put the columns in another order: compare rows by column name.
      const rows = (await client.execute(`SELECT * FROM "${name}"`)).rows.map((row) =>
        JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))),
      )
      out[String(name)] = rows.sort()
    }
    return out
  }

  beforeAll(async () => {
    client = createClient({ url: `file:${file}` })
    db = drizzle(client)
    for (const migration of sqliteMigrations.slice(0, index)) await run(migration.up as never)
    const now = "'2024-07-03T00:00:00.000Z'"
    await client.executeMultiple(`
      INSERT INTO wire_sources (id, name, code, kind, license, updated_at, created_at) VALUES (1, 'AFP', 'AFP', 'news-agency', 'copyright', ${now}, ${now}), (2, 'UPI', 'UPI', 'news-agency', 'copyright', ${now}, ${now});
      INSERT INTO sites (id, name, domain, updated_at, created_at) VALUES (1, 'Space War', 'spacewar.example', ${now}, ${now});
      INSERT INTO sections (id, name, slug, site_id, updated_at, created_at) VALUES (1, 'SUPERPOWERS', 'superpowers', 1, ${now}, ${now});
      INSERT INTO articles (id, headline, slug, source_id, section_id, _status, updated_at, created_at) VALUES (1, 'One', 'one', 1, 1, 'published', ${now}, ${now}), (2, 'Two', 'two', 2, 1, 'published', ${now}, ${now}), (4, 'Four', 'four', 1, 1, 'published', ${now}, ${now});
      INSERT INTO articles_rels (id, "order", parent_id, path, articles_id, wire_sources_id) VALUES (1, 1, 2, 'relatedArticles', 1, NULL), (2, 1, 2, 'additionalSources', NULL, 1);
      INSERT INTO _articles_v (id, parent_id, version_headline, version_source_id, version__status, latest, updated_at, created_at) VALUES (1, 1, 'One', 1, 'published', 1, ${now}, ${now}), (2, 2, 'Two', 2, 'published', 1, ${now}, ${now});
      INSERT INTO _articles_v_rels (id, "order", parent_id, path, articles_id) VALUES (1, 1, 2, 'version.relatedArticles', 1);
      INSERT INTO legal_notices (id, title, kind, applies_to_scope, _status, updated_at, created_at) VALUES (1, 'AFP terms', 'source-copyright', 'sources', 'published', ${now}, ${now});
      INSERT INTO legal_notices_rels (id, "order", parent_id, path, wire_sources_id) VALUES (1, 1, 1, 'appliesTo.sources', 1);
      INSERT INTO _legal_notices_v (id, parent_id, version_title, version__status, latest, updated_at, created_at) VALUES (1, 1, 'AFP terms', 'published', 1, ${now}, ${now});
      INSERT INTO _legal_notices_v_rels (id, "order", parent_id, path, wire_sources_id) VALUES (1, 1, 1, 'version.appliesTo.sources', 1);
      INSERT INTO users (id, email, updated_at, created_at) VALUES (1, 'admin@example.com', ${now}, ${now});
      INSERT INTO audit_log (id, at, operation, collection, document_id, user_id, updated_at, created_at) VALUES (1, ${now}, 'create', 'wire-sources', '1', 1, ${now}, ${now});
    `)
  })
  afterAll(() => {
    client?.close()
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true })
  })

  it('keeps every row and id, then never reuses an id', async () => {
    const rows = await dump()
    expect(rows.articles_rels).toHaveLength(2)
    expect(rows._articles_v_rels).toHaveLength(1)
    await run(sqliteMigrations[index].up as never)
    expect(await dump()).toEqual(rows)
    const schema = (await client.execute(`SELECT sql FROM sqlite_master WHERE name = 'articles'`)).rows[0].sql
    expect(schema).toMatch(/`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL/)
    expect((await client.execute('PRAGMA foreign_key_check')).rows).toEqual([])

    // The newest row goes; the next one gets a new id.
    await client.execute(`DELETE FROM articles WHERE id = 4`)
    const inserted = await client.execute(
      `INSERT INTO articles (headline, slug, _status, updated_at, created_at) VALUES ('Five', 'five', 'draft', 'now', 'now') RETURNING id`,
    )
    expect(Number(inserted.rows[0].id)).toBe(5)
  })

  it('and back down, keeping every row', async () => {
    const rows = await dump()
    await run(sqliteMigrations[index].down as never)
    expect(await dump()).toEqual(rows)
  })
})
