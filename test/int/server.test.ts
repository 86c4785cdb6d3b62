/**
 * The production server (`src/server.ts`) as a real child process on a fresh database of the
 * kind under test: probes, admin, REST and GraphQL through Next, graceful shutdown, refusal to
 * start without a secret. Needs a Next production build; builds one if `.next/BUILD_ID` is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'

const root = fileURLToPath(new URL('../..', import.meta.url))
const kind = databaseUnderTest()
const run = promisify(execFile)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const BUILD_TIMEOUT_MS = 15 * 60_000
const START_TIMEOUT_MS = 180_000
const SHUTDOWN_TIMEOUT_MS = 5_000
const SECRET = 'server-test-secret'

/** Environment for a child: nothing of jest's NODE_OPTIONS/NODE_ENV or the caller's database and secret. */
const childEnv = (overrides: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of ['NODE_ENV', 'DATABASE_URI', 'PAYLOAD_SECRET', 'PORT', 'HOST', 'SERVER_URL']) delete env[key]
  return {
    ...env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: '--no-deprecation --conditions=production',
    ...overrides,
  }
}

/** Both int projects may get here at once; one builds, the other waits for its result. */
const ensureBuild = async () => {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  const hash = crypto.createHash('sha1').update(root).digest('hex').slice(0, 10)
  const lock = path.join(os.tmpdir(), `wirehouse-next-build-${hash}.lock`)
  let waited = false
  for (;;) {
    const held = fs.statSync(lock, { throwIfNoEntry: false })
    if (held && Date.now() - held.mtimeMs > BUILD_TIMEOUT_MS) fs.rmSync(lock, { recursive: true, force: true })
    else if (held) {
      waited = true
      await sleep(1000)
    } else if (fs.existsSync(buildId)) return
    else if (waited) throw new Error('`npm run build` failed in another jest worker; see its error')
    else {
      try {
        fs.mkdirSync(lock)
        break
      } catch {
        // another worker took the lock first
      }
    }
  }
  try {
    await run('npm', ['run', 'build'], {
      cwd: root,
      env: childEnv({}),
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`\`npm run build\` failed:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n')}`)
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })

type Exit = { code: number | null; signal: NodeJS.Signals | null }

type RunningServer = {
  child: ChildProcess
  url: string
  exited: Promise<Exit>
  stdout: () => string
  stderr: () => string
}

const children = new Set<ChildProcess>()

const spawnServer = async (env: Record<string, string>): Promise<RunningServer> => {
  const port = await freePort()
  const child = spawn(process.execPath, ['--conditions=production', '--import=tsx', 'src/server.ts'], {
    cwd: root,
    env: childEnv({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child)
      resolve({ code, signal })
    }),
  )
  return { child, url: `http://127.0.0.1:${port}`, exited, stdout: () => stdout, stderr: () => stderr }
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One request on its own connection (`agent: false`), so no keep-alive socket outlives a server. */
const send = (
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) => {
  const req = http.request(url, { method, headers, agent: false })
  const reply = new Promise<Reply>((resolve, reject) => {
    req.once('error', reject)
    req.once('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.once('error', reject)
      res.once('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
    })
  })
  if (body !== undefined) req.end(body)
  else if (method === 'GET') req.end()
  return { req, reply }
}

const get = (url: string) => send(url).reply

const graphql = (url: string, query: string) =>
  send(`${url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
  }).reply

/** `/readyz`'s status, or the connection error's code. */
const readiness = (server: RunningServer) =>
  get(`${server.url}/readyz`).then(
    (reply) => reply.status,
    (error: NodeJS.ErrnoException) => error.code ?? error.message,
  )

const waitUntilReady = async (server: RunningServer) => {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server exited before it was ready:\n${server.stdout()}\n${server.stderr()}`)
    }
    if ((await readiness(server)) === 200) return
    await sleep(250)
  }
  throw new Error(`the server was not ready within ${START_TIMEOUT_MS} ms:\n${server.stdout()}\n${server.stderr()}`)
}

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
  for (const child of children) child.kill('SIGKILL')
  await Promise.all([...children].map((child) => new Promise((resolve) => child.once('exit', resolve))))
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
