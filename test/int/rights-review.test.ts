/**
 * Review of a wire source's rights through the review actions (`POST /api/wire-sources/:id/review/submit|approve|reject`):
 * a reviewer edits the proposal (`rightsProposal.kind|license|copyrightHolder`) and submits it;
 * another reviewer approves it (the rights then apply) or rejects it with a comment. Who proposed
 * and who decided are written by the server; proposals, submissions and decisions are audited;
 * a direct change by compliance staff is refused and changes nothing. The usage terms (`usage`:
 * a window after the story's date, a tombstone after it or not) are rights too: proposed
 * (`rightsProposal.usage`), approved, and applied to anonymous reads at once.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http, type Json } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

type Who = 'admin' | 'compliance' | 'compliance2' | 'editor'

let app: TestApp
let api: ReturnType<typeof http>
const as = {} as Record<Who, Record<string, string>>
const users = {} as Record<Who, Json & { id: number }>
let seq = 0

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  for (const who of ['admin', 'compliance', 'compliance2', 'editor'] as const) {
    const { token, user } = await app.payload.login({ collection: 'users', data: { email: `${who}@wirehouse.test`, password: 'wirehouse-demo' } })
    as[who] = { Authorization: `JWT ${token}` }
    users[who] = { ...(user as unknown as Json), collection: 'users' } as unknown as Json & { id: number }
  }
})
afterAll(async () => app?.stop())

const source = async () =>
  (
    await app.payload.create({
      collection: 'wire-sources',
      data: { name: 'Orbit Wire', code: `OW-${++seq}`, kind: 'news-agency', license: 'copyright', copyrightHolder: 'Orbit Wire Ltd' },
    })
  ).id
const patch = (id: number, body: object, who: Who) => api.rest('PATCH', `wire-sources/${id}`, { body, headers: as[who] })
const act = (id: number, action: 'approve' | 'reject' | 'submit', who: Who, body?: object) =>
  api.rest('POST', `wire-sources/${id}/review/${action}`, { body, headers: as[who] })
const live = (id: number) => app.payload.findByID({ collection: 'wire-sources', id, depth: 0 })
const message = (res: { body: Json }) => res.body.errors?.[0]?.message

/** A source with a proposal submitted by compliance. */
const submitted = async (proposal: object = { license: 'public-domain', copyrightHolder: '' }) => {
  const id = await source()
  expect((await patch(id, { rightsProposal: proposal }, 'compliance')).status).toBe(200)
  expect((await act(id, 'submit', 'compliance')).status).toBe(200)
  return id
}

describe('rights change through the review actions', () => {
  it('a direct change by compliance staff is refused and changes nothing; an admin may', async () => {
    const id = await source()
    const before = await live(id)
    const res = await patch(id, { license: 'public-domain' }, 'compliance')
    expect(res.status).toBe(403)
    expect(message(res)).toMatch(/Rights changes go through review/)
    expect(await live(id)).toEqual(before)
    // Other fields are not rights: compliance edits them at once.
    expect((await patch(id, { credit: 'OW' }, 'compliance')).status).toBe(200)
    expect((await patch(id, { copyrightHolder: 'Orbit Wire plc' }, 'admin')).status).toBe(200)
    expect((await live(id)).copyrightHolder).toBe('Orbit Wire plc')
  })

  it('proposed and submitted by one officer, approved by another: the rights apply, with who and when from the server', async () => {
    const id = await source()
    const proposed = await patch(id, { rightsProposal: { license: 'public-domain', copyrightHolder: '' } }, 'compliance')
    expect(proposed.status).toBe(200)
    expect(proposed.body.doc.rightsProposal).toMatchObject({ state: 'draft', license: 'public-domain', proposedBy: null })
    // A proposal saved is not a proposal submitted.
    expect((await act(id, 'approve', 'compliance2')).status).toBe(409)

    const sent = await act(id, 'submit', 'compliance')
    expect(sent.status).toBe(200)
    expect(sent.body.doc.rightsProposal).toMatchObject({ state: 'in-review', proposedBy: users.compliance.id, proposedAt: expect.any(String) })
    expect((await live(id)).license).toBe('copyright')

    const self = await act(id, 'approve', 'compliance')
    expect(self.status).toBe(403)
    expect(message(self)).toBe('You submitted this change: another reviewer must approve it.')
    expect((await live(id)).license).toBe('copyright')

    const approved = await act(id, 'approve', 'compliance2')
    expect(approved.status).toBe(200)
    const after = await live(id)
    expect(after).toMatchObject({ license: 'public-domain', copyrightHolder: '', kind: 'news-agency' })
    expect(after.rightsProposal).toMatchObject({
      state: 'approved',
      license: null,
      proposedBy: users.compliance.id,
      reviewedBy: users.compliance2.id,
      reviewedAt: expect.any(String),
    })
  })

  it('a rejection needs a comment and leaves the rights as they were; the proposal stays for another try', async () => {
    const id = await submitted({ kind: 'government' })
    expect(await act(id, 'reject', 'compliance2')).toEqual({
      status: 400,
      body: { errors: [{ message: 'Say why the change is rejected: a comment is required.' }] },
    })
    expect((await act(id, 'reject', 'compliance', { comment: 'Withdrawn.' })).status).toBe(403)
    const rejected = await act(id, 'reject', 'compliance2', { comment: 'AFP is not a government.' })
    expect(rejected.status).toBe(200)
    const after = await live(id)
    expect(after.kind).toBe('news-agency')
    expect(after.rightsProposal).toMatchObject({ state: 'rejected', kind: 'government', comment: 'AFP is not a government.', reviewedBy: users.compliance2.id })
  })

  it('editing a submitted proposal voids the submission; nothing proposed is nothing to submit; editors take no part', async () => {
    const id = await submitted({ license: 'cc-by' })
    const edited = await patch(id, { rightsProposal: { license: 'cc-by-sa' } }, 'compliance2')
    expect(edited.status).toBe(200)
    expect(edited.body.doc.rightsProposal).toMatchObject({ state: 'draft', license: 'cc-by-sa', proposedBy: null })
    expect((await act(id, 'approve', 'compliance')).status).toBe(409)

    const fresh = await source()
    expect(await act(fresh, 'submit', 'compliance')).toMatchObject({ status: 409 })
    await patch(fresh, { rightsProposal: { license: 'copyright' } }, 'compliance')
    expect(await act(fresh, 'submit', 'compliance')).toMatchObject({ status: 409 })

    expect((await act(id, 'submit', 'editor')).status).toBe(403)
    expect((await api.rest('POST', `wire-sources/999999/review/submit`, { headers: as.compliance })).status).toBe(404)
  })

  it('GraphQL: a reviewer edits the proposal; the review fields are the server’s', async () => {
    const id = await source()
    const ok = await api.graphql(`mutation { updateWireSource(id: ${id}, data: { rightsProposal: { license: cc_by } }) { rightsProposal { license state } } }`, {
      headers: as.compliance,
    })
    expect(ok.body).toEqual({ data: { updateWireSource: { rightsProposal: { license: 'cc_by', state: 'draft' } } } })
    const forged = await api.graphql(
      `mutation { updateWireSource(id: ${id}, data: { rightsProposal: { state: in_review, proposedBy: ${users.compliance2.id} } }) { id } }`,
      { headers: as.admin },
    )
    expect(forged.body.errors).toEqual([
      expect.objectContaining({
        message: 'rightsProposal.state is set by the server from the review actions: it cannot be set directly.',
        extensions: expect.objectContaining({ statusCode: 403 }),
      }),
    ])
    expect((await live(id)).rightsProposal).toMatchObject({ state: 'draft', proposedBy: null })
  })
})

describe('who and when are the server’s to write', () => {
  it.each([
    ['rightsProposal.proposedBy', () => ({ proposedBy: users.compliance2.id })],
    ['rightsProposal.reviewedBy', () => ({ reviewedBy: users.compliance2.id })],
    ['rightsProposal.state', () => ({ state: 'approved' })],
    ['rightsProposal.proposedAt', () => ({ proposedAt: '2020-01-01T00:00:00.000Z' })],
  ] as const)('%s: a 403 naming it over REST and the Local API, whoever asks; nothing written', async (field, forged) => {
    const id = await submitted()
    const before = await live(id)
    const expected = `${field} is set by the server from the review actions: it cannot be set directly.`
    for (const who of ['compliance', 'compliance2', 'admin'] as const) {
      expect(await patch(id, { rightsProposal: forged() }, who)).toEqual({ status: 403, body: { errors: [{ message: expected }] } })
      await expect(
        app.payload.update({ collection: 'wire-sources', id, data: { rightsProposal: forged() as never }, overrideAccess: false, user: users[who] }),
      ).rejects.toMatchObject({ status: 403, message: expected })
    }
    expect(await live(id)).toEqual(before)
  })
})

describe('the audit log', () => {
  it('records the proposal, its submission and the decisions, each by whoever made it', async () => {
    const id = await submitted({ kind: 'government' })
    await act(id, 'reject', 'compliance2', { comment: 'No.' })
    await patch(id, { rightsProposal: { kind: 'space-agency' } }, 'compliance')
    await act(id, 'submit', 'compliance')
    await act(id, 'approve', 'compliance2')
    const { docs } = await app.payload.find({
      collection: 'audit-log',
      where: { and: [{ collection: { equals: 'wire-sources' } }, { documentId: { equals: String(id) } }] },
      sort: 'id',
      depth: 0,
      limit: 0,
    })
    const changes = (entry: Json) => Object.fromEntries((entry.changes as Json[]).map(({ field, from, to }) => [field, { from, to }]))
    expect(docs.map((entry) => [entry.operation, entry.userEmail])).toEqual([
      ['create', null],
      ['update', 'compliance@wirehouse.test'],
      ['submit', 'compliance@wirehouse.test'],
      ['reject', 'compliance2@wirehouse.test'],
      ['update', 'compliance@wirehouse.test'],
      ['submit', 'compliance@wirehouse.test'],
      ['approve', 'compliance2@wirehouse.test'],
    ])
    expect(changes(docs[1])).toMatchObject({ 'rightsProposal.kind': { from: null, to: 'government' } })
    expect(changes(docs[3])).toMatchObject({
      'rightsProposal.state': { from: 'in-review', to: 'rejected' },
      'rightsProposal.comment': { from: null, to: 'No.' },
      'rightsProposal.reviewedBy': { from: null, to: users.compliance2.id },
    })
    expect(changes(docs[6])).toMatchObject({
      kind: { from: 'news-agency', to: 'space-agency' },
      'rightsProposal.state': { from: 'in-review', to: 'approved' },
    })
  })
})

describe('what anonymous readers see', () => {
  it('no rights proposal over REST or GraphQL', async () => {
    const id = await submitted()
    const rest = await api.rest('GET', `wire-sources/${id}`)
    expect(rest.status).toBe(200)
    expect(rest.body).not.toHaveProperty('rightsProposal')
    expect(rest.body).toMatchObject({ license: 'copyright' })
    const list = await api.rest('GET', `wire-sources?where[rightsProposal.proposedBy][equals]=${users.compliance.id}`)
    expect(list.body.docs ?? []).toEqual([])
    const gql = await api.graphql(`{ WireSource(id: ${id}) { name rightsProposal { license state comment proposedBy { id } reviewedBy { id } } } }`)
    const { name, rightsProposal } = gql.body.data.WireSource
    expect(name).toBe('Orbit Wire')
    expect(Object.values(rightsProposal ?? {}).every((value) => value === null)).toBe(true)
    expect((await api.rest('GET', `wire-sources/${id}`, { headers: as.editor })).body.rightsProposal).toMatchObject({ state: 'in-review' })
  })
})

describe('usage terms (`usage`): rights, changed through the review', () => {
  const DAY = 24 * 60 * 60 * 1000
  /** A published story of `sourceId` dated `days` ago, and whether an anonymous reader gets it (REST and a count). */
  const story = async (sourceId: number, days: number) => {
    const section = (await app.payload.find({ collection: 'sections', limit: 1, depth: 0 })).docs[0].id
    return (
      await app.payload.create({
        collection: 'articles',
        data: { headline: `Orbit story ${++seq}`, source: sourceId, section, dateline: { date: new Date(Date.now() - days * DAY).toISOString() }, _status: 'published' } as never,
        depth: 0,
      })
    ).id as number
  }
  const anonymousReads = async (id: number) => {
    const one = await api.rest('GET', `articles/${id}?depth=0`)
    const count = await api.rest('GET', `articles/count?where[id][equals]=${id}`)
    expect(count.body.totalDocs).toBe(one.status === 200 ? 1 : 0)
    return one.status
  }

  it('an editor cannot set them: dropped on create (field access, as every rights field); an update is a 403 (editors update no source)', async () => {
    const created = await api.rest('POST', 'wire-sources', {
      headers: as.editor,
      body: { name: 'Editor wire', code: `ED-${++seq}`, usage: { maxAgeDays: 1, archive: 'forbidden', note: 'mine' } },
    })
    expect(created.status).toBe(201)
    expect((await live(created.body.doc.id)).usage ?? {}).toMatchObject({ maxAgeDays: null })
    expect(await anonymousReads(await story(created.body.doc.id, 5))).toBe(200)
    const id = await source()
    const before = await live(id)
    for (const body of [{ usage: { maxAgeDays: 1, archive: 'forbidden' } }, { rightsProposal: { usage: { maxAgeDays: 1 } } }]) {
      const res = await patch(id, body, 'editor')
      expect(res).toEqual({ status: 403, body: { errors: [{ message: 'You are not allowed to perform this action.' }] } })
    }
    expect(await live(id)).toEqual(before)
  })

  it('a direct change by compliance staff is refused like any rights change', async () => {
    const id = await source()
    const res = await patch(id, { usage: { maxAgeDays: 7 } }, 'compliance')
    expect(res.status).toBe(403)
    expect(message(res)).toMatch(/Rights changes go through review/)
    expect((await live(id)).usage).toMatchObject({ maxAgeDays: null })
  })

  it('proposed alone, approved by another officer: the window applies and stories beyond it leave anonymous reads at once', async () => {
    const id = await source()
    const old = await story(id, 31)
    const fresh = await story(id, 29)
    expect(await anonymousReads(old)).toBe(200)
    // Only `usage` proposed: nothing else of the rights.
    const proposed = await patch(id, { rightsProposal: { usage: { maxAgeDays: 30, archive: 'forbidden', note: 'Thirty days, then nothing.' } } }, 'compliance')
    expect(proposed.status).toBe(200)
    expect((await act(id, 'submit', 'compliance')).status).toBe(200)
    // In review, nothing applies yet.
    expect(await anonymousReads(old)).toBe(200)
    expect((await act(id, 'approve', 'compliance')).status).toBe(403)
    const approved = await act(id, 'approve', 'compliance2')
    expect(approved.status).toBe(200)
    const after = await live(id)
    expect(after).toMatchObject({ usage: { maxAgeDays: 30, archive: 'forbidden', note: 'Thirty days, then nothing.' }, license: 'copyright', kind: 'news-agency', copyrightHolder: 'Orbit Wire Ltd' })
    expect(after.rightsProposal).toMatchObject({ state: 'approved', usage: { maxAgeDays: null, archive: null, note: null } })
    expect(await anonymousReads(old)).toBe(404)
    expect(await anonymousReads(fresh)).toBe(200)
    // Staff still read it, marked.
    const staff = await api.rest('GET', `articles/${old}`, { headers: as.editor })
    expect(staff.body.availability).toMatchObject({ state: 'expired', reason: 'expired', archive: 'forbidden' })
    // Audited as a rights change.
    const { docs } = await app.payload.find({
      collection: 'audit-log',
      where: { and: [{ collection: { equals: 'wire-sources' } }, { documentId: { equals: String(id) } }, { operation: { equals: 'approve' } }] },
      depth: 0,
    })
    expect((docs[0].changes as Json[]).map((change) => change.field)).toEqual(expect.arrayContaining(['usage.maxAgeDays', 'usage.archive']))
  })

  it('a proposal keeps what it leaves empty: changing only the note keeps the window', async () => {
    const id = await source()
    await app.payload.update({ collection: 'wire-sources', id, data: { usage: { maxAgeDays: 30, archive: 'forbidden', note: 'Old note.' } } as never })
    expect((await patch(id, { rightsProposal: { usage: { note: 'New note.' } } }, 'compliance')).status).toBe(200)
    expect((await act(id, 'submit', 'compliance')).status).toBe(200)
    expect((await act(id, 'approve', 'compliance2')).status).toBe(200)
    expect((await live(id)).usage).toMatchObject({ maxAgeDays: 30, archive: 'forbidden', note: 'New note.' })
  })

  it('"no limit" (maxAgeDays 0 in the proposal) can be proposed and approved: the stories come back', async () => {
    const id = await source()
    await app.payload.update({ collection: 'wire-sources', id, data: { usage: { maxAgeDays: 30, archive: 'allowed' } } as never })
    const old = await story(id, 400)
    expect(await anonymousReads(old)).toBe(404)
    expect((await patch(id, { rightsProposal: { usage: { maxAgeDays: 0 } } }, 'compliance')).status).toBe(200)
    expect((await act(id, 'submit', 'compliance')).status).toBe(200)
    expect((await act(id, 'approve', 'compliance2')).status).toBe(200)
    expect((await live(id)).usage).toMatchObject({ maxAgeDays: null, archive: 'allowed' })
    expect(await anonymousReads(old)).toBe(200)
  })

  it.each([
    [{ maxAgeDays: -3 }, 'maxAgeDays'],
    [{ maxAgeDays: 1.5 }, 'maxAgeDays'],
    [{ maxAgeDays: 36501 }, 'maxAgeDays'],
    [{ archive: 'sometimes' }, 'archive'],
  ])('a malformed proposal (%j) is a 400 naming the field; nothing written', async (usage, field) => {
    const id = await source()
    const before = await live(id)
    const res = await patch(id, { rightsProposal: { usage } }, 'compliance')
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain(field)
    expect(await live(id)).toEqual(before)
  })
})
