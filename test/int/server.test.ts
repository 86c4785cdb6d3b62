/**
 * The production server (`src/server.ts`) as a real child process on a fresh database of the
 * kind under test: probes, admin, REST and GraphQL through Next, graceful shutdown, refusal to
 * start without a secret. Needs a Next production build; builds one if `.next/BUILD_ID` is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'
import {
  BUILD_TIMEOUT_MS,
  ensureBuild,
  get,
  killServers,
  readiness,
  type Reply,
  send,
  sleep,
  spawnServer,
  START_TIMEOUT_MS,
  waitUntilReady,
} from '../helpers/server'

const kind = databaseUnderTest()

const SHUTDOWN_TIMEOUT_MS = 5_000
const SECRET = 'server-test-secret-of-32-characters'

const graphql = (url: string, query: string) =>
  send(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
  }).reply

const waitFor = async (condition: () => Promise<boolean>, ms: number, what: string) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await condition()) return
    await sleep(50)
  }
  throw new Error(`timed out waiting for ${what}`)
}

const databases: TestDatabase[] = []
const freshDatabase = async () => {
  const db = await createTestDatabase(kind)
  databases.push(db)
  return db
}

afterAll(async () => {
  await killServers()
  for (const db of databases) await db.drop().catch(() => undefined)
})

describe('the production server', () => {
  it('refuses to start in production without PAYLOAD_SECRET: one line on stderr, exit 1', async () => {
    const db = await freshDatabase()
    const server = await spawnServer({ DATABASE_URI: db.uri })
    expect(await server.exited).toEqual({ code: 1, signal: null })
    const lines = server.stderr().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^PAYLOAD_SECRET is not set\. In production Wirehouse needs a long random secret/)
    expect(server.stdout()).not.toMatch(/listening/)
  })

  it('refuses to start in production with a PAYLOAD_SECRET shorter than 32 characters', async () => {
    const db = await freshDatabase()
    const server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: 'server-test-secret' })
    expect(await server.exited).toEqual({ code: 1, signal: null })
    expect(server.stderr().trim()).toMatch(/^PAYLOAD_SECRET is too short \(18 characters, at least 32\)/)
  })

  describe('on a Next production build', () => {
    beforeAll(ensureBuild, BUILD_TIMEOUT_MS + 60_000)

    it(
      'serves probes, admin, REST and GraphQL, then drains in-flight requests on SIGTERM and exits 0',
      async () => {
        const db = await freshDatabase()
        const server = await spawnServer({
          DATABASE_URI: db.uri,
          PAYLOAD_SECRET: SECRET,
          SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
        })
        await waitUntilReady(server)
        const { url } = server

        const health = await get(`${url}/healthz`)
        expect(health.status).toBe(200)
        expect(JSON.parse(health.body)).toEqual({ status: 'ok' })

        const ready = await get(`${url}/readyz`)
        expect(ready.status).toBe(200)
        expect(JSON.parse(ready.body)).toEqual({ status: 'ok' })

        const admin = await get(`${url}/admin`)
        if (admin.status === 200) expect(admin.body).toMatch(/<html/i)
        else {
          expect([302, 303, 307, 308]).toContain(admin.status)
          expect(admin.headers.location).toMatch(/\/admin\/(login|create-first-user)/)
        }

        const articles = await get(`${url}/api/articles`)
        expect(articles.status).toBe(200)
        expect(articles.headers['content-type']).toMatch(/application\/json/)
        const list = JSON.parse(articles.body)
        expect(list.totalDocs).toBe(6)
        expect(list.docs).toHaveLength(6)

        const query = await graphql(url, '{ Articles { totalDocs docs { headline source { code } } } }')
        expect(query.status).toBe(200)
        const { data, errors } = JSON.parse(query.body)
        expect(errors).toBeUndefined()
        expect(data.Articles.totalDocs).toBe(6)
        expect(data.Articles.docs.map((a: { source: { code: string } }) => a.source.code).sort()).toEqual([
          'AFP',
          'ESA',
          'IANS',
          'NASA',
          'SPX',
          'UPI',
        ])

        // Requests held open by sending half their body: one completes during the drain,
        // the other never does and must be cut off at SHUTDOWN_TIMEOUT_MS.
        const body = JSON.stringify({ query: '{ Articles { totalDocs } }' })
        const half = Math.floor(body.length / 2)
        const headers = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) }
        const finishing = send(`${url}/api/graphql`, { method: 'POST', headers })
        const hanging = send(`${url}/api/graphql`, { method: 'POST', headers })
        const hangingOutcome = hanging.reply.then(
          (reply) => `answered ${reply.status}`,
          (error: NodeJS.ErrnoException) => error.code ?? error.message,
        )
        finishing.reply.catch(() => undefined) // awaited below; not an unhandled rejection meanwhile
        finishing.req.write(body.slice(0, half))
        hanging.req.write(body.slice(0, half))
        await sleep(500)

        const signalledAt = Date.now()
        server.child.kill('SIGTERM')
        await waitFor(
          async () => ['ECONNREFUSED', 503].includes(await readiness(server)),
          10_000,
          '/readyz to refuse or answer 503 after SIGTERM',
        )
        expect(server.child.exitCode).toBeNull()

        finishing.req.end(body.slice(half))
        const finished = await finishing.reply
        expect(finished.status).toBe(200)
        expect(JSON.parse(finished.body)).toEqual({ data: { Articles: { totalDocs: 6 } } })

        expect(await server.exited).toEqual({ code: 0, signal: null })
        expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(SHUTDOWN_TIMEOUT_MS - 100)
        expect(await hangingOutcome).toMatch(/ECONNRESET|socket hang up/)

        const log = server.stdout()
        expect(log).toMatch(/SIGTERM received/)
        expect(log).toMatch(new RegExp(`1 request\\(s\\) still running after ${SHUTDOWN_TIMEOUT_MS} ms`))
        expect(log).toMatch(/database connections closed/)
        expect(log).toMatch(/shutdown complete/)
      },
      START_TIMEOUT_MS + 60_000,
    )

    // Not on SQLite: the process holds the file open and `SELECT 1` keeps answering even after the
    // file is deleted, so there is no reliable way to take the database away from a running server.
    ;(kind === 'postgres' ? it : it.skip)(
      'answers /readyz with 503 and a reason once the database is gone',
      async () => {
        const db = await freshDatabase()
        const server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET })
        await waitUntilReady(server)

        await db.drop()
        let reply: Reply | undefined
        await waitFor(
          async () => (reply = await get(`${server.url}/readyz`)).status === 503,
          10_000,
          '/readyz to answer 503',
        )
        expect(JSON.parse(reply!.body)).toEqual({ status: 'unavailable', reason: expect.stringMatching(/^database: ./) })

        expect((await get(`${server.url}/healthz`)).status).toBe(200)
        server.child.kill('SIGTERM')
        await server.exited
      },
      START_TIMEOUT_MS + 30_000,
    )
  })
})
