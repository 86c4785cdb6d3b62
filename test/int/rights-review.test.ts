/**
 * Review of a wire source's rights, over REST and GraphQL: compliance staff propose, another
 * officer or an admin approves (the rights then apply) or rejects with a comment; nobody decides
 * on their own proposal; a direct change by compliance staff is refused and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
let as: Record<'admin' | 'compliance' | 'compliance2' | 'editor', Record<string, string>>
let seq = 0

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const { token } = await app.payload.login({ collection: 'users', data: { email: 'compliance2@wirehouse.test', password: 'wirehouse-demo' } })
  as = {
    admin: await app.auth('admin'),
    compliance: await app.auth('compliance'),
    compliance2: { Authorization: `JWT ${token}` },
    editor: await app.auth('editor'),
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
const patch = (id: number, body: object, who: keyof typeof as) => api.rest('PATCH', `wire-sources/${id}`, { body, headers: as[who] })
const live = (id: number) => app.payload.findByID({ collection: 'wire-sources', id })

describe('rights change through review', () => {
  it('a direct change by compliance staff is refused and changes nothing; an admin may', async () => {
    const id = await source()
    const before = await live(id)
    const res = await patch(id, { license: 'public-domain' }, 'compliance')
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/Rights changes go through review/)
    expect(await live(id)).toEqual(before)
    // Other fields are not rights: compliance edits them at once.
    expect((await patch(id, { credit: 'OW' }, 'compliance')).status).toBe(200)
    expect((await patch(id, { copyrightHolder: 'Orbit Wire plc' }, 'admin')).status).toBe(200)
    expect((await live(id)).copyrightHolder).toBe('Orbit Wire plc')
  })

  it('proposed by one officer, approved by another: the rights apply, with who proposed and who approved', async () => {
    const id = await source()
    const proposed = await patch(id, { rightsProposal: { license: 'public-domain', copyrightHolder: '' } }, 'compliance')
    expect(proposed.status).toBe(200)
    expect(proposed.body.doc.rightsProposal).toMatchObject({ state: 'in-review', license: 'public-domain' })
    expect((await live(id)).license).toBe('copyright')

    const self = await patch(id, { rightsProposal: { decision: 'approve' } }, 'compliance')
    expect(self.status).toBe(403)
    expect(self.body.errors[0].message).toMatch(/You proposed this change/)
    expect((await live(id)).license).toBe('copyright')

    const approved = await patch(id, { rightsProposal: { decision: 'approve' } }, 'compliance2')
    expect(approved.status).toBe(200)
    const after = await live(id)
    expect(after).toMatchObject({ license: 'public-domain', copyrightHolder: '', kind: 'news-agency' })
    expect(after.rightsProposal).toMatchObject({ state: 'approved', decision: null, license: null })
    const [colleague] = (await app.payload.find({ collection: 'users', where: { email: { equals: 'compliance2@wirehouse.test' } } })).docs
    const [proposer] = (await app.payload.find({ collection: 'users', where: { email: { equals: 'compliance@wirehouse.test' } } })).docs
    const idOf = (ref: unknown) => (ref && typeof ref === 'object' ? (ref as { id: number }).id : ref)
    expect(idOf(after.rightsProposal?.reviewedBy)).toBe(colleague.id)
    expect(idOf(after.rightsProposal?.proposedBy)).toBe(proposer.id)
  })

  it('a rejection needs a comment and leaves the rights as they were', async () => {
    const id = await source()
    await patch(id, { rightsProposal: { kind: 'government' } }, 'compliance')
    const silent = await patch(id, { rightsProposal: { decision: 'reject' } }, 'compliance2')
    expect(silent.status).toBe(400)
    expect(silent.body.errors[0].data.errors).toEqual([{ path: 'rightsProposal.comment', message: 'Say why the proposal is rejected.' }])
    const rejected = await patch(id, { rightsProposal: { decision: 'reject', comment: 'AFP is not a government.' } }, 'compliance2')
    expect(rejected.status).toBe(200)
    const after = await live(id)
    expect(after.kind).toBe('news-agency')
    expect(after.rightsProposal).toMatchObject({ state: 'rejected', comment: 'AFP is not a government.' })
  })

  it('no decision without a pending proposal; editors take no part; GraphQL follows the same rules', async () => {
    const id = await source()
    expect((await patch(id, { rightsProposal: { decision: 'approve' } }, 'compliance2')).status).toBe(403)
    await patch(id, { rightsProposal: { license: 'cc-by' } }, 'compliance')
    expect((await patch(id, { rightsProposal: { decision: 'approve' } }, 'editor')).status).toBe(403)
    const gql = await api.graphql(
      `mutation { updateWireSource(id: ${id}, data: { rightsProposal: { decision: approve } }) { license rightsProposal { state } } }`,
      { headers: as.admin },
    )
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.updateWireSource).toEqual({ license: 'cc_by', rightsProposal: { state: 'approved' } })
  })
})
