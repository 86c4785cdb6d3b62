/**
 * The public article page with hostile source and publisher values (issue 15, item 4), from the
 * production server: the boilerplate shows them as text inside the plugin's allow-list, and the
 * JSON-LD block stays one script whose JSON still parses (`<` escaped, no `</script>` way out).
 * Needs a Next production build; builds one if `.next/BUILD_ID` is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { elementsOf, outsideAllowList, textOf } from '../../plugins/attribution/test/xss'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { paragraph } from '../helpers/lexical'
import { findSample } from '../helpers/load'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, get, killServers, type RunningServer, send, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

const NAME = '</script><script>alert(1)</script>'
const HOLDER = '<img src=x onerror=alert(1)>'
const PUBLISHER = '"><svg onload=alert(1)>'

let db: TestDatabase | undefined
let server: RunningServer
let page: string
let tripleMustache: number

const call = async (method: string, path: string, body: unknown, token?: string) => {
  const reply = await send(`${server.url}/api/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token && { Authorization: `JWT ${token}` }) },
    body: JSON.stringify(body),
  }).reply
  expect(reply.status).toBe(200)
  return JSON.parse(reply.body)
}

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(databaseUnderTest())
  server = await spawnServer({
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'templates-site-test-secret-0123456789',
    MIGRATE_ON_INIT: 'true',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
  })
  await waitUntilReady(server)
  const { token } = await call('POST', 'users/login', { email: 'admin@wirehouse.test', password: 'wirehouse-demo' })
  const sample = await findSample(server.url)
  const { docs } = JSON.parse((await get(`${server.url}/api/articles?where[slug][equals]=${encodeURIComponent(sample.slug)}&depth=0`)).body)
  await call('PATCH', `wire-sources/${docs[0].source}`, { name: NAME, credit: NAME, copyrightHolder: HOLDER }, token)
  await call('POST', 'globals/publisher', { name: PUBLISHER }, token)
  // Before templates were text only, this published the publisher's name unescaped on every page.
  const notice = {
    title: 'Raw',
    kind: 'other',
    appliesTo: { scope: 'all' },
    body: paragraph('Published by {{{publisher.name}}} for {{& source.name}}.'),
    _status: 'published',
  }
  tripleMustache = (
    await send(`${server.url}/api/legal-notices`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify(notice),
    }).reply
  ).status
  const reply = await get(`${server.url}/s/${encodeURIComponent(sample.domain)}/${encodeURIComponent(sample.section)}/${encodeURIComponent(sample.slug)}`)
  expect(reply.status).toBe(200)
  page = reply.body
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  await db?.drop()
})

describe('the public article page', () => {
  it('never gets a triple-mustache notice: it is refused at save', () => {
    expect(tripleMustache).toBe(400)
  })

  it('shows hostile names in the boilerplate as text, within the allow-list', () => {
    const start = page.indexOf('data-testid="boilerplate"')
    expect(start).toBeGreaterThan(0)
    const boilerplate = page.slice(page.indexOf('>', start) + 1, page.indexOf('</footer>', start))
    expect(outsideAllowList(boilerplate.replace(/^<div>|<\/div>$/g, ''))).toEqual([])
    expect(textOf(boilerplate)).toContain(PUBLISHER)
  })

  it('keeps the JSON-LD in one script that parses, with the names as they are', () => {
    const scripts = elementsOf(page).filter((e) => e.tag === 'script' && e.attribs.type === 'application/ld+json')
    expect(scripts).toHaveLength(1)
    // The tag carries the page's CSP nonce too: the JSON starts after its `>`.
    const open = page.indexOf('>', page.indexOf('type="application/ld+json"')) + 1
    expect(open).toBeGreaterThan(0)
    const json = page.slice(open, page.indexOf('</script>', open))
    expect(json).not.toContain('<')
    const ld = JSON.parse(json)
    expect(ld).toMatchObject({ creditText: NAME, sourceOrganization: [{ name: NAME }], publisher: { name: PUBLISHER } })
  })

  it('has no element or attribute a payload wrote', () => {
    const elements = elementsOf(page)
    expect(elements.filter((e) => Object.keys(e.attribs).some((name) => name.startsWith('on')))).toEqual([])
    expect(elements.filter((e) => e.tag === 'img' || e.tag === 'svg')).toEqual([])
    expect(page).not.toContain('<script>alert(1)</script>')
  })
})
