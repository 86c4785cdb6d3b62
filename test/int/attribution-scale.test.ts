import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { insertArticles, tableStats } from '../helpers/bulk'
import { http } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

const ARTICLES = 10_000

let app: TestApp
let api: ReturnType<typeof http>
let bulkIds: number[] = []

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const [sources, sections] = await Promise.all([
    app.payload.find({ collection: 'wire-sources', depth: 0, limit: 0, pagination: false }),
    app.payload.find({ collection: 'sections', depth: 0, limit: 0, pagination: false }),
  ])
  const started = performance.now()
  bulkIds = await insertArticles(app.payload, {
    count: ARTICLES - (await app.payload.count({ collection: 'articles' })).totalDocs,
    prefix: 'scale',
    sources: sources.docs.map((s) => s.id),
    sections: sections.docs.map((s) => s.id),
  })
  console.info(`[${app.db.kind}] inserted ${bulkIds.length} articles in ${Math.round(performance.now() - started)} ms`)
}, 180_000)

afterAll(async () => app?.stop())

describe(`with ${ARTICLES.toLocaleString('en')} articles`, () => {
  it('a notice edit writes no article and shows on the next read', async () => {
    expect((await app.payload.count({ collection: 'articles' })).totalDocs).toBe(ARTICLES)

    // Rows written from here on (by the edit) would have updated_at >= editStart.
    await new Promise((resolve) => setTimeout(resolve, 5))
    const editStart = new Date()
    const articlesBefore = await tableStats(app.payload, 'articles', editStart)
    const versionsBefore = await tableStats(app.payload, '_articles_v', editStart)
    expect(articlesBefore).toMatchObject({ rows: ARTICLES, updatedSince: 0 })

    const [notice] = (
      await app.payload.find({ collection: 'legal-notices', where: { title: { equals: 'Governing law' } }, depth: 0 })
    ).docs
    expect(notice?._status).toBe('published')
    const marker = `Scale revision ${Date.now()}`
    const started = performance.now()
    await app.payload.update({
      collection: 'legal-notices',
      id: notice.id,
      data: { _status: 'published', body: paragraph(`These terms are governed by the laws of {{publisher.jurisdiction}}. ${marker}.`) },
    })
    const editMs = performance.now() - started

    // No article row and no article version row was written by the edit.
    expect(await tableStats(app.payload, 'articles', editStart)).toEqual(articlesBefore)
    expect(await tableStats(app.payload, '_articles_v', editStart)).toEqual(versionsBefore)

    // The next reads carry the new text.
    const local = await app.payload.find({ collection: 'articles', limit: 100, depth: 0 })
    expect(local.docs).toHaveLength(100)
    for (const doc of local.docs) expect(doc.attribution?.text).toContain(marker)

    const lastId = bulkIds[bulkIds.length - 1]
    const rest = await api.rest('GET', `articles/${lastId}?depth=0`)
    expect(rest.status).toBe(200)
    expect(rest.body.slug).toBe(`scale-${bulkIds.length - 1}`)
    expect(rest.body.attribution.text).toContain(marker)
    expect(rest.body.attribution.text).toContain('Australia')
    console.info(`[${app.db.kind}] notice edit took ${Math.round(editMs)} ms with ${ARTICLES} articles`)
  })
})
