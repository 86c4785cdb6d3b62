/**
 * The review workflow for legal notices, over REST: compliance staff draft and submit; a second
 * compliance officer or an admin publishes; nobody approves or rejects their own change; a
 * rejection keeps the draft with the reviewer's comment. Every refusal leaves the public text as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { translations } from '@wirehouse/payload-plugin-attribution'

import { http } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
let as: Record<'admin' | 'compliance' | 'compliance2' | 'editor', Record<string, string>>
const ids: Record<string, number> = {}

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
  for (const email of ['admin', 'compliance', 'compliance2']) {
    const [user] = (await app.payload.find({ collection: 'users', where: { email: { equals: `${email}@wirehouse.test` } } })).docs
    ids[email] = user.id
  }
})
afterAll(async () => app?.stop())

const text = (body: string) => ({ body: paragraph(body) })
const draft = (id: number, data: object, who: keyof typeof as) => api.rest('PATCH', `legal-notices/${id}?draft=true`, { body: data, headers: as[who] })
const publish = (id: number, data: object, who: keyof typeof as) => api.rest('PATCH', `legal-notices/${id}`, { body: { ...data, _status: 'published' }, headers: as[who] })
/** What the public reads now. */
const live = async (id: number) => (await api.rest('GET', `legal-notices/${id}`)).body

const newDraft = async (who: keyof typeof as = 'compliance') => {
  const res = await api.rest('POST', 'legal-notices?draft=true', {
    body: { title: 'Data statement', kind: 'gdpr', appliesTo: { scope: 'all' }, ...text('Version one.'), _status: 'draft' },
    headers: as[who],
  })
  expect(res.status).toBe(201)
  return res.body.doc.id as number
}

describe('review before publishing', () => {
  it('compliance cannot publish a new notice directly; an admin can', async () => {
    const res = await api.rest('POST', 'legal-notices', {
      body: { title: 'Direct', kind: 'gdpr', appliesTo: { scope: 'all' }, ...text('Direct.'), _status: 'published' },
      headers: as.compliance,
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/Submit the change for review/)
    expect((await app.payload.count({ collection: 'legal-notices', where: { title: { equals: 'Direct' } } })).totalDocs).toBe(0)
    const byAdmin = await api.rest('POST', 'legal-notices', {
      body: { title: 'Direct', kind: 'gdpr', appliesTo: { scope: 'all' }, ...text('Direct.'), _status: 'published' },
      headers: as.admin,
    })
    expect(byAdmin.status).toBe(201)
    expect(byAdmin.body.doc.review).toMatchObject({ state: 'approved', reviewedBy: expect.objectContaining({ id: ids.admin }) })
  })

  it('draft → in review → approved by a colleague: published, with who submitted and who approved', async () => {
    const id = await newDraft()
    expect((await publish(id, {}, 'compliance')).status).toBe(403)

    const submitted = await draft(id, { review: { state: 'in-review' } }, 'compliance')
    expect(submitted.status).toBe(200)
    expect(submitted.body.doc.review).toMatchObject({ state: 'in-review', submittedBy: expect.objectContaining({ id: ids.compliance }) })

    const own = await publish(id, {}, 'compliance')
    expect(own.status).toBe(403)
    expect(own.body.errors[0].message).toMatch(/You submitted this change/)
    expect((await api.rest('GET', `legal-notices/${id}`)).status).toBe(404)

    const approved = await publish(id, {}, 'compliance2')
    expect(approved.status).toBe(200)
    expect(approved.body.doc).toMatchObject({
      _status: 'published',
      review: { state: 'approved', reviewedBy: expect.objectContaining({ id: ids.compliance2 }) },
    })
    // Another officer's account is not theirs to read: the relationship stays an id.
    expect(approved.body.doc.review.submittedBy).toBe(ids.compliance)
    expect((await live(id)).title).toBe('Data statement')
  })

  it('a change to a published notice goes through review too; the public text stays until it is approved', async () => {
    const id = await newDraft()
    await draft(id, { review: { state: 'in-review' } }, 'compliance')
    await publish(id, {}, 'compliance2')

    const edited = await draft(id, text('Version two.'), 'compliance')
    expect(edited.status).toBe(200)
    expect(edited.body.doc.review.state).toBe('draft')
    expect((await publish(id, text('Version two.'), 'compliance')).status).toBe(403)
    expect(JSON.stringify((await live(id)).body)).toContain('Version one.')

    await draft(id, { review: { state: 'in-review' } }, 'compliance')
    expect((await publish(id, {}, 'compliance2')).status).toBe(200)
    expect(JSON.stringify((await live(id)).body)).toContain('Version two.')
  })

  it('rejection needs a comment, is not for the submitter, and keeps the draft unpublished', async () => {
    const id = await newDraft()
    expect((await draft(id, { review: { state: 'rejected', comment: 'No.' } }, 'compliance2')).status).toBe(403)
    await draft(id, { review: { state: 'in-review' } }, 'compliance')

    const self = await draft(id, { review: { state: 'rejected', comment: 'Changed my mind.' } }, 'compliance')
    expect(self.status).toBe(403)
    const silent = await draft(id, { review: { state: 'rejected' } }, 'compliance2')
    expect(silent.status).toBe(400)
    expect(silent.body.errors[0].data.errors).toEqual([{ path: 'review.comment', message: 'Say why the change is rejected.' }])

    const rejected = await draft(id, { review: { state: 'rejected', comment: 'Cite the regulation.' } }, 'compliance2')
    expect(rejected.status).toBe(200)
    expect(rejected.body.doc).toMatchObject({
      _status: 'draft',
      review: { state: 'rejected', comment: 'Cite the regulation.', reviewedBy: expect.objectContaining({ id: ids.compliance2 }) },
    })
    expect((await api.rest('GET', `legal-notices/${id}`)).status).toBe(404)
    // Rejected is not approved: it needs a new submission.
    expect((await publish(id, {}, 'compliance2')).status).toBe(403)
  })

  it('nobody marks a change approved without publishing it; editors cannot take part', async () => {
    const id = await newDraft()
    const res = await draft(id, { review: { state: 'approved' } }, 'compliance2')
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toMatch(/approved by publishing/)
    expect((await draft(id, { review: { state: 'in-review' } }, 'editor')).status).toBe(403)
  })

  it('trash and restore are not publishing: one compliance officer may do them', async () => {
    const id = await newDraft()
    await draft(id, { review: { state: 'in-review' } }, 'compliance')
    await publish(id, {}, 'compliance2')
    const trashed = await api.rest('PATCH', `legal-notices/${id}`, { body: { deletedAt: new Date().toISOString() }, headers: as.compliance })
    expect(trashed.status).toBe(200)
    expect(trashed.body.doc.review).toMatchObject({ state: 'approved', reviewedBy: expect.anything() })
    const restored = await api.rest('PATCH', `legal-notices/${id}?trash=true`, { body: { deletedAt: null }, headers: as.compliance })
    expect(restored.status).toBe(200)
    expect(restored.body.doc.review.state).toBe('approved')
    expect((await live(id)).title).toBe('Data statement')
  })
})

describe('in the language the request asks for', () => {
  const texts = (language: 'de' | 'fr') => translations[language]['plugin-attribution']

  it('refuses in French or German, as the admin does, and in English by default', async () => {
    const id = await newDraft()
    await draft(id, { review: { state: 'in-review' } }, 'compliance')
    for (const [language, expected] of [
      ['fr', texts('fr')['error-ownSubmission']],
      ['de', texts('de')['error-ownSubmission']],
      ['en', 'You submitted this change: another reviewer must approve it.'],
    ] as const) {
      const res = await api.rest('PATCH', `legal-notices/${id}`, {
        body: { _status: 'published' },
        headers: { ...as.compliance, 'Accept-Language': language },
      })
      expect(res).toMatchObject({ status: 403, body: { errors: [{ message: expected }] } })
    }
  })

  it('names a notice’s unknown variable in German', async () => {
    const res = await api.rest('POST', 'legal-notices?draft=true', {
      body: { title: 'Typo', kind: 'gdpr', appliesTo: { scope: 'all' }, ...text('© {{publisher.nmae}}'), _status: 'draft' },
      headers: { ...as.compliance, 'Accept-Language': 'de' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors).toEqual([
      { path: 'body', message: texts('de')['error-unknownVariables_one'].replace('{{names}}', '{{publisher.nmae}}') },
    ])
  })
})
