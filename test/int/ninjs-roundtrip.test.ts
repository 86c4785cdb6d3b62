/**
 * The standards round trip: a wire file ingested, exported as ninjs (each version), validated
 * against IPTC's schema, ingested again: the article keeps every field it had, and the same
 * export a second time changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { Article } from '../../payload-types'

import { createIngester } from '@/ingest/ingest'
import { http } from '../helpers/http'
import { ninjsProblems } from '../helpers/ninjs'
import { startApp, type TestApp } from '../helpers/payload'
import { LPR, wireFile } from '../helpers/wire'

let app: TestApp
let api: ReturnType<typeof http>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  await app.payload.create({ collection: 'wire-sources', data: { ...LPR, bylineAliases: [...LPR.bylineAliases] } })
})
afterAll(async () => app?.stop())

/** What an editor and a reader see of an article: everything but bookkeeping and the wire's rights statement. */
const content = (article: Article) => ({
  headline: article.headline,
  slug: article.slug,
  byline: article.byline,
  dateline: article.dateline,
  source: article.source,
  additionalSources: article.additionalSources,
  section: article.section,
  summary: article.summary,
  body: article.body,
  relatedLinks: (article.relatedLinks ?? []).map(({ label, url }) => ({ label, url })),
  externalId: article.externalId,
  status: article._status,
})

const read = (id: number) => app.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 }) as Promise<Article>

const exported = async (id: number, version: string) => {
  const res = await api.rest('GET', `articles/${id}/ninjs?version=${version}`, { headers: await app.auth('editor') })
  expect(res.status).toBe(200)
  return res.body
}

describe.each(['2.2', '3.1'])('ninjs %s round trip', (version) => {
  it.each([
    'good/afp-ninjs1.json',
    'good/upi-ninjs2.json',
    'good/esa-ninjs3.json',
    'good/ians-nitf.xml',
    'good/afp-text.txt',
  ])('%s: ingest → export → valid → ingest the export: unchanged', async (file) => {
    const ingester = createIngester(app.payload)
    const first = await ingester.ingest(wireFile(file))
    const id = first.article.id as number
    const before = content(await read(id))

    const item = await exported(id, version)
    expect(ninjsProblems(item)).toEqual([])

    const bytes = Buffer.from(JSON.stringify(item))
    const again = await createIngester(app.payload).ingest({ bytes, contentType: 'application/json' })
    expect(again.article.id).toBe(id)
    expect(content(await read(id))).toEqual(before)

    const third = await createIngester(app.payload).ingest({ bytes, contentType: 'application/json' })
    expect(third.outcome).toBe('unchanged')
    expect(content(await read(id))).toEqual(before)
  })
})
