/**
 * The public article page's JSON-LD as search engines read it (issue 16, items 4–5), from the
 * production server: extracted from the HTML by `@marbec/web-auto-extractor`, valid against the
 * schema.org vocabulary and Google's Article guidelines, and exactly `attribution.jsonLd` as the
 * API gives it (one builder makes both). A 2019 agency story published today says 2019.
 * Needs a Next production build; builds one if `.next/BUILD_ID` is missing (CI builds first).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { paragraph } from '../helpers/lexical'
import { databaseUnderTest } from '../helpers/payload'
import { tinyPng } from '../helpers/png'
import { BUILD_TIMEOUT_MS, ensureBuild, get, killServers, type RunningServer, send, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'
import { articleProblems, extract, schemaOrgIssues } from '../helpers/structuredData'

const SERVER_URL = 'https://wire.example'
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wh-media-page-'))

let db: TestDatabase | undefined
let server: RunningServer
let token: string
let page: string
let api: Record<string, any>
let publicUrl: string

const call = async (method: string, route: string, body: unknown) => {
  const reply = await send(`${server.url}/api/${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify(body),
  }).reply
  if (reply.status >= 300) throw new Error(`${method} ${route}: ${reply.status} ${reply.body}`)
  return JSON.parse(reply.body)
}

const findOne = async (route: string) => JSON.parse((await get(`${server.url}/api/${route}`)).body).docs[0]

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(databaseUnderTest())
  server = await spawnServer({
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'structured-data-page-test-secret-0123456789',
    SERVER_URL,
    MEDIA_DIR: mediaDir,
    MIGRATE_ON_INIT: 'true',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
  })
  await waitUntilReady(server)
  token = (await call('POST', 'users/login', { email: 'admin@wirehouse.test', password: 'wirehouse-demo' })).token

  // The publisher's logo: an image uploaded over REST as the admin panel does it.
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(tinyPng(8, 2))], { type: 'image/png' }), 'logo.png')
  form.append('_payload', JSON.stringify({ alt: 'Orbit Media Network' }))
  const upload = await fetch(`${server.url}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
  expect(upload.status).toBe(201)
  const { doc: logo } = (await upload.json()) as { doc: { id: number } }
  await call('POST', 'globals/publisher', { logo: logo.id })

  const afp = await findOne('wire-sources?where[code][equals]=AFP')
  const section = await findOne('sections?where[slug][equals]=superpowers&depth=1')
  const { doc } = await call('POST', 'articles', {
    headline: 'A 2019 agency story on today’s page',
    byline: 'AFP Staff Writers',
    source: afp.id,
    section: section.id,
    dateline: { place: 'Astana', date: '2019-05-14T00:00:00.000Z' },
    publishedAt: new Date().toISOString(),
    summary: 'Filed by the wire in 2019.',
    body: paragraph('Text.'),
    _status: 'published',
  })
  publicUrl = `https://${section.site.domain}/${section.slug}/${doc.slug}`
  api = JSON.parse((await get(`${server.url}/api/articles/${doc.id}`)).body)
  const reply = await get(`${server.url}/s/${encodeURIComponent(section.site.domain)}/${section.slug}/${doc.slug}`)
  expect(reply.status).toBe(200)
  page = reply.body
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  await db?.drop()
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

describe('the article page’s JSON-LD, as search engines read it', () => {
  it('is one NewsArticle that schema.org’s vocabulary and Google’s Article guidelines accept', async () => {
    const { jsonld, errors } = extract(page)
    expect(errors).toEqual([])
    expect(Object.keys(jsonld)).toEqual(['NewsArticle'])
    expect(jsonld.NewsArticle).toHaveLength(1)
    const { '@location': _location, ...ld } = jsonld.NewsArticle[0]
    expect(articleProblems(ld, { url: publicUrl })).toEqual([])
    expect(await schemaOrgIssues(page)).toEqual([])
  })

  it('is attribution.jsonLd as the API gives it, complete on its own', () => {
    const { '@location': _location, ...ld } = extract(page).jsonld.NewsArticle[0]
    expect(ld).toEqual(api.attribution.jsonLd)
    expect(ld).toMatchObject({
      copyrightYear: 2019,
      url: publicUrl,
      author: { '@type': 'Organization', name: 'Agence France-Presse' },
      publisher: { logo: { '@type': 'ImageObject', url: expect.stringMatching(/^https:\/\/wire\.example\/api\/media\/file\/logo/), width: 8, height: 2 } },
    })
  })
})
