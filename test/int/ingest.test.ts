/**
 * Wire ingestion end to end on a real database: the CLI over a folder of mixed copy, the
 * ingester in process (idempotence, concurrency, atomicity, review flags) and
 * `POST /api/articles/ingest` with its access rules and errors.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Article, WireSource } from '../../payload-types'

import { createIngester } from '@/ingest/ingest'
import { IngestError } from '@/ingest/types'
import { http } from '../helpers/http'
import { ingestCli, summaryOf as summary } from '../helpers/ingestCli'
import { startApp, type TestApp } from '../helpers/payload'
import { expected, LPR, WIRE, wireFile } from '../helpers/wire'

let app: TestApp
let api: ReturnType<typeof http>
let folder: string

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  await app.payload.create({ collection: 'wire-sources', data: { ...LPR, bylineAliases: [...LPR.bylineAliases] } })
  folder = await mkdtemp(path.join(tmpdir(), 'wirehouse-ingest-'))
})
afterAll(async () => {
  await app?.stop()
  if (folder) await rm(folder, { recursive: true, force: true })
})

const byHeadline = async (headline: string) => {
  const { docs } = await app.payload.find({ collection: 'articles', where: { headline: { equals: headline } }, draft: true, depth: 1 })
  return docs as Article[]
}
const versions = () => app.payload.countVersions({ collection: 'articles' }).then((r) => r.totalDocs)
const articles = () => app.payload.count({ collection: 'articles' }).then((r) => r.totalDocs)
const codeOf = (article: Article) => (article.source as WireSource | null)?.code
const blockTypes = (article: Article) => (article.body?.root.children ?? []).map((node) => node.type)

/** A fixture with its wire id, headline and text changed: a story the database has not seen. */
const variant = (file: string, n: number | string) => {
  const { bytes, filename } = wireFile(file)
  const doc = JSON.parse(bytes.toString('utf8'))
  doc.uri = `${doc.uri}-variant-${n}`
  if (doc.headline) doc.headline = `${doc.headline} (${n})`
  else doc.headlines[0].value = `${doc.headlines[0].value} (${n})`
  return { bytes: Buffer.from(JSON.stringify(doc)), filename, doc, headline: (doc.headline ?? doc.headlines[0].value) as string }
}

const payloadCli = (...args: string[]) => ingestCli(app, ...args)

describe('`npm run ingest` over a folder of mixed wire copy', () => {
  it('makes one attributed article per good file, one draft per unmatched story, one reason per bad file; exit 1', async () => {
    await cp(WIRE, folder, { recursive: true })
    await writeFile(path.join(folder, 'bad', 'huge.txt'), Buffer.alloc(10 * 1024 * 1024, 'a'))
    const before = await articles()

    const run = await payloadCli(folder)
    expect(run.code).toBe(1)
    const files = expected.good.length + expected.unmatched.length + expected.bad.length + 1
    expect(summary(run.stdout)).toMatch(
      new RegExp(`${files} files in [\\d.]+ s: ${expected.good.length + expected.unmatched.length} created, 0 updated, 0 unchanged, 0 stale, ${expected.bad.length + 1} failed`),
    )
    for (const { file, reason } of expected.bad) {
      const line = run.stdout.split('\n').find((l) => l.includes(path.join(folder, file)))
      expect(line?.toLowerCase()).toContain(reason)
    }
    expect(run.stdout).toMatch(/huge\.txt: the story is 10 MB, over the 5 MB limit/)
    expect(await articles()).toBe(before + expected.good.length + expected.unmatched.length)

    for (const want of expected.good) {
      const [article, ...others] = await byHeadline(want.headline)
      expect(others).toHaveLength(0)
      expect(article).toMatchObject({ _status: 'published', byline: `by ${want.byline}`, dateline: { place: want.place } })
      expect(article.dateline?.date?.slice(0, 10)).toBe(want.date)
      expect(codeOf(article)).toBe(want.source)
      expect(article.ingest).toMatchObject({ format: want.format, needsReview: false })
      expect((article.section as { name?: string } | null)?.name ?? null).toBe(want.section)
      expect(blockTypes(article).filter((t) => t === 'paragraph')).toHaveLength(want.paragraphs)
      expect(blockTypes(article).filter((t) => t === 'heading')).toHaveLength(want.headings.length)
      expect(article.relatedLinks?.map(({ label, url }) => ({ label, url }))).toEqual(want.relatedLinks)
      if (want.externalId) expect(article.externalId).toBe(want.externalId)
    }
  })

  it("gives each article its own source's boilerplate", async () => {
    const attribution = async (headline: string) => (await byHeadline(headline))[0].attribution as { notices: { title: string }[] } & Record<string, unknown>
    const afp = await attribution(expected.good.find((g) => g.file === 'good/afp-nitf.xml')!.headline)
    expect(afp).toMatchObject({ credit: 'AFP', copyrightHolder: 'Agence France-Presse', license: 'copyright', warnings: [] })
    expect(afp.notices.map((n) => n.title)).toContain('Wire agency copyright')
    expect(afp.notices.map((n) => n.title)).not.toContain('Public-domain material')

    const nasa = await attribution(expected.good.find((g) => g.file === 'good/nasa-ninjs1.json')!.headline)
    expect(nasa).toMatchObject({ credit: 'NASA', license: 'public-domain', warnings: [] })
    expect(nasa.notices.map((n) => n.title)).toContain('Public-domain material')
    expect(nasa.notices.map((n) => n.title)).not.toContain('Wire agency copyright')

    const lpr = await attribution(expected.good.find((g) => g.file === 'good/lpr-text.txt')!.headline)
    expect(lpr).toMatchObject({ credit: 'LPR', copyrightHolder: 'Launchpad PR Wire Ltd' })
    expect(lpr.notices.map((n) => n.title)).toContain('Staff Writers copy')
  })

  it('saves a story it cannot match as a draft flagged with the reason, never published', async () => {
    for (const { headline } of expected.unmatched) {
      const [article] = await byHeadline(headline)
      expect(article).toMatchObject({ _status: 'draft', source: null, ingest: { needsReview: true } })
      expect(article.ingest?.reason).toMatch(/^no wire source matches .*"(XYZ|Zeta Wire)"/)
      const anonymous = await api.rest('GET', `articles?where[headline][equals]=${encodeURIComponent(headline)}`)
      expect(anonymous.body.docs).toHaveLength(0)
    }
  })

  it('writes nothing on a second run: every story unchanged, no new version, no draft listed for review again', async () => {
    const [count, versionCount] = [await articles(), await versions()]
    const run = await payloadCli(folder)
    expect(run.code).toBe(1)
    expect(summary(run.stdout)).toMatch(/ 0 created, 0 updated, 24 unchanged, 0 stale, 15 failed/)
    expect(run.stdout).not.toMatch(/Saved as drafts for review/)
    expect([await articles(), await versions()]).toEqual([count, versionCount])
  })

  it('exits 0 when every file is good, and 2 with usage for a path that does not exist', async () => {
    const ok = await payloadCli(path.join(folder, 'good', 'afp-text.txt'))
    expect(ok.code).toBe(0)
    expect(summary(ok.stdout)).toMatch(/1 files in [\d.]+ s: 0 created, 0 updated, 1 unchanged, 0 stale, 0 failed/)
    const missing = await payloadCli(path.join(folder, 'nowhere'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no such file or folder: .*nowhere[\s\S]*Usage: npm run ingest/)
  })
})

describe('the ingester', () => {
  const ingester = () => createIngester(app.payload)

  it('updates the same article in place when the wire corrects a story, with one new version', async () => {
    const first = variant('good/upi-ninjs2.json', 'update')
    const created = await ingester().ingest(first)
    expect(created.outcome).toBe('created')
    const versionCount = await versions()

    first.doc.bodies[0].value += '<p>Corrected: the launch slipped a day.</p>'
    const updated = await ingester().ingest({ ...first, bytes: Buffer.from(JSON.stringify(first.doc)) })
    expect(updated).toMatchObject({ outcome: 'updated', article: { id: created.article.id, slug: created.article.slug } })
    expect(await versions()).toBe(versionCount + 1)
    const again = await ingester().ingest({ ...first, bytes: Buffer.from(JSON.stringify(first.doc)) })
    expect(again.outcome).toBe('unchanged')
    expect(await versions()).toBe(versionCount + 1)

    // A correction held back as a draft leaves the published article as it was, and is itself
    // recognised as unchanged next time.
    first.doc.bodies[0].value += '<p>Second correction.</p>'
    const held = { ...first, bytes: Buffer.from(JSON.stringify(first.doc)) }
    expect((await createIngester(app.payload, { draft: true }).ingest(held)).outcome).toBe('updated')
    expect((await createIngester(app.payload, { draft: true }).ingest(held)).outcome).toBe('unchanged')
    expect(await versions()).toBe(versionCount + 2)
    const live = await app.payload.findByID({ collection: 'articles', id: created.article.id, depth: 0 })
    expect(live._status).toBe('published')
    expect(JSON.stringify(live.body)).not.toContain('Second correction')
  })

  it('yields one article when the same story is ingested twice at the same moment', async () => {
    const story = variant('good/esa-ninjs3.json', 'race')
    const results = await Promise.all([ingester().ingest(story), ingester().ingest(story), ingester().ingest(story)])
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'unchanged', 'unchanged'])
    expect(new Set(results.map((r) => r.article.id)).size).toBe(1)
    expect(await byHeadline(story.headline)).toHaveLength(1)
  })

  it('writes a story whole or not at all: past the time limit, the write in flight is rolled back', async () => {
    const story = variant('good/afp-ninjs1.json', 'timeout')
    const [count, versionCount] = [await articles(), await versions()]
    const error = await createIngester(app.payload, { timeoutMs: 1 })
      .ingest(story)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IngestError)
    expect(error).toMatchObject({ status: 504, message: 'took longer than 0.001 s; nothing was written' })
    await (error as IngestError).rolledBack
    expect([await articles(), await versions()]).toEqual([count, versionCount])
    expect(await byHeadline(story.headline)).toHaveLength(0)
    // The same story goes in whole once it has the time.
    expect((await ingester().ingest(story)).outcome).toBe('created')
  })

  it('keeps two different stories with the same headline apart, each with its own slug', async () => {
    const a = variant('good/ians-ninjs3.json', 'twin')
    const b = { ...a, bytes: Buffer.from(JSON.stringify({ ...a.doc, uri: `${a.doc.uri}-other` })) }
    const [first, second] = [await ingester().ingest(a), await ingester().ingest(b)]
    expect(second.outcome).toBe('created')
    expect(second.article.id).not.toBe(first.article.id)
    expect(second.article.slug).toMatch(new RegExp(`^${first.article.slug}-[0-9a-f]{12}$`))
  })

  it('names the field when a story breaks a rule of the collection, and writes nothing', async () => {
    const story = variant('good/spx-ninjs2.json', 'long')
    story.doc.headlines[0].value = 'A'.repeat(201)
    const count = await articles()
    await expect(ingester().ingest({ ...story, bytes: Buffer.from(JSON.stringify(story.doc)) })).rejects.toThrow(
      /^headline: .*200/,
    )
    expect(await articles()).toBe(count)
  })

  it('refuses to publish a flagged story until an editor checks the source and clears the flag', async () => {
    const { article } = await ingester().ingest(wireFile('unmatched/xyz-text.txt'))
    const publish = (data: object) =>
      app.payload.update({ collection: 'articles', id: article.id, data: { ...data, _status: 'published' } })
    const spx = (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: 'SPX' } } })).docs[0]
    await expect(publish({ source: spx.id })).rejects.toThrow(/ingest\.needsReview|Needs review/)
    const published = await publish({ source: spx.id, ingest: { needsReview: false } })
    expect(published).toMatchObject({ _status: 'published', attribution: { credit: 'SPX' } })
  })

  it('holds everything back as drafts with `draft`, and files a section by site when its name is in several', async () => {
    const orbital = (await app.payload.find({ collection: 'sites', where: { domain: { equals: 'orbitaltimes.example' } } })).docs[0]
    const twin = await app.payload.create({ collection: 'sections', data: { name: 'SUPERPOWERS', slug: 'superpowers', site: orbital.id } })
    const story = variant('good/upi-ninjs2.json', 'sections')
    const ambiguous = await createIngester(app.payload, { draft: true }).ingest(story)
    expect(ambiguous.article).toMatchObject({ _status: 'draft', section: null, ingest: { needsReview: false } })
    expect(ambiguous.notes).toEqual(['section "SUPERPOWERS" is in 2 sites: name the site to file it'])
    const filed = await createIngester(app.payload, { site: 'orbitaltimes.example' }).ingest(story)
    expect(filed).toMatchObject({ outcome: 'updated', article: { _status: 'published', section: twin.id }, notes: [] })
    // A plain page's masthead names its site.
    const page = await createIngester(app.payload).ingest(wireFile('good/afp-text.txt'))
    expect(page.notes).toEqual([])
    // The article filed there keeps it (a section in use is never deleted: test/int/history.test.ts); renamed out of the way.
    await app.payload.update({ collection: 'sections', id: twin.id, data: { name: 'SUPERPOWERS ORBITAL', slug: 'superpowers-orbital' } })
  })
})

describe('POST /api/articles/ingest', () => {
  const post = async (body: Buffer | string, contentType: string | undefined, who: 'admin' | 'anonymous' | 'compliance' | 'editor', query = '') =>
    api.rest('POST', `articles/ingest${query}`, {
      body,
      headers: { ...(await app.auth(who)), ...(contentType ? { 'Content-Type': contentType } : { 'Content-Type': '' }) },
    })

  it('takes a story by Content-Type and answers with the attributed article: 201, then 200 unchanged', async () => {
    const story = variant('good/esa-ninjs3.json', 'rest')
    const created = await post(story.bytes, 'application/json', 'editor')
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ outcome: 'created', message: 'Article created.', doc: { _status: 'published' } })
    expect(created.body.doc.attribution).toMatchObject({ credit: 'ESA', copyrightHolder: 'European Space Agency' })
    const again = await post(story.bytes, 'application/json; charset=utf-8', 'admin')
    expect(again).toMatchObject({ status: 200, body: { outcome: 'unchanged', doc: { id: created.body.doc.id } } })

    const nitf = wireFile('good/afp-nitf.xml').bytes
    expect((await post(nitf, 'application/xml', 'editor')).status).toBeLessThan(300)
    expect(await post(nitf, 'application/xml', 'editor')).toMatchObject({ status: 200, body: { outcome: 'unchanged' } })
  })

  it('answers a story it cannot match with the draft and the reason', async () => {
    const page = wireFile('unmatched/xyz-text.txt').bytes.toString('utf8').replace(/Navy trials/g, 'Navy repeats')
    const res = await post(page, 'text/plain', 'editor', '?draft=true')
    expect(res.status).toBe(201)
    expect(res.body.message).toMatch(/^Article created as a draft for review: no wire source matches credit "XYZ"/)
    expect(res.body.doc).toMatchObject({ _status: 'draft', ingest: { needsReview: true } })
  })

  it('refuses anonymous callers (401) and compliance staff (403), writing nothing', async () => {
    const story = variant('good/nasa-ninjs1.json', 'denied')
    const count = await articles()
    const anonymous = await post(story.bytes, 'application/json', 'anonymous')
    expect(anonymous).toMatchObject({ status: 401, body: { errors: [{ message: expect.stringMatching(/Sign in/) }] } })
    const compliance = await post(story.bytes, 'application/json', 'compliance')
    expect(compliance).toMatchObject({ status: 403, body: { errors: [{ message: 'Only editors and admins ingest wire copy.' }] } })
    expect(await articles()).toBe(count)
  })

  it('answers bad input with the status and a message naming what is wrong', async () => {
    const count = await articles()
    const cases: [Buffer | string, string | undefined, number, RegExp][] = [
      [wireFile('bad/truncated.xml').bytes, 'application/xml', 400, /ends inside <nitf>/],
      [wireFile('bad/invalid.json').bytes, 'application/json', 400, /invalid JSON/],
      [wireFile('bad/no-headline.txt').bytes, 'text/plain', 400, /no headline/],
      [wireFile('bad/xxe.xml').bytes, 'application/xml', 400, /entit/],
      [wireFile('bad/latin1.txt').bytes, 'text/plain', 400, /not valid UTF-8/],
      ['{}', 'application/pdf', 415, /unsupported Content-Type "application\/pdf"/],
      ['{}', undefined, 415, /Send a Content-Type/],
      [Buffer.alloc(10 * 1024 * 1024, 'a'), 'text/plain', 413, /over the 5 MB limit/],
    ]
    for (const [body, type, status, message] of cases) {
      const res = await post(body, type, 'editor')
      expect({ status: res.status, message: res.body.errors?.[0]?.message }).toEqual({ status, message: expect.stringMatching(message) })
    }
    expect(await articles()).toBe(count)
  })
})
