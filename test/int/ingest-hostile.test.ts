/**
 * Crafted 100 KB lines through `POST /api/articles/ingest`, and the ingest time limit counted
 * from the request: every answer is a 2xx with the whole article or a 4xx/504 that wrote
 * nothing. How fast: `bench/parse.ts`; that the patterns are linear: `test/unit/redos.test.ts`.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Article } from '../../payload-types'

import { createIngester } from '@/ingest/ingest'
import { MAX_LINE_LENGTH } from '@/ingest/text'
import { deadlineOf, IngestError } from '@/ingest/types'
import { inTransaction } from '@/ingest/write'
import { hostileStories } from '../helpers/hostile'
import { http } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'
import { wireFile } from '../helpers/wire'

let app: TestApp
let api: ReturnType<typeof http>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
})
afterAll(async () => {
  await app?.stop()
})

const counts = async () => [
  (await app.payload.count({ collection: 'articles' })).totalDocs,
  (await app.payload.countVersions({ collection: 'articles' })).totalDocs,
]
const byHeadline = async (text: string) =>
  (await app.payload.find({ collection: 'articles', where: { headline: { contains: text } }, draft: true, depth: 1 })).docs as Article[]

describe('POST /api/articles/ingest with crafted 100 KB lines', () => {
  const names = hostileStories('', MAX_LINE_LENGTH).map((story) => story.name)

  it.each(names)('%s: 2xx with the whole article, or 4xx having written nothing', async (name) => {
    const tag = `Hostile-${names.indexOf(name)}`
    const { bytes, filename } = hostileStories(tag, MAX_LINE_LENGTH).find((story) => story.name === name)!
    const before = await counts()
    const res = await api.rest('POST', 'articles/ingest', {
      body: bytes,
      headers: { ...(await app.auth('editor')), 'Content-Type': filename.endsWith('.xml') ? 'application/xml' : 'text/plain' },
    })
    expect([200, 201, 400, 413]).toContain(res.status)
    const [articles, versions] = await counts()
    if (res.status >= 400) {
      expect(res.body.errors[0].message).toMatch(/^(line \d+ is .* over the 20,000-character limit|XML is not well-formed)/)
      expect([articles, versions]).toEqual(before)
      expect(await byHeadline(tag)).toHaveLength(0)
    } else {
      expect(res.status).toBe(201)
      expect([articles, versions]).toEqual([before[0] + 1, before[1] + 1])
      const [article] = await byHeadline(tag)
      expect(article).toMatchObject({ id: res.body.doc.id, _status: 'published', ingest: { needsReview: false } })
      expect(article.body?.root.children.length).toBeGreaterThan(0)
    }
  })
})

describe('the ingest time limit', () => {
  /** A plain page made new to the database by a word in its headline. */
  const page = (word: string) => {
    const { bytes, filename } = wireFile('good/spx-text.txt')
    const text = bytes.toString()
    const headline = text.split('\n')[2]
    return { bytes: Buffer.from(text.replaceAll(headline, `${headline} ${word}`)), filename, headline: `${headline} ${word}` }
  }

  it('counts from when the request started: spent before parsing, it answers the timeout error and writes nothing', async () => {
    const story = page('late')
    const ingester = createIngester(app.payload, { timeoutMs: 1000 })
    const before = await counts()
    // As a request whose body took 2 s to arrive.
    const error = await ingester.ingest(story, ingester.deadline(performance.now() - 2000)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IngestError)
    expect(error).toMatchObject({ status: 504, message: 'took longer than 1 s; nothing was written' })
    expect(await counts()).toEqual(before)
    expect(await byHeadline(story.headline)).toHaveLength(0)
    expect((await ingester.ingest(story, ingester.deadline())).outcome).toBe('created')
  })

  it('rolls back the write in flight when the deadline passes during it', async () => {
    const before = await counts()
    const error = await inTransaction(app.payload, undefined, deadlineOf(1), (req) =>
      app.payload.create({ collection: 'articles', data: { headline: 'Rolled back at the deadline' }, draft: true, req }),
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 504, message: 'took longer than 0.001 s; nothing was written' })
    await (error as IngestError).rolledBack
    expect(await counts()).toEqual(before)
    expect(await byHeadline('Rolled back at the deadline')).toHaveLength(0)
  })
})

describe('POST /api/articles/ingest with hostile content', () => {
  const post = async (body: string, contentType: string) => {
    const start = performance.now()
    const res = await api.rest('POST', 'articles/ingest', { body, headers: { ...(await app.auth('editor')), 'Content-Type': contentType } })
    return { status: res.status, message: res.body.errors?.[0]?.message as string | undefined, ms: performance.now() - start }
  }
  const cells = (n: number) => `<table>${`<tr>${'<td>x</td>'.repeat(100)}</tr>`.repeat(n / 100)}</table>`

  it.each([
    ['a NUL in the headline', JSON.stringify({ uri: 'nul-1', headline: 'Nul\u0000 headline', body_html: '<p>x</p>' }), 'application/json', 400, 'headline: the story holds a NUL character (\\u0000), which is not text'],
    ['a NUL in the rights', JSON.stringify({ uri: 'nul-2', headline: 'Nul rights', copyrightholder: 'A\u0000B', body_html: '<p>x</p>' }), 'application/json', 400, 'rights.holder: the story holds a NUL character (\\u0000), which is not text'],
    ['100,000 table cells', JSON.stringify({ uri: 'cells-1', headline: 'Cells', body_html: cells(100_000) }), 'application/json', 413, 'the body has 101,001 elements (paragraphs, table cells, links…), over the limit of 10,000'],
    ['100,000 NITF table cells', `<nitf><body><body.head><hedline><hl1>Cells</hl1></hedline></body.head><body.content>${cells(100_000)}</body.content></body></nitf>`, 'application/xml', 413, 'the body has 101,001 elements (paragraphs, table cells, links…), over the limit of 10,000'],
  ])('%s: a 4xx naming it, quickly, having written nothing (was a 500 on PostgreSQL, or a 504 after 30 s of conversion)', async (_, body, type, status, message) => {
    const before = await counts()
    const res = await post(body, type)
    expect({ status: res.status, message: res.message }).toEqual({ status, message })
    expect(res.ms).toBeLessThan(10_000)
    expect(await counts()).toEqual(before)
  })

  it.each([
    ['a 3 MB copyright holder', { copyrightholder: 'H'.repeat(3_000_000) }],
    ['100,000 unknown info sources', { infosources: Array.from({ length: 100_000 }, (_, i) => ({ name: `Wire ${i}` })) }],
  ])('%s: kept as a draft for review, what is too long shortened, never a refusal naming another field', async (name, extra) => {
    const uri = `long-${name.length}`
    const res = await post(JSON.stringify({ uri, headline: `Long ${name}`, body_html: '<p>Text.</p>', ...extra }), 'application/json')
    expect(res.status).toBe(201)
    const [article] = (await app.payload.find({ collection: 'articles', where: { externalId: { equals: uri } }, draft: true, depth: 0 })).docs as Article[]
    expect(article.ingest).toMatchObject({ needsReview: true })
    expect(article.ingest?.reason?.length).toBeLessThanOrEqual(1000)
    expect((article.wireRights?.holder ?? '').length).toBeLessThanOrEqual(300)
  })

  it('a wire page of 12,000 paragraphs: a 413 before its conversion', async () => {
    const { bytes } = wireFile('good/afp-text.txt')
    const text = bytes.toString()
    const at = text.indexOf('(AFP)')
    const page = text.slice(0, text.indexOf('\n', at) + 1) + '\nWord.\n'.repeat(12_000) + text.slice(text.indexOf('\n', at) + 1)
    const res = await post(page.replace(/\n\n+/, '\n\nParagraphs '), 'text/plain')
    expect(res).toMatchObject({ status: 413, message: expect.stringMatching(/^the body has 12,\d{3} elements .* over the limit of 10,000$/) })
    expect(res.ms).toBeLessThan(10_000)
  })
})
