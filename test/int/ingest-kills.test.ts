/**
 * Kills and embargoes from the wire on a real database: a kill in each format withdraws the
 * story we hold (out of anonymous reads, versions kept, `withdrawn` with the agency's message,
 * audited), twice is unchanged, a kill of a story never held writes nothing; through the
 * ingester, `POST /api/articles/ingest` and the CLI. Fixtures: test/fixtures/wire-kills/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { restoreArticle, withdrawArticle } from '@wirehouse/payload-plugin-attribution'

import { createIngester } from '@/ingest/ingest'
import { http, type Json } from '../helpers/http'
import { ingestCli, summaryOf } from '../helpers/ingestCli'
import { ninjsProblems } from '../helpers/ninjs'
import { startApp, type TestApp } from '../helpers/payload'
import { LPR } from '../helpers/wire'

const KILLS = path.resolve('test/fixtures/wire-kills')
const text = (name: string) => readFileSync(path.join(KILLS, name), 'utf8')
const file = (name: string, replace: [string, string][] = []) => ({
  bytes: Buffer.from(replace.reduce((content, [from, to]) => content.replaceAll(from, to), text(name))),
  filename: name,
})

let app: TestApp
let api: ReturnType<typeof http>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  await app.payload.create({ collection: 'wire-sources', data: { ...LPR, bylineAliases: [...LPR.bylineAliases] } })
})
afterAll(async () => {
  await app?.stop()
})

const versionsOf = (id: number | string) => app.payload.countVersions({ collection: 'articles', where: { parent: { equals: id } } }).then((r) => r.totalDocs)
const articles = () => app.payload.count({ collection: 'articles' }).then((r) => r.totalDocs)
const allVersions = () => app.payload.countVersions({ collection: 'articles' }).then((r) => r.totalDocs)
const anonymousStatus = async (id: number | string) => (await api.rest('GET', `articles/${id}?depth=0`)).status
const staffView = async (id: number | string) => (await api.rest('GET', `articles/${id}?depth=0`, { headers: await app.auth('editor') })).body
const auditOf = async (id: number | string) =>
  (
    await app.payload.find({ collection: 'audit-log', where: { and: [{ collection: { equals: 'articles' } }, { documentId: { equals: String(id) } }] }, sort: 'createdAt' })
  ).docs.map((entry) => (entry as Json).operation as string)

describe('a kill from the wire, in each format', () => {
  it.each([
    ['ninjs', 'story-ninjs.json', 'kill-ninjs.json', 'pubstatus "canceled"', 'KILL. The operator has disputed the figures in this story. Remove it from all platforms.'],
    ['NITF', 'story-nitf.xml', 'kill-nitf.xml', 'management-status="canceled"', 'The harbour board has not confirmed the award. Withdraw the story.'],
    [
      'plain page',
      'story-text.txt',
      'kill-text.txt',
      'KILL',
      'LPR withdraws this story: the opening date was not confirmed by the builder.\n\nPlease remove it from all platforms.',
    ],
  ])('%s: withdraws the story we hold, keeps its versions, records the message, audits; twice is unchanged', async (_, storyFile, killFile, signal, message) => {
    const ingester = createIngester(app.payload)
    const story = await ingester.ingest(file(storyFile))
    expect(story).toMatchObject({ outcome: 'created', article: { _status: 'published' } })
    const { id } = story.article
    expect(await anonymousStatus(id)).toBe(200)
    const [versionsBefore, articlesBefore] = [await versionsOf(id), await articles()]

    const killed = await ingester.receive(file(killFile))
    expect(killed).toMatchObject({ outcome: 'killed', article: { id }, kill: { signal, message } })
    // Out of every anonymous read at once: the document, and a list.
    expect(await anonymousStatus(id)).toBe(404)
    const list = await api.rest('GET', `articles?where[id][equals]=${id}&depth=0`)
    expect(list.body.docs).toHaveLength(0)
    // Staff see it, withdrawn with the agency's words; the content is as it was; nothing new was created.
    const staff = await staffView(id)
    expect(staff).toMatchObject({ headline: story.article.headline, _status: 'published', withdrawn: { reason: 'kill', message, by: null } })
    expect(staff.availability).toMatchObject({ state: 'withdrawn', reason: 'kill' })
    expect(await articles()).toBe(articlesBefore)
    // A kill adds a version; the earlier ones stay.
    expect(await versionsOf(id)).toBe(versionsBefore + 1)
    expect(await auditOf(id)).toContain('withdraw')

    const again = await ingester.receive(file(killFile))
    expect(again).toMatchObject({ outcome: 'unchanged', article: { id }, kill: { signal, withdrawnAt: staff.withdrawn.at } })
    expect(await versionsOf(id)).toBe(versionsBefore + 1)
    expect((await auditOf(id)).filter((operation) => operation === 'withdraw')).toHaveLength(1)
  })

  it('a kill of a story we never held is reported and logged; nothing is written', async () => {
    const [count, versions] = [await articles(), await allVersions()]
    const result = await createIngester(app.payload).receive(file('kill-unknown.txt'))
    expect(result).toEqual({
      outcome: 'kill-unknown',
      notes: [],
      kill: { signal: 'WITHDRAWN', named: 'wire id "A story this newsroom never received" or headline "A story this newsroom never received"', message: 'LPR withdraws this story. Please remove it.' },
    })
    expect([await articles(), await allVersions()]).toEqual([count, versions])
    // The ingester's article-only entry point says the same as a 404.
    await expect(createIngester(app.payload).ingest(file('kill-unknown.txt'))).rejects.toMatchObject({ status: 404 })
  })

  it('a kill naming two articles by headline, without an id to tell them apart, is refused: nothing withdrawn', async () => {
    const data = { headline: 'Twin headline for a kill', _status: 'draft' }
    const first = await app.payload.create({ collection: 'articles', data: { ...data, slug: 'twin-headline-a' } as never })
    const second = await app.payload.create({ collection: 'articles', data: { ...data, slug: 'twin-headline-b' } as never })
    const page = { bytes: Buffer.from('KILL\n\nTwin headline for a kill\n\nWithdraw it.'), filename: 'kill.txt' }
    await expect(createIngester(app.payload).receive(page)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/names 2 articles .* name the story by its wire id/) })
    for (const { id } of [first, second]) expect((await staffView(id)).withdrawn?.at ?? null).toBeNull()
  })
})

describe('embargoes from the wire', () => {
  it.each([
    ['ninjs 3.x embargoedUntil', 'embargo-ninjs3.json'],
    ['a plain page EMBARGOED UNTIL line', 'embargo-text.txt'],
  ])('%s: stored as the article embargo; anonymous readers do not see the story until it lifts', async (_, name) => {
    const result = await createIngester(app.payload).ingest(file(name))
    expect(result).toMatchObject({ outcome: 'created', article: { _status: 'published', embargoUntil: '2099-01-01T09:00:00.000Z' } })
    expect(await anonymousStatus(result.article.id)).toBe(404)
    expect((await staffView(result.article.id)).availability).toMatchObject({ state: 'embargoed', until: '2099-01-01T09:00:00.000Z' })
  })
})

describe('kills over HTTP: POST /api/articles/ingest', () => {
  const post = async (body: Buffer | string, contentType: string, who: 'anonymous' | 'compliance' | 'editor') =>
    api.rest('POST', 'articles/ingest', { body, headers: { ...(await app.auth(who)), 'Content-Type': contentType } })
  const renamed: [string, string][] = [
    ['urn:example:lpr:kill-test-ninjs-1', 'urn:example:lpr:kill-test-http-1'],
    ['Test rig vents coolant during night shift', 'Second test rig vents coolant at dawn'],
  ]

  it("an editor's kill withdraws the story at once (200 killed, by the editor), twice is 200 unchanged", async () => {
    const created = await post(file('story-ninjs.json', renamed).bytes, 'application/json', 'editor')
    expect(created.status).toBe(201)
    const { id } = created.body.doc
    const killed = await post(file('kill-ninjs.json', renamed).bytes, 'application/json', 'editor')
    expect(killed.status).toBe(200)
    expect(killed.body).toMatchObject({
      outcome: 'killed',
      message: 'Article withdrawn: a kill (pubstatus "canceled") from the wire.',
      doc: { id, withdrawn: { reason: 'kill' } },
      kill: { signal: 'pubstatus "canceled"', named: 'wire id "urn:example:lpr:kill-test-http-1" or headline "Second test rig vents coolant at dawn"' },
    })
    const editor = (await app.payload.find({ collection: 'users', where: { email: { equals: 'editor@wirehouse.test' } }, limit: 1, depth: 0 })).docs[0]
    expect(killed.body.doc.withdrawn.by).toBe(editor.id)
    expect(await anonymousStatus(id)).toBe(404)

    const again = await post(file('kill-ninjs.json', renamed).bytes, 'application/json', 'editor')
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ outcome: 'unchanged', doc: { id }, message: expect.stringMatching(/^Article already withdrawn on .*; nothing was changed\.$/) })

    // A later version of the story updates its content and leaves it withdrawn.
    const later = file('story-ninjs.json', [...renamed, ['2025-03-03T08:00:00Z', '2025-03-03T12:00:00Z'], ['Nobody was hurt', 'Nobody at all was hurt']])
    const updated = await post(later.bytes, 'application/json', 'editor')
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ outcome: 'updated', doc: { id, withdrawn: { reason: 'kill', at: killed.body.doc.withdrawn.at } } })
    expect(await anonymousStatus(id)).toBe(404)
  })

  it('a kill of a story not held: 200 kill-unknown, doc null, nothing written', async () => {
    const [count, versions] = [await articles(), await allVersions()]
    const answer = await post(text('kill-unknown.txt'), 'text/plain', 'editor')
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ outcome: 'kill-unknown', doc: null, message: expect.stringMatching(/^Kill \(WITHDRAWN\) for a story we do not hold .*; nothing was written\.$/) })
    expect([await articles(), await allVersions()]).toEqual([count, versions])
  })

  it('a kill that names no story: 400 naming the problem; who may not ingest may not kill (401, 403); nothing written', async () => {
    const [count, versions] = [await articles(), await allVersions()]
    const malformed = await post(text('kill-malformed.txt'), 'text/plain', 'editor')
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].message).toMatch(/a kill \(KILL\) must name the story it takes down/)
    const json = await post(text('kill-malformed.json'), 'application/json', 'editor')
    expect(json.status).toBe(400)
    expect(json.body.errors[0].message).toMatch(/must name the story it takes down: give its "uri"/)
    expect((await post(text('kill-text.txt'), 'text/plain', 'anonymous')).status).toBe(401)
    expect((await post(text('kill-text.txt'), 'text/plain', 'compliance')).status).toBe(403)
    expect([await articles(), await allVersions()]).toEqual([count, versions])
  })
})

describe('kills in the CLI report', () => {
  let folder: string
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('counts kills apart from creates and updates, and lists them', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'wirehouse-kills-'))
    const headline = 'Night ferry resumes after repairs'
    await writeFile(path.join(folder, '1-story.txt'), text('story-text.txt').replaceAll('Solar farm opens ahead of schedule in Testville', headline))
    await writeFile(path.join(folder, '2-kill.txt'), `WITHDRAWN: ${headline}\n\nThe ferry operator withdrew its statement.\n`)
    await writeFile(path.join(folder, '3-kill-again.txt'), `KILL - ${headline}\n`)
    await writeFile(path.join(folder, '4-unknown.txt'), text('kill-unknown.txt'))
    const run = await ingestCli(app, folder)
    expect(run.code).toBe(0)
    expect(summaryOf(run.stdout)).toMatch(/^4 files in [\d.]+ s: 1 created, 0 updated, 1 unchanged, 0 stale, 1 killed, 1 kills of stories not held, 0 failed$/)
    expect(run.stdout).toMatch(new RegExp(`Kills \\(2\\):\\n  .*2-kill\\.txt: "${headline}" \\(id \\d+\\) withdrawn, WITHDRAWN\\n  .*3-kill-again\\.txt: "${headline}" \\(id \\d+\\) already withdrawn`))
    expect(run.stdout).toMatch(/Kills of stories not held \(1\):\n {2}.*4-unknown\.txt: WITHDRAWN names wire id "A story this newsroom never received" or headline .*; nothing written/)
    const [article] = (await app.payload.find({ collection: 'articles', where: { headline: { equals: headline } }, depth: 0 })).docs
    expect(article.withdrawn).toMatchObject({ reason: 'kill', message: 'The ferry operator withdrew its statement.', by: null })
  })
})

describe('the ninjs export says where a story stands (2.2 and 3.1, valid against IPTC schemas)', () => {
  const DAY = 24 * 60 * 60 * 1000
  const exported = async (id: number | string, version: '2.2' | '3.1') => {
    const res = await api.rest('GET', `articles/${id}/ninjs?version=${version}`, { headers: await app.auth('editor') })
    expect(res.status).toBe(200)
    expect(ninjsProblems(res.body)).toEqual([])
    // Only staff read a story that is not public.
    return res.body
  }
  const lpr = async () => (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: 'LPR' } }, depth: 0 })).docs[0].id
  const create = async (data: Json) =>
    (await app.payload.create({ collection: 'articles', data: { source: await lpr(), _status: 'published', ...data } as never, depth: 0 })) as unknown as Json
  const kill = (id: number | string, message: string) =>
    withdrawArticle({ req: { payload: app.payload, user: null, context: {} } as never, collection: 'articles', id, reason: 'kill', message })

  it('public: usable; withdrawn: canceled with the message as the editorial note', async () => {
    const story = await create({ headline: 'Export state: public, then withdrawn' })
    expect((await exported(story.id, '2.2')).pubstatus).toBe('usable')
    await kill(story.id, 'Withdrawn by the agency.')
    expect(await anonymousStatus(story.id)).toBe(404)
    expect(await exported(story.id, '2.2')).toMatchObject({ pubstatus: 'canceled', ednote: 'Withdrawn by the agency.' })
    expect(await exported(story.id, '3.1')).toMatchObject({ pubStatus: 'canceled', edNote: 'Withdrawn by the agency.' })
  })

  it('embargoed: withheld, with embargoed (2.2) / embargoedUntil (3.1)', async () => {
    const until = new Date(Date.now() + DAY).toISOString()
    const story = await create({ headline: 'Export state: embargoed', embargoUntil: until })
    const v22 = await exported(story.id, '2.2')
    expect(v22).toMatchObject({ pubstatus: 'withheld', embargoed: until })
    expect(v22).not.toHaveProperty('embargoeduntil')
    expect(await exported(story.id, '3.1')).toMatchObject({ pubStatus: 'withheld', embargoedUntil: until })
  })

  it("expired (its source's usage window ended): canceled, the note saying when", async () => {
    const source = await app.payload.create({
      collection: 'wire-sources',
      data: { name: 'Short Licence Wire', code: 'SLW', kind: 'news-agency', license: 'copyright', copyrightHolder: 'Short Licence Wire', usage: { maxAgeDays: 1, archive: 'allowed' } } as never,
    })
    const story = await create({ headline: 'Export state: expired', source: source.id, dateline: { date: new Date(Date.now() - 3 * DAY).toISOString() } })
    expect(await exported(story.id, '2.2')).toMatchObject({ pubstatus: 'canceled', ednote: expect.stringMatching(/^Expired: the usage window of its source ended on /) })
    expect((await exported(story.id, '3.1')).pubStatus).toBe('canceled')
  })

  it('round trip: ingesting our own export of a withdrawn story is a kill', async () => {
    const story = await create({ headline: 'Export round trip of a kill', externalId: 'LPR-ROUND-TRIP-KILL-1' })
    await kill(story.id, 'First kill.')
    const item = await exported(story.id, '3.1')
    // Brought back, then the export ingested: withdrawn again, by the wire id the export carries.
    await restoreArticle({ req: { payload: app.payload, user: null, context: {} } as never, collection: 'articles', id: story.id })
    expect(await anonymousStatus(story.id)).toBe(200)
    const result = await createIngester(app.payload).receive({ bytes: Buffer.from(JSON.stringify(item)), filename: 'export.json' })
    expect(result).toMatchObject({ outcome: 'killed', article: { id: story.id }, kill: { signal: 'pubstatus "canceled"', message: 'First kill.' } })
    expect(await anonymousStatus(story.id)).toBe(404)
  })
})
