/**
 * The audit trail (src/hooks/audit.ts, collections/AuditLog.ts) and the delete rules for notices
 * and sources: every change to a notice, a source's rights or the publisher global is recorded
 * with who, when, which fields, old and new; nobody changes or deletes an entry through any API;
 * notices and sources go to the trash first, and a notice that was ever published never leaves it.
 */
import type { Where } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

type Who = 'admin' | 'anonymous' | 'compliance' | 'compliance2' | 'editor'
type Id = number

const FORBIDDEN = 'You are not allowed to perform this action.'
const WHO: Who[] = ['anonymous', 'editor', 'compliance', 'admin']

let app: TestApp
let api: ReturnType<typeof http>
const as = {} as Record<Who, Record<string, string>>
const users = {} as Record<Exclude<Who, 'anonymous'>, Json & { id: Id }>
let seq = 0
const next = () => ++seq

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  for (const who of ['admin', 'compliance', 'compliance2', 'editor'] as const) {
    const { token, user } = await app.payload.login({
      collection: 'users',
      data: { email: `${who}@wirehouse.test`, password: 'wirehouse-demo' },
    })
    as[who] = { Authorization: `JWT ${token}` }
    users[who] = { ...(user as unknown as Json), collection: 'users' } as unknown as Json & { id: Id }
  }
  as.anonymous = {}
})
afterAll(async () => app?.stop())

// ---------------------------------------------------------------------------------------------
// Helpers

/** Entries, oldest first, read with the Local API. */
const entries = async (where: Where = {}) =>
  (await app.payload.find({ collection: 'audit-log', where, sort: 'id', depth: 0, pagination: false, limit: 0 })).docs as unknown as Json[]

const entriesFor = (collection: string, documentId: Id | null) =>
  entries(documentId === null ? { collection: { equals: collection } } : { and: [{ collection: { equals: collection } }, { documentId: { equals: String(documentId) } }] })

/** `{ field: { from, to } }` for an entry's changes. */
const changesOf = (entry: Json): Record<string, { from: unknown; to: unknown }> =>
  Object.fromEntries((entry.changes as Json[]).map(({ field, from, to }) => [field, { from, to }]))

/**
 * Runs `act`, then checks that exactly one entry was added for the document (`null`: a global;
 * `'new'`: one about to be created), by `who`, stamped within the call.
 */
const oneEntry = async (collection: string, documentId: Id | null | 'new', who: Exclude<Who, 'anonymous'> | null, act: () => Promise<unknown>): Promise<Json> => {
  if (documentId === 'new') {
    const entry = await oneEntry(collection, null, who, act)
    expect(entry.documentId).toEqual(expect.stringMatching(/^\w+$/))
    return entry
  }
  const before = (await entriesFor(collection, documentId)).length
  const start = Date.now()
  await act()
  const end = Date.now()
  const after = await entriesFor(collection, documentId)
  expect(after).toHaveLength(before + 1)
  const entry = after.at(-1)!
  expect(entry).toMatchObject({
    collection,
    ...(documentId !== null && { documentId: String(documentId) }),
    user: who ? users[who].id : null,
    userEmail: who ? `${who}@wirehouse.test` : null,
  })
  expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(start - 5)
  expect(Date.parse(entry.at)).toBeLessThanOrEqual(end + 5)
  return entry
}

const noticeData = (title: string, body = 'Notice text.') => ({ title, kind: 'gdpr', appliesTo: { scope: 'all' }, body: paragraph(body) })

/** A notice made with the Local API, as the system (published unless `draft`). */
const makeNotice = async (draft = false) => {
  const doc = await app.payload.create({
    collection: 'legal-notices',
    draft,
    data: { ...noticeData(`Audit notice ${next()}`), _status: draft ? 'draft' : 'published' } as never,
  })
  return doc.id as Id
}

const ok = (res: { status: number; body: Json }, status = 200) => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body
}

// ---------------------------------------------------------------------------------------------

describe('what is recorded', () => {
  it('seeding recorded its changes as the system, with no user', async () => {
    const seeded = await entries({ user: { exists: false } })
    expect(seeded.length).toBeGreaterThan(0)
    expect(new Set(seeded.map((e) => e.collection))).toEqual(new Set(['publisher', 'wire-sources', 'legal-notices']))
    for (const entry of seeded) expect(entry).toMatchObject({ user: null, userEmail: null })
  })

  it('a notice: create, then a draft update with who, when, which fields, old and new', async () => {
    let id = 0
    const created = await oneEntry('legal-notices', 'new', 'compliance', async () => {
      id = ok(await api.rest('POST', 'legal-notices?draft=true', { headers: as.compliance, body: { ...noticeData('Data statement', 'Version one.'), _status: 'draft' } }), 201).doc.id
    })
    expect(created).toMatchObject({ operation: 'create', documentId: String(id) })
    expect(changesOf(created)).toMatchObject({
      title: { from: null, to: 'Data statement' },
      kind: { from: null, to: 'gdpr' },
      'appliesTo.scope': { from: null, to: 'all' },
      body: { from: null, to: paragraph('Version one.') },
      _status: { from: null, to: 'draft' },
    })

    const updated = await oneEntry('legal-notices', id, 'compliance2', async () => {
      ok(await api.rest('PATCH', `legal-notices/${id}?draft=true`, {
        headers: as.compliance2,
        body: { title: 'Data protection statement', body: paragraph('Version two.'), order: 5 },
      }))
    })
    expect(updated.operation).toBe('update')
    expect(updated.changes).toEqual([
      { id: expect.any(String), field: 'title', from: 'Data statement', to: 'Data protection statement' },
      { id: expect.any(String), field: 'body', from: paragraph('Version one.'), to: paragraph('Version two.') },
      { id: expect.any(String), field: 'order', from: 100, to: 5 },
    ])
  })

  it('a notice: publish, draft over the published text, unpublish, trash, restore', async () => {
    const id = ok(await api.rest('POST', 'legal-notices?draft=true', { headers: as.compliance, body: { ...noticeData('Cookie notice'), _status: 'draft' } }), 201).doc.id

    const published = await oneEntry('legal-notices', id, 'admin', async () => {
      ok(await api.rest('PATCH', `legal-notices/${id}`, { headers: as.admin, body: { _status: 'published' } }))
    })
    expect(published.operation).toBe('publish')
    expect(changesOf(published)).toMatchObject({
      _status: { from: 'draft', to: 'published' },
      'review.state': { from: 'draft', to: 'approved' },
      'review.reviewedBy': { from: null, to: users.admin.id },
    })

    const drafted = await oneEntry('legal-notices', id, 'compliance', async () => {
      ok(await api.rest('PATCH', `legal-notices/${id}?draft=true`, { headers: as.compliance, body: { title: 'Cookie notice (new)' } }))
    })
    expect(drafted.operation).toBe('update')
    expect(changesOf(drafted).title).toEqual({ from: 'Cookie notice', to: 'Cookie notice (new)' })
    expect((await api.rest('GET', `legal-notices/${id}`)).body.title).toBe('Cookie notice')

    const unpublished = await oneEntry('legal-notices', id, 'admin', async () => {
      ok(await api.rest('PATCH', `legal-notices/${id}`, { headers: as.admin, body: { _status: 'draft' } }))
    })
    expect(unpublished.operation).toBe('unpublish')
    expect((await api.rest('GET', `legal-notices/${id}`)).status).toBe(404)

    await app.payload.update({ collection: 'legal-notices', id, data: { _status: 'published' } })
    const trashed = await oneEntry('legal-notices', id, 'compliance', async () => {
      ok(await api.rest('PATCH', `legal-notices/${id}`, { headers: as.compliance, body: { deletedAt: new Date().toISOString() } }))
    })
    expect(trashed.operation).toBe('trash')
    expect(changesOf(trashed).deletedAt).toEqual({ from: null, to: expect.any(String) })

    const restored = await oneEntry('legal-notices', id, 'compliance2', async () => {
      ok(await api.rest('PATCH', `legal-notices/${id}?trash=true`, { headers: as.compliance2, body: { deletedAt: null } }))
    })
    expect(restored.operation).toBe('restore')
    expect(changesOf(restored).deletedAt).toEqual({ from: changesOf(trashed).deletedAt.to, to: null })
    expect((await api.rest('GET', `legal-notices/${id}`)).status).toBe(200)
  })

  it("a source's rights: create, update of the rights fields only, trash, restore, delete", async () => {
    let id = 0
    const created = await oneEntry('wire-sources', 'new', 'editor', async () => {
      id = ok(await api.rest('POST', 'wire-sources', { headers: as.editor, body: { name: 'Orbital Wire', code: 'orb' } }), 201).doc.id
    })
    expect(created.operation).toBe('create')
    expect(changesOf(created)).toMatchObject({
      name: { from: null, to: 'Orbital Wire' },
      code: { from: null, to: 'ORB' },
      kind: { from: null, to: 'other' },
      license: { from: null, to: 'copyright' },
    })

    // Rights change directly for admins only (compliance staff propose: rights-review.test.ts).
    const updated = await oneEntry('wire-sources', id, 'admin', async () => {
      ok(await api.rest('PATCH', `wire-sources/${id}`, {
        headers: as.admin,
        body: { license: 'public-domain', copyrightHolder: 'Orbital Agency', bylineAliases: ['Orbital Staff'] },
      }))
    })
    expect(updated).toMatchObject({ operation: 'update' })
    expect(updated.changes.map(({ id: _, ...change }: Json) => change)).toEqual([
      { field: 'copyrightHolder', from: null, to: 'Orbital Agency' },
      { field: 'license', from: 'copyright', to: 'public-domain' },
      { field: 'bylineAliases', from: null, to: ['Orbital Staff'] },
    ])

    // A save that changes nothing records nothing.
    const count = (await entriesFor('wire-sources', id)).length
    ok(await api.rest('PATCH', `wire-sources/${id}`, { headers: as.admin, body: { license: 'public-domain' } }))
    expect(await entriesFor('wire-sources', id)).toHaveLength(count)

    const trashed = await oneEntry('wire-sources', id, 'compliance', async () => {
      ok(await api.rest('PATCH', `wire-sources/${id}`, { headers: as.compliance, body: { deletedAt: new Date().toISOString() } }))
    })
    expect(trashed.operation).toBe('trash')
    const restored = await oneEntry('wire-sources', id, 'admin', async () => {
      ok(await api.rest('PATCH', `wire-sources/${id}?trash=true`, { headers: as.admin, body: { deletedAt: null } }))
    })
    expect(restored.operation).toBe('restore')

    await app.payload.update({ collection: 'wire-sources', id, data: { deletedAt: new Date().toISOString() } })
    const deleted = await oneEntry('wire-sources', id, 'compliance', async () => {
      ok(await api.rest('DELETE', `wire-sources/${id}?trash=true`, { headers: as.compliance }))
    })
    expect(deleted.operation).toBe('delete')
    expect(changesOf(deleted)).toMatchObject({ code: { from: 'ORB', to: null }, license: { from: 'public-domain', to: null } })
  })

  it('the publisher global', async () => {
    const before = await app.payload.findGlobal({ slug: 'publisher' })
    const entry = await oneEntry('publisher', null, 'compliance', async () => {
      ok(await api.rest('POST', 'globals/publisher', { headers: as.compliance, body: { jurisdiction: 'New Zealand' } }))
    })
    expect(entry).toMatchObject({ operation: 'update', documentId: null })
    expect(entry.changes.map(({ id: _, ...change }: Json) => change)).toEqual([
      { field: 'jurisdiction', from: before.jurisdiction ?? null, to: 'New Zealand' },
    ])
  })

  it('the audit log is filterable by its fields, the changed fields included', async () => {
    const headers = as.compliance
    const res = ok(await api.rest('GET', 'audit-log?where[collection][equals]=wire-sources&where[changes.field][equals]=copyrightHolder&where[userEmail][equals]=admin@wirehouse.test&limit=100', { headers }))
    expect(res.docs.length).toBeGreaterThan(0)
    for (const doc of res.docs) {
      expect(doc).toMatchObject({ collection: 'wire-sources', userEmail: 'admin@wirehouse.test' })
      expect(doc.changes.map((c: Json) => c.field)).toContain('copyrightHolder')
    }
    const gql = await api.graphql('{ AuditLogs(where: { operation: { equals: restore } }, sort: "-at") { docs { operation collection summary } } }', { headers })
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.AuditLogs.docs.length).toBeGreaterThanOrEqual(2)
    for (const doc of gql.body.data.AuditLogs.docs) expect(doc).toMatchObject({ operation: 'restore', summary: expect.stringMatching(/^restore /) })
  })
})

// ---------------------------------------------------------------------------------------------

describe('who reads the audit log', () => {
  it.each(['compliance', 'admin'] as const)('%s reads it over REST and GraphQL', async (who) => {
    const [entry] = await entries()
    const list = ok(await api.rest('GET', 'audit-log?limit=5', { headers: as[who] }))
    expect(list.totalDocs).toBe((await entries()).length)
    expect(ok(await api.rest('GET', `audit-log/${entry.id}`, { headers: as[who] })).id).toBe(entry.id)
    const gql = await api.graphql(`{ AuditLog(id: ${entry.id}) { id operation } AuditLogs(limit: 1) { totalDocs } }`, { headers: as[who] })
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.AuditLog).toEqual({ id: entry.id, operation: entry.operation })
  })

  it.each(['editor', 'anonymous'] as const)('%s is denied over REST and GraphQL', async (who) => {
    const [entry] = await entries()
    const denied = { status: 403, body: { errors: [{ message: FORBIDDEN }] } }
    expect(await api.rest('GET', 'audit-log', { headers: as[who] })).toEqual(denied)
    expect(await api.rest('GET', `audit-log/${entry.id}`, { headers: as[who] })).toEqual(denied)
    for (const query of [`{ AuditLog(id: ${entry.id}) { id } }`, '{ AuditLogs { docs { id } } }']) {
      const res = await api.graphql(query, { headers: as[who] })
      expect(res.body.errors).toEqual([expect.objectContaining({ message: FORBIDDEN })])
    }
    if (who === 'editor') {
      await expect(app.payload.find({ collection: 'audit-log', overrideAccess: false, user: users.editor as never })).rejects.toThrow(FORBIDDEN)
    }
  })
})

// ---------------------------------------------------------------------------------------------

describe('entries are final', () => {
  let entry: Json
  let before: Json[]

  const forged = () => ({ at: new Date().toISOString(), operation: 'delete', collection: 'legal-notices', documentId: '1', userEmail: 'mallory@example.com' })

  beforeAll(async () => {
    // Make sure there is an entry by someone, then freeze the whole log.
    await app.payload.updateGlobal({ slug: 'publisher', data: { jurisdiction: `Before the attempts ${next()}` } })
    entry = (await entries()).at(-1)!
    before = await entries()
  })

  it.each(WHO)('%s cannot create, update or delete an entry over REST', async (who) => {
    const headers = as[who]
    const denied = { status: 403, body: { errors: [{ message: FORBIDDEN }] } }
    expect(await api.rest('POST', 'audit-log', { headers, body: forged() })).toEqual(denied)
    expect(await api.rest('PATCH', `audit-log/${entry.id}`, { headers, body: { userEmail: 'nobody@example.com' } })).toEqual(denied)
    expect(await api.rest('DELETE', `audit-log/${entry.id}`, { headers })).toEqual(denied)
    // Bulk forms too.
    const bulkPatch = await api.rest('PATCH', `audit-log?where[id][exists]=true`, { headers, body: { userEmail: 'nobody@example.com' } })
    expect(bulkPatch.status).toBe(403)
    const bulkDelete = await api.rest('DELETE', `audit-log?where[id][exists]=true`, { headers })
    expect(bulkDelete.status).toBe(403)
    expect(await entries()).toEqual(before)
  })

  it.each(WHO)('%s cannot create, update or delete an entry over GraphQL', async (who) => {
    const headers = as[who]
    const create = await api.graphql('mutation ($data: mutationAuditLogInput!) { createAuditLog(data: $data) { id } }', {
      headers,
      variables: { data: { ...forged(), collection: 'legal_notices' } },
    })
    const update = await api.graphql(`mutation { updateAuditLog(id: ${entry.id}, data: { userEmail: "nobody@example.com" }) { id } }`, { headers })
    const remove = await api.graphql(`mutation { deleteAuditLog(id: ${entry.id}) { id } }`, { headers })
    for (const [res, field] of [
      [create, 'createAuditLog'],
      [update, 'updateAuditLog'],
      [remove, 'deleteAuditLog'],
    ] as const) {
      expect(res.body).toEqual({
        errors: [expect.objectContaining({ message: FORBIDDEN, extensions: { name: 'Forbidden', statusCode: 403 } })],
        data: { [field]: null },
      })
    }
    expect(await entries()).toEqual(before)
  })

  it.each(WHO)('%s cannot create, update or delete an entry with the Local API and overrideAccess: false', async (who) => {
    const user = who === 'anonymous' ? null : (users[who] as never)
    const asUser = { overrideAccess: false, user } as const
    await expect(app.payload.create({ collection: 'audit-log', data: forged() as never, ...asUser })).rejects.toThrow(FORBIDDEN)
    await expect(app.payload.update({ collection: 'audit-log', id: entry.id, data: { userEmail: 'x@example.com' }, ...asUser })).rejects.toThrow(FORBIDDEN)
    await expect(app.payload.delete({ collection: 'audit-log', id: entry.id, ...asUser })).rejects.toThrow(FORBIDDEN)
    expect(await entries()).toEqual(before)
  })

  it('not even the Local API with overrideAccess: true changes, deletes or forges an entry', async () => {
    await expect(app.payload.update({ collection: 'audit-log', id: entry.id, data: { userEmail: 'x@example.com' } })).rejects.toThrow(
      'Audit log entries are final: they cannot be changed.',
    )
    await expect(app.payload.delete({ collection: 'audit-log', id: entry.id })).rejects.toThrow('Audit log entries are final: they cannot be deleted.')
    await expect(app.payload.create({ collection: 'audit-log', data: forged() as never })).rejects.toThrow(
      'Audit log entries are written only by the system, when an audited document changes.',
    )
    await expect(app.payload.duplicate({ collection: 'audit-log', id: entry.id })).rejects.toThrow()

    // Bulk operations report every entry as failed and change nothing.
    const bulkUpdate = await app.payload.update({ collection: 'audit-log', where: { id: { exists: true } }, data: { userEmail: 'x@example.com' } })
    expect(bulkUpdate.docs).toEqual([])
    expect(bulkUpdate.errors.length).toBe(before.length)
    const bulkDelete = await app.payload.delete({ collection: 'audit-log', where: { id: { exists: true } } })
    expect(bulkDelete.docs).toEqual([])
    expect(bulkDelete.errors.length).toBe(before.length)

    expect(await entries()).toEqual(before)
  })
})

// ---------------------------------------------------------------------------------------------

describe('delete rules: the trash first; a notice ever published stays', () => {
  const everything = async (id: Id) => ({
    doc: await app.payload.findByID({ collection: 'legal-notices', id, trash: true, draft: true, disableErrors: true }),
    versions: (await app.payload.countVersions({ collection: 'legal-notices', where: { parent: { equals: id } } })).totalDocs,
  })
  const trash = (collection: string, id: Id) =>
    app.payload.update({ collection: collection as 'legal-notices', id, data: { deletedAt: new Date().toISOString() } })
  const KEPT = /was published, so it is kept for the record/

  it('a live notice or source cannot be deleted, only trashed', async () => {
    const notice = await makeNotice(true)
    const source = (await app.payload.create({ collection: 'wire-sources', data: { name: 'Live source', code: `LIVE-${next()}`, kind: 'other', license: 'copyright' } })).id
    for (const who of ['compliance', 'admin'] as const) {
      expect(await api.rest('DELETE', `legal-notices/${notice}`, { headers: as[who] })).toEqual({ status: 403, body: { errors: [{ message: FORBIDDEN }] } })
      expect(await api.rest('DELETE', `wire-sources/${source}`, { headers: as[who] })).toEqual({ status: 403, body: { errors: [{ message: FORBIDDEN }] } })
    }
    expect((await everything(notice)).doc).toMatchObject({ id: notice, deletedAt: null })
    expect(await app.payload.findByID({ collection: 'wire-sources', id: source })).toMatchObject({ id: source })
  })

  it.each(['published', 'published, then unpublished'])('a %s notice cannot be deleted for good, even from the trash, by anyone', async (history) => {
    const id = await makeNotice()
    if (history !== 'published') await app.payload.update({ collection: 'legal-notices', id, data: { _status: 'draft' } })
    await trash('legal-notices', id)
    const before = await everything(id)
    expect(before.doc).toMatchObject({ deletedAt: expect.any(String) })

    for (const who of ['compliance', 'admin'] as const) {
      const rest = await api.rest('DELETE', `legal-notices/${id}?trash=true`, { headers: as[who] })
      expect(rest.status).toBe(403)
      expect(rest.body.errors[0].message).toMatch(KEPT)
      const gql = await api.graphql(`mutation { deleteLegalNotice(id: ${id}, trash: true) { id } }`, { headers: as[who] })
      expect(gql.body.errors[0]).toMatchObject({ message: expect.stringMatching(KEPT), extensions: { statusCode: 403 } })
      const bulk = await api.rest('DELETE', `legal-notices?trash=true&where[id][equals]=${id}`, { headers: as[who] })
      expect(bulk.status).toBeGreaterThanOrEqual(400)
      expect(JSON.stringify(bulk.body)).toMatch(KEPT)
    }
    await expect(app.payload.delete({ collection: 'legal-notices', id, trash: true })).rejects.toThrow(KEPT)
    expect(await everything(id)).toEqual(before)

    // It is still restorable.
    ok(await api.rest('PATCH', `legal-notices/${id}?trash=true`, { headers: as.compliance, body: { deletedAt: null } }))
    expect((await everything(id)).doc).toMatchObject({ deletedAt: null })
  })

  it('a never-published draft can be deleted for good from the trash by compliance, and the deletion is audited', async () => {
    const id = await makeNotice(true)
    await trash('legal-notices', id)
    const entry = await oneEntry('legal-notices', id, 'compliance', async () => {
      ok(await api.rest('DELETE', `legal-notices/${id}?trash=true`, { headers: as.compliance }))
    })
    expect(entry.operation).toBe('delete')
    expect(changesOf(entry).title).toEqual({ from: expect.stringMatching(/^Audit notice/), to: null })
    expect(await everything(id)).toEqual({ doc: null, versions: 0 })
  })

  it('an editor cannot trash, restore or delete notices or sources', async () => {
    const notice = await makeNotice(true)
    const source = (await app.payload.create({ collection: 'wire-sources', data: { name: 'Guarded source', code: `GS-${next()}`, kind: 'other', license: 'copyright' } })).id
    const headers = as.editor
    const denied = { status: 403, body: { errors: [{ message: FORBIDDEN }] } }
    expect(await api.rest('PATCH', `wire-sources/${source}`, { headers, body: { deletedAt: new Date().toISOString() } })).toEqual(denied)
    expect(await api.rest('PATCH', `legal-notices/${notice}`, { headers, body: { deletedAt: new Date().toISOString() } })).toEqual(denied)
    await trash('wire-sources', source)
    await trash('legal-notices', notice)
    expect(await api.rest('PATCH', `wire-sources/${source}?trash=true`, { headers, body: { deletedAt: null } })).toEqual(denied)
    expect(await api.rest('DELETE', `wire-sources/${source}?trash=true`, { headers })).toEqual(denied)
    expect(await api.rest('DELETE', `legal-notices/${notice}?trash=true`, { headers })).toEqual(denied)
    expect(await app.payload.findByID({ collection: 'wire-sources', id: source, trash: true })).toMatchObject({ deletedAt: expect.any(String) })
    expect((await everything(notice)).doc).toMatchObject({ deletedAt: expect.any(String) })
  })

  it('a trashed source drops out of reads and comes back on restore', async () => {
    const id = (await app.payload.create({ collection: 'wire-sources', data: { name: 'Returning source', code: `RS-${next()}`, kind: 'other', license: 'copyright' } })).id
    ok(await api.rest('PATCH', `wire-sources/${id}`, { headers: as.compliance, body: { deletedAt: new Date().toISOString() } }))
    expect((await api.rest('GET', `wire-sources/${id}`)).status).toBe(404)
    expect(ok(await api.rest('GET', `wire-sources/${id}?trash=true`, { headers: as.compliance })).deletedAt).toEqual(expect.any(String))
    ok(await api.rest('PATCH', `wire-sources/${id}?trash=true`, { headers: as.compliance, body: { deletedAt: null } }))
    expect(ok(await api.rest('GET', `wire-sources/${id}`))).toMatchObject({ id, deletedAt: null })
  })
})
