/**
 * Request bodies against the production server (`src/server.ts`, `src/server/bodies.ts`): anonymous
 * writes are refused before their body is read, bodies over 1 MB by their Content-Length get a 413,
 * bodies of unknown length a 411, and ingest keeps its own 5 MB limit. Needs a Next production
 * build; builds one if `.next/BUILD_ID` is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import http, { type ClientRequest } from 'node:http'

import { LIMITS } from '@/limits'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type Reply, type RunningServer, send, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'
import { WIRE } from '../helpers/wire'

const kind = databaseUnderTest()
const MB = 1024 * 1024

let db: TestDatabase | undefined
let server: RunningServer
let editor: Record<string, string>

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(kind)
  server = await spawnServer({
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'http-limits-test-secret-of-at-least-32-characters',
    MIGRATE_ON_INIT: 'true',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
  })
  await waitUntilReady(server)
  const login = await send(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'editor@wirehouse.test', password: 'wirehouse-demo' }),
  }).reply
  expect(login.status).toBe(200)
  editor = { Authorization: `JWT ${JSON.parse(login.body).token}` }
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  await db?.drop().catch(() => undefined)
})

/**
 * Declares a body of `declared` bytes (or sends it chunked) but writes only its first 64 KB, and
 * waits for the answer: one that comes was given without reading the body.
 */
const declareOnly = async (path: string, { headers = {}, declared }: { headers?: Record<string, string>; declared?: number }) => {
  const { req, reply } = send(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(declared === undefined ? {} : { 'Content-Length': String(declared) }), ...headers },
  })
  req.on('error', () => undefined)
  const started = performance.now()
  req.write(Buffer.alloc(64 * 1024, ' '))
  const answer = await Promise.race([reply, new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 5000))])
  req.destroy()
  return { answer, ms: performance.now() - started }
}

/** Sends the whole body; the server may close the connection before it is all written. */
const sendAll = (path: string, body: string, headers: Record<string, string>) => {
  const { req, reply } = send(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })
  ;(req as ClientRequest).on('error', () => undefined)
  return reply
}

const errorOf = (reply: Reply | 'no answer') => (reply === 'no answer' ? reply : { status: reply.status, body: JSON.parse(reply.body) })

describe('anonymous writes', () => {
  it('a 12 MB anonymous POST is refused with a 401 before its body is read', async () => {
    const { answer, ms } = await declareOnly('/api/articles', { declared: 12 * MB })
    expect(errorOf(answer)).toEqual({ status: 401, body: { errors: [{ message: expect.stringMatching(/^Sign in to write/) }] } })
    expect((answer as Reply).headers.connection).toBe('close')
    expect(ms).toBeLessThan(2000)
  })

  it.each(['PATCH', 'PUT', 'DELETE'])('an anonymous %s to the API is refused with a 401', async (method) => {
    const reply = await send(`${server.url}/api/articles/1`, { method, headers: { 'Content-Type': 'application/json' }, body: '{}' }).reply
    expect(errorOf(reply)).toEqual({ status: 401, body: { errors: [{ message: expect.stringMatching(/^Sign in to write/) }] } })
  })

  it.each(['//api/articles', '/api/./articles', '/api/users/../articles', '/%61pi/articles', '/api/users/login/../../articles'])(
    'a path that resolves to the API, however it is written (%s), is guarded too',
    async (path) => {
      // As sent, not as a URL parser would tidy it.
      const { port } = new URL(server.url)
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent: false, headers: { 'Content-Type': 'application/json' } })
        req.once('error', reject)
        req.once('response', (res) => {
          res.resume()
          resolve(res.statusCode)
        })
        req.end('{}')
      })
      expect(status).toBe(401)
    },
  )

  it('the routes anonymous callers use stay open: sign-in, password reset, GraphQL queries, reads sent as POST', async () => {
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      send(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body }).reply
    const wrongPassword = await post('/api/users/login', JSON.stringify({ email: 'editor@wirehouse.test', password: 'wrong' }))
    expect(wrongPassword.status).toBe(401)
    expect(wrongPassword.body).not.toMatch(/Sign in to write/)
    expect((await post('/api/users/forgot-password', JSON.stringify({ email: 'nobody@wirehouse.test' }))).body).not.toMatch(/Sign in to write/)
    const query = await post('/api/graphql', JSON.stringify({ query: '{ Articles(limit: 1) { totalDocs } }' }))
    expect(query.status).toBe(200)
    expect(JSON.parse(query.body).data.Articles.totalDocs).toBeGreaterThan(0)
    const read = await post('/api/articles', 'limit=1&depth=0', { 'Content-Type': 'application/x-www-form-urlencoded', 'X-HTTP-Method-Override': 'GET' })
    expect(read.status).toBe(200)
    expect(JSON.parse(read.body).docs).toHaveLength(1)
  })
})

describe('body size', () => {
  it(`a signed-in 2 MB JSON body is refused with a 413 naming the ${LIMITS.body.maxBytes / MB} MB limit, before it is read`, async () => {
    const { answer } = await declareOnly('/api/articles', { headers: editor, declared: 2 * MB })
    expect(errorOf(answer)).toEqual({
      status: 413,
      body: { errors: [{ message: `The request body is ${2 * MB} bytes, over the 1 MB limit (${MB} bytes).` }] },
    })
    const whole = await sendAll('/api/articles', JSON.stringify({ headline: 'Big', summary: 'x'.repeat(2 * MB) }), editor)
    expect(whole.status).toBe(413)
  })

  it('a body of unknown length (chunked) is refused with a 411, before it is read', async () => {
    const { answer } = await declareOnly('/api/articles', { headers: editor })
    expect(errorOf(answer)).toEqual({ status: 411, body: { errors: [{ message: expect.stringMatching(/^Send a Content-Length/) }] } })
  })

  it('a body under the limit reaches Payload, which answers it', async () => {
    const reply = await sendAll('/api/articles', JSON.stringify({ headline: 'x'.repeat(900 * 1024) }), editor)
    expect(reply.status).toBe(400)
    expect(reply.body).toMatch(/headline/i)
  })

  it('ingest keeps its own 5 MB limit: a 2 MB story is ingested, a declared 6 MB one refused', async () => {
    const story = JSON.parse(readFileSync(`${WIRE}/good/afp-ninjs1.json`, 'utf8'))
    // Wires send the story as plain text beside its HTML.
    const text = `${story.description_text}\n\n`.repeat(Math.ceil((2 * MB) / story.description_text.length))
    const body = JSON.stringify({ ...story, uri: 'urn:newsml:afp.com:20241120:HTTP-LIMITS-2MB', body_text: text })
    expect(body.length).toBeGreaterThan(2 * MB)
    const ingested = await sendAll('/api/articles/ingest?draft=true', body, editor)
    expect({ status: ingested.status, outcome: JSON.parse(ingested.body).outcome }).toEqual({ status: 201, outcome: 'created' })

    const { answer } = await declareOnly('/api/articles/ingest', { headers: editor, declared: 6 * MB })
    expect(errorOf(answer)).toEqual({ status: 413, body: { errors: [{ message: expect.stringMatching(/over the 5 MB limit/) }] } })
  })
})
