/**
 * The review of legal notices as explicit actions (`POST /api/legal-notices/:id/review/submit|approve|reject`):
 * a reviewer submits the latest draft; another reviewer approves exactly that version (it is then
 * published) or rejects it with a comment; who did what and when is written by the server from the
 * signed-in user, never from input. Publishing, unpublishing and changing a published notice (its
 * effective dates included) all go through it; only admins publish alone, recorded as such.
 * Every refusal leaves the public text as it was.
 */
import type { PayloadRequest } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { reviewAction, translations } from '@wirehouse/payload-plugin-attribution'
import { createLocalReq } from 'payload'

import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

type Who = 'admin' | 'compliance' | 'compliance2' | 'editor'

let app: TestApp
let api: ReturnType<typeof http>
const as = {} as Record<Who, Record<string, string>>
const users = {} as Record<Who, Json & { id: number }>

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

const text = (body: string) => ({ body: paragraph(body) })
const draft = (id: number, data: object, who: Who) => api.rest('PATCH', `legal-notices/${id}?draft=true`, { body: data, headers: as[who] })
const save = (id: number, data: object, who: Who) => api.rest('PATCH', `legal-notices/${id}`, { body: data, headers: as[who] })
const act = (id: number | string, action: 'approve' | 'reject' | 'submit', who: Who, body?: object) =>
  api.rest('POST', `legal-notices/${id}/review/${action}`, { body, headers: as[who] })
/** What the public reads now. */
const live = (id: number) => api.rest('GET', `legal-notices/${id}`)
/** The latest version, as reviewers see it. */
const latest = async (id: number) => (await api.rest('GET', `legal-notices/${id}?draft=true`, { headers: as.compliance })).body
const message = (res: { body: Json }) => res.body.errors?.[0]?.message

const newDraft = async (who: Who = 'compliance') => {
  const res = await api.rest('POST', 'legal-notices?draft=true', {
    body: { title: 'Data statement', kind: 'gdpr', appliesTo: { scope: 'all' }, ...text('Version one.'), _status: 'draft' },
    headers: as[who],
  })
  expect(res.status).toBe(201)
  return res.body.doc.id as number
}

/** A notice published through review: submitted by compliance, approved by compliance2. */
const published = async () => {
  const id = await newDraft()
  expect((await act(id, 'submit', 'compliance')).status).toBe(200)
  expect((await act(id, 'approve', 'compliance2')).status).toBe(200)
  return id
}

describe('publishing goes through the review actions', () => {
  it('compliance cannot publish directly (a 403 saying to submit); an admin can, recorded as published alone', async () => {
    const data = { title: 'Direct', kind: 'gdpr', appliesTo: { scope: 'all' }, ...text('Direct.'), _status: 'published' }
    const res = await api.rest('POST', 'legal-notices', { body: data, headers: as.compliance })
    expect(res.status).toBe(403)
    expect(message(res)).toMatch(/submit the change for review/)
    expect((await app.payload.count({ collection: 'legal-notices', where: { title: { equals: 'Direct' } } })).totalDocs).toBe(0)

    const id = await newDraft()
    const direct = await save(id, { _status: 'published' }, 'compliance')
    expect(direct.status).toBe(403)
    expect(message(direct)).toMatch(/submit the change for review/)
    expect((await live(id)).status).toBe(404)

    const byAdmin = await api.rest('POST', 'legal-notices', { body: data, headers: as.admin })
    expect(byAdmin.status).toBe(201)
    expect(byAdmin.body.doc.review).toMatchObject({
      state: 'approved',
      bypass: true,
      submittedBy: expect.objectContaining({ id: users.admin.id }),
      reviewedBy: expect.objectContaining({ id: users.admin.id }),
      reviewedAt: expect.any(String),
    })
  })

  it('submit, then approval by a colleague publishes exactly the submitted draft; who and when come from the server', async () => {
    const id = await newDraft()
    const before = Date.now()
    const submitted = await act(id, 'submit', 'compliance')
    expect(submitted.status).toBe(200)
    expect(submitted.body.doc.review).toMatchObject({
      state: 'in-review',
      submittedBy: users.compliance.id,
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      reviewedBy: null,
    })
    expect(new Date(submitted.body.doc.review.submittedAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect((await act(id, 'submit', 'compliance2')).status).toBe(409)

    const own = await act(id, 'approve', 'compliance')
    expect(own.status).toBe(403)
    expect(message(own)).toBe('You submitted this change: another reviewer must approve it.')
    expect((await live(id)).status).toBe(404)

    const approved = await act(id, 'approve', 'compliance2', { comment: 'Fine.' })
    expect(approved.status).toBe(200)
    expect(approved.body.doc).toMatchObject({
      _status: 'published',
      title: 'Data statement',
      review: { state: 'approved', submittedBy: users.compliance.id, reviewedBy: users.compliance2.id, bypass: false, comment: 'Fine.' },
    })
    expect((await live(id)).body.title).toBe('Data statement')
    // Nothing is in review any more.
    expect(await act(id, 'approve', 'admin')).toMatchObject({ status: 409, body: { errors: [{ message: 'Nothing is in review: submit the change first.' }] } })
  })

  it('a change to the text after submission voids it: a draft again, with nothing to approve', async () => {
    const id = await newDraft()
    await act(id, 'submit', 'compliance')
    // A save that changes nothing keeps the submission.
    expect((await draft(id, { title: 'Data statement' }, 'compliance')).body.doc.review.state).toBe('in-review')

    const edited = await draft(id, text('Version one, edited.'), 'compliance2')
    expect(edited.status).toBe(200)
    expect(edited.body.doc.review).toMatchObject({ state: 'draft', submittedBy: null, fingerprint: null })
    expect((await act(id, 'approve', 'compliance2')).status).toBe(409)
    expect((await live(id)).status).toBe(404)

    await act(id, 'submit', 'compliance2')
    expect((await act(id, 'approve', 'compliance')).status).toBe(200)
    expect(JSON.stringify((await live(id)).body.body)).toContain('Version one, edited.')
  })

  it('a change to a published notice, its effective dates included, needs a second approval; the public text stays until then', async () => {
    const id = await published()
    const from = '2030-01-01T00:00:00.000Z'

    for (const change of [{ effectiveFrom: from }, text('Version two.'), { effectiveFrom: from, _status: 'published' }]) {
      const res = await save(id, change, 'compliance')
      expect(res.status).toBe(403)
      expect(message(res)).toMatch(/submit the change for review/)
    }
    expect((await draft(id, { effectiveFrom: from, ...text('Version two.') }, 'compliance')).status).toBe(200)
    expect((await live(id)).body).toMatchObject({ effectiveFrom: null, body: paragraph('Version one.') })
    expect((await act(id, 'approve', 'compliance2')).status).toBe(409)

    await act(id, 'submit', 'compliance')
    expect((await act(id, 'approve', 'compliance')).status).toBe(403)
    expect((await act(id, 'approve', 'compliance2')).status).toBe(200)
    expect((await live(id)).body).toMatchObject({ effectiveFrom: from, body: paragraph('Version two.') })
    // Nothing left to submit: the latest version is the published one.
    expect(await act(id, 'submit', 'compliance')).toMatchObject({ status: 409 })
  })

  it('unpublishing needs a second approval too: submitted with { unpublish: true }', async () => {
    const id = await published()
    const direct = await save(id, { _status: 'draft' }, 'compliance')
    expect(direct.status).toBe(403)
    expect(message(direct)).toMatch(/Unpublishing goes through review/)
    // A save (not a draft) over a newer draft would take the notice down too.
    await draft(id, { title: 'Data statement (new)' }, 'compliance')
    expect((await save(id, { order: 5 }, 'compliance')).status).toBe(403)
    expect((await live(id)).body.title).toBe('Data statement')

    expect(await act(await newDraft(), 'submit', 'compliance', { unpublish: true })).toMatchObject({ status: 409 })
    expect(await act(id, 'submit', 'compliance', { unpublish: 'yes' })).toMatchObject({ status: 400 })
    const submitted = await act(id, 'submit', 'compliance', { unpublish: true })
    expect(submitted.status).toBe(200)
    expect(submitted.body.doc.review).toMatchObject({ state: 'in-review', unpublish: true })
    expect((await live(id)).status).toBe(200)
    expect((await act(id, 'approve', 'compliance')).status).toBe(403)

    const approved = await act(id, 'approve', 'compliance2')
    expect(approved.status).toBe(200)
    expect(approved.body.doc).toMatchObject({ _status: 'draft', review: { state: 'approved', unpublish: true, reviewedBy: users.compliance2.id } })
    expect((await live(id)).status).toBe(404)
  })

  it('rejection needs a comment, is not for the submitter, keeps the draft; unknown ids, editors and bad bodies are refused', async () => {
    const id = await newDraft()
    expect(await act(id, 'reject', 'compliance2', { comment: 'No.' })).toMatchObject({ status: 409 })
    await act(id, 'submit', 'compliance')

    const self = await act(id, 'reject', 'compliance', { comment: 'Changed my mind.' })
    expect(self.status).toBe(403)
    expect(message(self)).toBe('You submitted this change: another reviewer must reject it.')
    const silent = await act(id, 'reject', 'compliance2', { comment: '  ' })
    expect(silent).toEqual({ status: 400, body: { errors: [{ message: 'Say why the change is rejected: a comment is required.' }] } })

    const rejected = await act(id, 'reject', 'compliance2', { comment: 'Cite the regulation.' })
    expect(rejected.status).toBe(200)
    expect(rejected.body.doc).toMatchObject({
      _status: 'draft',
      review: { state: 'rejected', comment: 'Cite the regulation.', reviewedBy: users.compliance2.id, reviewedAt: expect.any(String) },
    })
    expect((await live(id)).status).toBe(404)
    expect((await act(id, 'approve', 'admin')).status).toBe(409)

    expect(await act(999999, 'submit', 'compliance')).toMatchObject({ status: 404 })
    expect(await act('abc', 'submit', 'compliance')).toMatchObject({ status: 404 })
    const editor = await act(id, 'submit', 'editor')
    expect(editor.status).toBe(403)
    expect(message(editor)).toMatch(/You do not take part in review/)
    expect((await api.rest('POST', `legal-notices/${id}/review/submit`)).status).toBe(403)
    expect((await api.rest('POST', `legal-notices/${id}/review/submit`, { body: '[1]', headers: as.compliance })).status).toBe(400)
    expect((await api.rest('POST', `legal-notices/${id}/review/submit`, { body: '{', headers: as.compliance })).status).toBe(400)
  })

  it('the review panel’s status lists only what the user may do', async () => {
    const id = await newDraft()
    const status = async (who: Who) => (await api.rest('GET', `legal-notices/${id}/review`, { headers: as[who] })).body
    expect(await status('compliance')).toMatchObject({ actions: ['submit'], review: { state: 'draft' } })
    await act(id, 'submit', 'compliance')
    expect(await status('compliance')).toMatchObject({
      actions: [],
      review: { state: 'in-review', submittedBy: { id: users.compliance.id, email: 'compliance@wirehouse.test' } },
    })
    expect((await status('compliance2')).actions).toEqual(['approve', 'reject'])
    expect((await status('admin')).actions).toEqual(['approve', 'reject'])
    expect((await api.rest('GET', `legal-notices/${id}/review`, { headers: as.editor })).status).toBe(403)
    // Published, with no change pending: what is left to submit is an unpublish.
    const shown = await published()
    expect((await api.rest('GET', `legal-notices/${shown}/review`, { headers: as.compliance })).body).toMatchObject({
      actions: ['submit'],
      canSubmitChange: false,
      canUnpublish: true,
    })
  })

  it('trash and restore are not publishing: one compliance officer may do them', async () => {
    const id = await published()
    const trashed = await save(id, { deletedAt: new Date().toISOString() }, 'compliance')
    expect(trashed.status).toBe(200)
    expect(trashed.body.doc.review).toMatchObject({ state: 'approved', reviewedBy: expect.anything() })
    const restored = await api.rest('PATCH', `legal-notices/${id}?trash=true`, { body: { deletedAt: null }, headers: as.compliance })
    expect(restored.status).toBe(200)
    expect(restored.body.doc.review.state).toBe('approved')
    expect((await live(id)).body.title).toBe('Data statement')
  })

  it('each action is an audit entry naming it, by whoever took it', async () => {
    const id = await newDraft()
    await act(id, 'submit', 'compliance')
    await act(id, 'reject', 'compliance2', { comment: 'Shorter, please.' })
    await act(id, 'submit', 'compliance')
    await act(id, 'approve', 'compliance2')
    const { docs } = await app.payload.find({
      collection: 'audit-log',
      where: { and: [{ collection: { equals: 'legal-notices' } }, { documentId: { equals: String(id) } }] },
      sort: 'id',
      depth: 0,
      limit: 0,
    })
    expect(docs.map((entry) => [entry.operation, entry.userEmail])).toEqual([
      ['create', 'compliance@wirehouse.test'],
      ['submit', 'compliance@wirehouse.test'],
      ['reject', 'compliance2@wirehouse.test'],
      ['submit', 'compliance@wirehouse.test'],
      ['approve', 'compliance2@wirehouse.test'],
    ])
    const approval = Object.fromEntries(docs[4].changes!.map(({ field, from, to }) => [field, { from, to }]))
    expect(approval).toMatchObject({ _status: { from: 'draft', to: 'published' }, 'review.state': { from: 'in-review', to: 'approved' } })
  })
})

describe('who and when are the server’s to write', () => {
  const FIELDS = [
    ['review.submittedBy', (id: number) => ({ review: { submittedBy: id } })],
    ['review.reviewedBy', (id: number) => ({ review: { reviewedBy: id } })],
    ['review.state', () => ({ review: { state: 'approved' } })],
    ['review.submittedAt', () => ({ review: { submittedAt: '2020-01-01T00:00:00.000Z' } })],
    ['review.bypass', () => ({ review: { bypass: true } })],
  ] as const
  const serverField = (field: string) => `${field} is set by the server from the review actions: it cannot be set directly.`

  it.each(FIELDS)('%s: a 403 naming it over REST, for every role, on create and update; nothing written', async (field, forged) => {
    const id = await newDraft()
    await act(id, 'submit', 'compliance')
    const before = await latest(id)
    for (const who of ['compliance', 'compliance2', 'admin'] as const) {
      const res = await draft(id, forged(users.compliance2.id), who)
      expect(res).toEqual({ status: 403, body: { errors: [{ message: serverField(field) }] } })
    }
    expect(await latest(id)).toEqual(before)
    const created = await api.rest('POST', 'legal-notices?draft=true', {
      body: { title: 'Forged', kind: 'gdpr', appliesTo: { scope: 'all' }, ...text('Forged.'), ...forged(users.compliance.id) },
      headers: as.admin,
    })
    expect(created).toEqual({ status: 403, body: { errors: [{ message: serverField(field) }] } })
  })

  it('a copy of a notice starts its review afresh', async () => {
    const id = await published()
    const copy = await api.rest('POST', `legal-notices/${id}/duplicate?draft=true`, { headers: as.compliance })
    expect(copy.status).toBe(200)
    expect(copy.body.doc).toMatchObject({ _status: 'draft', review: { state: 'draft', submittedBy: null, reviewedBy: null, fingerprint: null } })
  })

  it('the stored value may be sent back unchanged', async () => {
    const id = await newDraft()
    await act(id, 'submit', 'compliance')
    const { review } = await latest(id)
    const res = await draft(id, { title: 'Data statement', review: { ...review, submittedBy: review.submittedBy.id } }, 'compliance2')
    expect(res.status).toBe(200)
    expect(res.body.doc.review.state).toBe('in-review')
  })

  it('over GraphQL', async () => {
    const id = await newDraft()
    await act(id, 'submit', 'compliance')
    const before = await latest(id)
    for (const [field, data] of [
      ['review.submittedBy', `{ review: { submittedBy: ${users.compliance2.id} } }`],
      ['review.state', '{ review: { state: approved } }'],
    ] as const) {
      const res = await api.graphql(`mutation { updateLegalNotice(id: ${id}, draft: true, data: ${data.replace('{ review', '{ appliesTo: { scope: all }, review')}) { id } }`, {
        headers: as.compliance2,
      })
      expect(res.body.errors).toEqual([expect.objectContaining({ message: serverField(field), extensions: expect.objectContaining({ statusCode: 403 }) })])
    }
    expect(await latest(id)).toEqual(before)
  })

  it('over the Local API with overrideAccess: false, whoever the user', async () => {
    const id = await newDraft()
    for (const who of ['compliance', 'admin'] as const) {
      await expect(
        app.payload.update({
          collection: 'legal-notices',
          id,
          draft: true,
          data: { review: { submittedBy: users.compliance2.id } },
          overrideAccess: false,
          user: users[who],
        }),
      ).rejects.toMatchObject({ status: 403, message: serverField('review.submittedBy') })
    }
    expect((await latest(id)).review).toMatchObject({ state: 'draft', submittedBy: null })
  })

  it('the GraphQL review actions follow the same rules, with the same messages', async () => {
    const id = await newDraft()
    const review = (action: string, who: Who, extra = '') =>
      api.graphql(`mutation { reviewLegalNotice(id: "${id}", action: ${action}${extra}) { _status review { state submittedBy { id } } } }`, {
        headers: as[who],
      })
    expect((await review('submit', 'compliance')).body).toEqual({
      data: { reviewLegalNotice: { _status: 'draft', review: { state: 'in_review', submittedBy: { id: users.compliance.id } } } },
    })
    for (const [action, who, status, text] of [
      ['approve', 'compliance', 403, 'You submitted this change: another reviewer must approve it.'],
      ['reject', 'compliance2', 400, 'Say why the change is rejected: a comment is required.'],
      ['submit', 'editor', 403, 'You do not take part in review: a reviewer submits, approves or rejects changes.'],
    ] as const) {
      const res = await review(action, who)
      expect(res.body.errors).toEqual([expect.objectContaining({ message: text, extensions: expect.objectContaining({ statusCode: status }) })])
    }
    expect((await review('approve', 'compliance2', ', comment: "Fine."')).body.data.reviewLegalNotice).toMatchObject({
      _status: 'published',
      review: { state: 'approved' },
    })
    expect((await live(id)).status).toBe(200)
  })

  it('the Local API’s review actions follow the same rules', async () => {
    const id = await newDraft()
    const as = async (who: Who) => createLocalReq({ user: users[who] as never }, app.payload) as Promise<PayloadRequest>
    await reviewAction({ req: await as('compliance'), collection: 'legal-notices', id, action: 'submit' })
    await expect(reviewAction({ req: await as('compliance'), collection: 'legal-notices', id, action: 'approve' })).rejects.toMatchObject({
      status: 403,
      message: 'You submitted this change: another reviewer must approve it.',
    })
    const doc = await reviewAction({ req: await as('compliance2'), collection: 'legal-notices', id, action: 'approve' })
    expect(doc).toMatchObject({ _status: 'published', review: { reviewedBy: users.compliance2.id } })
  })
})

describe('what anonymous readers see', () => {
  it('no review over REST or GraphQL, and no querying by it', async () => {
    const id = await published()
    const rest = await live(id)
    expect(rest.status).toBe(200)
    expect(rest.body).not.toHaveProperty('review')
    const list = await api.rest('GET', `legal-notices?where[id][equals]=${id}`)
    expect(list.body.docs[0]).not.toHaveProperty('review')
    const byReviewer = await api.rest('GET', `legal-notices?where[review.reviewedBy][equals]=${users.compliance2.id}`)
    expect(byReviewer.body.docs ?? []).toEqual([])

    const gql = await api.graphql(`{ LegalNotice(id: ${id}) { title review { state comment submittedBy { id } reviewedBy { id } } } }`)
    // GraphQL keeps the group's shape; every value in it is withheld.
    const { review, title } = gql.body.data.LegalNotice
    expect(title).toBe('Data statement')
    expect(Object.values(review ?? {}).every((value) => value === null)).toBe(true)

    const signedIn = await api.rest('GET', `legal-notices/${id}`, { headers: as.editor })
    expect(signedIn.body.review).toMatchObject({ state: 'approved' })
  })
})

describe('in the language the request asks for', () => {
  const texts = (language: 'de' | 'fr') => translations[language]['plugin-attribution']

  it('refuses in French or German, as the admin does, and in English by default', async () => {
    const id = await newDraft()
    await act(id, 'submit', 'compliance')
    for (const [language, expected] of [
      ['fr', texts('fr')['error-ownSubmission']],
      ['de', texts('de')['error-ownSubmission']],
      ['en', 'You submitted this change: another reviewer must approve it.'],
    ] as const) {
      const res = await api.rest('POST', `legal-notices/${id}/review/approve`, { headers: { ...as.compliance, 'Accept-Language': language } })
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
