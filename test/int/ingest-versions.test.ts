/**
 * What ingest keeps of the wire beyond the story, on a real database: the file's rights
 * (`wireRights`, newsroom-only), the wire's own version times (an older version is `stale` and
 * writes nothing, through REST and the CLI), sources named inside rights notices, and the
 * publisher's staff rewrite of agency copy filed under the agency.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Article, WireSource } from '../../payload-types'

import { createIngester } from '@/ingest/ingest'
import { http } from '../helpers/http'
import { ingestCli, summaryOf } from '../helpers/ingestCli'
import { type Role, startApp, type TestApp } from '../helpers/payload'
import { wireFile } from '../helpers/wire'

let app: TestApp
let api: ReturnType<typeof http>
let folder: string

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  folder = await mkdtemp(path.join(tmpdir(), 'wirehouse-versions-'))
})
afterAll(async () => {
  await app?.stop()
  if (folder) await rm(folder, { recursive: true, force: true })
})

const counts = async () => [
  (await app.payload.count({ collection: 'articles' })).totalDocs,
  (await app.payload.countVersions({ collection: 'articles' })).totalDocs,
]
const latest = (id: number | string) => app.payload.findByID({ collection: 'articles', id, draft: true, depth: 1 }) as Promise<Article>
const codeOf = (article: Article) => (article.source as WireSource | null)?.code

/** UPI's ninjs 2.x fixture as a story of its own (`tag`), changed by `edit`. */
const ninjs = (tag: string, edit: (doc: Record<string, any>) => void = () => undefined) => {
  const doc = JSON.parse(wireFile('good/upi-ninjs2.json').bytes.toString('utf8'))
  doc.uri = `${doc.uri}-${tag}`
  doc.headlines[0].value = `${doc.headlines[0].value} (${tag})`
  edit(doc)
  return Buffer.from(JSON.stringify(doc))
}

const post = async (body: Buffer | string, contentType: string, who: Role = 'editor') =>
  api.rest('POST', 'articles/ingest', { body, headers: { ...(await app.auth(who)), 'Content-Type': contentType } })

describe('wire versions', () => {
  const v1 = ninjs('versions')
  const v2 = ninjs('versions', (doc) => {
    doc.versioncreated = '2025-05-22T19:10:00Z'
    doc.bodies[0].value += '<p>Corrected: the agreement runs for five years.</p>'
  })

  it('updates to a newer version; an older one is stale (200, both versions named, nothing written); the same one unchanged', async () => {
    const created = await post(v1, 'application/json')
    expect(created.status).toBe(201)
    expect(created.body.doc.ingest).toMatchObject({ versionCreated: '2025-05-22T18:40:00.000Z', firstCreated: '2025-05-22T17:55:00.000Z' })
    const { id } = created.body.doc

    const updated = await post(v2, 'application/json')
    expect(updated).toMatchObject({ status: 200, body: { outcome: 'updated', doc: { id, ingest: { versionCreated: '2025-05-22T19:10:00.000Z' } } } })

    const before = await counts()
    const stale = await post(v1, 'application/json')
    expect(stale).toMatchObject({
      status: 200,
      body: {
        outcome: 'stale',
        message:
          "Article stale: this is the wire's version of 2025-05-22T18:40:00.000Z, older than the stored version of 2025-05-22T19:10:00.000Z; nothing was changed.",
        versions: { received: '2025-05-22T18:40:00.000Z', stored: '2025-05-22T19:10:00.000Z' },
        doc: { id, ingest: { versionCreated: '2025-05-22T19:10:00.000Z' } },
      },
    })
    expect(await counts()).toEqual(before)
    expect(JSON.stringify((await latest(id)).body)).toContain('five years')

    expect(await post(v2, 'application/json')).toMatchObject({ status: 200, body: { outcome: 'unchanged', message: 'Article unchanged.' } })
    expect(await counts()).toEqual(before)
  })

  it('finds an equivalent re-export unchanged: other markup and time zone, the same article', async () => {
    const reExport = ninjs('versions', (doc) => {
      doc.versioncreated = '2025-05-22T21:10:00+02:00'
      doc.bodies[0].value = `${doc.bodies[0].value.replaceAll('<p>', '<p class="story">')}<p>Corrected: the agreement runs for five years.</p>`
    })
    const before = await counts()
    expect(await createIngester(app.payload).ingest({ bytes: reExport, contentType: 'application/json' })).toMatchObject({ outcome: 'unchanged' })
    expect(await counts()).toEqual(before)
    // A body with a link, whose Lexical node gets a new random id on every conversion.
    const nitf = wireFile('good/afp-nitf.xml')
    expect(nitf.bytes.toString('utf8')).toMatch(/<a href=/)
    const stored = await createIngester(app.payload).ingest(nitf)
    const restyled = Buffer.from(nitf.bytes.toString('utf8').replaceAll('<p>', '<p class="lead">'))
    const after = await counts()
    expect(await createIngester(app.payload).ingest({ ...nitf, bytes: restyled })).toMatchObject({ outcome: 'unchanged', article: { id: stored.article.id } })
    expect(await counts()).toEqual(after)
  })

  it('CLI: lists stale files apart from unchanged ones, and never lists an unchanged draft for review', async () => {
    // An unmatched story, already saved as a draft for review.
    const unmatched = wireFile('unmatched/xyz-ninjs2.json')
    expect((await createIngester(app.payload).ingest(unmatched)).review).toBeTruthy()
    await writeFile(path.join(folder, 'a-v1.json'), v1)
    await writeFile(path.join(folder, 'b-v2.json'), v2)
    await writeFile(path.join(folder, 'c-unmatched.json'), unmatched.bytes)
    const before = await counts()

    const run = await ingestCli(app, folder)
    expect(run.code).toBe(0)
    expect(summaryOf(run.stdout)).toMatch(/^3 files in [\d.]+ s: 0 created, 0 updated, 2 unchanged, 1 stale, 0 failed$/)
    const lines = run.stdout.split('\n')
    const at = lines.indexOf('Stale, older than the stored version (1):')
    expect(lines[at + 1]).toBe(
      `  ${path.join(folder, 'a-v1.json')}: version of 2025-05-22T18:40:00.000Z, older than the stored 2025-05-22T19:10:00.000Z`,
    )
    expect(run.stdout).not.toMatch(/Saved as drafts for review/)
    expect(await counts()).toEqual(before)
  }, 180_000)
})

describe('wire rights', () => {
  it("stores the file's rights on the article, for the newsroom and not for readers", async () => {
    // Ingested above, or here.
    const { article } = await createIngester(app.payload).ingest(wireFile('good/afp-nitf.xml'))
    const rights = { holder: 'Agence France-Presse', notice: '© 2025 Agence France-Presse', usageTerms: null }
    expect(article._status).toBe('published')
    for (const who of ['editor', 'compliance'] as const) {
      const read = await api.rest('GET', `articles/${article.id}`, { headers: await app.auth(who) })
      expect(read.body.wireRights).toEqual(rights)
    }
    const anonymous = await api.rest('GET', `articles/${article.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body).not.toHaveProperty('wireRights')
    expect(anonymous.body).not.toHaveProperty('ingest')
  })

  it("shows them in an editor's edit view, read-only, only when the article has them", async () => {
    const { buildFormState } = await import('@payloadcms/ui/utilities/buildFormState')
    const { createLocalReq, docAccessOperation } = await import('payload')
    // The admin's import map maps components to modules: none is rendered here (`mockRSCs`).
    app.payload.importMap ??= {}
    const [editor] = (await app.payload.find({ collection: 'users', where: { email: { equals: 'editor@wirehouse.test' } } })).docs
    /** The form state the document view builds (as @payloadcms/next's Document view does), its fields by path. */
    const editView = async (id: number | string) => {
      const req = await createLocalReq({ user: { ...editor, collection: 'users' } }, app.payload)
      const doc = await app.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: false, user: req.user })
      const docPermissions = await docAccessOperation({ id, collection: app.payload.collections.articles, req })
      const { state } = await buildFormState({
        id,
        collectionSlug: 'articles',
        data: doc,
        docPermissions,
        docPreferences: { fields: {} },
        mockRSCs: true,
        operation: 'update',
        renderAllFields: false,
        req,
        schemaPath: 'articles',
        skipValidation: true,
      })
      return state
    }
    const { article } = await createIngester(app.payload).ingest(wireFile('good/esa-nitf.xml'))
    const shown = await editView(article.id)
    // Payload marks a field its condition hides with `passesCondition: false`, and says nothing of one it shows.
    expect(shown.wireRights.passesCondition).not.toBe(false)
    expect(shown['wireRights.notice']).toMatchObject({ value: '© 2025 European Space Agency' })
    expect(shown['wireRights.notice'].passesCondition).not.toBe(false)
    const field = app.payload.collections.articles.config.flattenedFields.find((f) => f.name === 'wireRights')
    expect(field).toMatchObject({ admin: { position: 'sidebar' }, flattenedFields: [{ admin: { readOnly: true } }, { admin: { readOnly: true } }, { admin: { readOnly: true } }] })

    const { article: none } = await createIngester(app.payload).ingest(wireFile('good/spx-nitf.xml'))
    expect((await editView(none.id)).wireRights).toMatchObject({ passesCondition: false })
  })

  it('keeps them as the latest version states them: cleared when it states none, the earlier ones in the history', async () => {
    const first = ninjs('rights', (doc) => (doc.usageterms = 'No archive use after 30 days.'))
    const { article } = await createIngester(app.payload).ingest({ bytes: first, contentType: 'application/json' })
    expect(article.wireRights).toEqual({ holder: 'United Press International', notice: null, usageTerms: 'No archive use after 30 days.' })
    const second = ninjs('rights', (doc) => {
      doc.versioncreated = '2025-05-23T08:00:00Z'
      delete doc.copyrightholder
    })
    const updated = await createIngester(app.payload).ingest({ bytes: second, contentType: 'application/json' })
    expect(updated).toMatchObject({ outcome: 'updated', article: { wireRights: { holder: null, notice: null, usageTerms: null } } })
    const history = await app.payload.findVersions({ collection: 'articles', where: { parent: { equals: article.id } }, sort: 'createdAt' })
    expect(history.docs[0].version.wireRights?.usageTerms).toBe('No archive use after 30 days.')
  })

  it('keeps a story whose notice is over 2,000 characters: shortened with an ellipsis, and a note', async () => {
    const notice = `Copyright 2025 United Press International. ${'Redistribution terms follow. '.repeat(200)}`
    const res = await post(ninjs('long-notice', (doc) => (doc.copyrightnotice = notice)), 'application/json')
    expect(res.status).toBe(201)
    expect(res.body.notes).toEqual([`the copyright notice is ${notice.trim().length.toLocaleString('en')} characters long: kept the first 1,999`])
    expect(res.body.doc.wireRights.notice).toHaveLength(2000)
    expect(res.body.doc.wireRights.notice).toMatch(/^Copyright 2025 United Press International\. Redistribution .*…$/)
    expect(res.body.doc._status).toBe('published')
  })
})

describe('matching a source', () => {
  /** A story whose only signal is its copyright notice. */
  const noticeOnly = (tag: string, notice: string) =>
    ninjs(tag, (doc) => {
      doc.by = 'Jane Doe'
      delete doc.infosources
      delete doc.copyrightholder
      doc.copyrightnotice = notice
    })

  it("by a code contained in the file's copyright notice, as a whole word", async () => {
    const matched = await post(noticeOnly('notice', 'Copyright 2024 AFP. All rights reserved.'), 'application/json')
    expect(matched.status).toBe(201)
    expect(matched.body.doc).toMatchObject({ _status: 'published', ingest: { matchedBy: 'copyright notice', needsReview: false } })
    expect(codeOf(await latest(matched.body.doc.id))).toBe('AFP')

    const inside = await post(noticeOnly('notice-inside', 'Copyright 2024 SAFPX Holdings.'), 'application/json')
    expect(inside.body.doc).toMatchObject({ _status: 'draft', source: null, ingest: { needsReview: true } })
    expect(inside.body.review).toBe('no wire source matches byline "Jane Doe", copyright notice "Copyright 2024 SAFPX Holdings."')
  })

  it("files the publisher's staff rewrite of NASA copy under NASA: the dateline credit outranks \"Staff Writers\"", async () => {
    const page = readFileSync(path.resolve('test/fixtures/wire-pages/nasa-staff-rewrite.txt'))
    const res = await post(page, 'text/plain')
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ message: 'Article created.', doc: { _status: 'published', byline: 'by Staff Writers' } })
    expect(res.body.doc.ingest).toMatchObject({ matchedBy: 'credit', needsReview: false, reason: null })
    expect(res.body.doc.attribution).toMatchObject({ credit: 'NASA', license: 'public-domain' })
    const article = await latest(res.body.doc.id)
    expect(codeOf(article)).toBe('NASA')
    expect((article.section as { name?: string } | null)?.name).toBe('DEEP SPACE')

    // An agency's own byline under another agency's credit stays a conflict.
    const conflict = page.toString('utf8').replace('by Staff Writers', 'by UPI Staff Writers').replace('Ion engine', 'Ion thruster')
    const held = await post(conflict, 'text/plain')
    expect(held.body).toMatchObject({ doc: { _status: 'draft', ingest: { needsReview: true } } })
    expect(held.body.review).toBe('credit "NASA" names NASA but byline "UPI Staff Writers" names UPI')
  })
})
