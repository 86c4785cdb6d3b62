/**
 * The production server (`src/server.ts`) as a child process, for tests that need a real one:
 * a Next production build (made once, under a lock, if `.next/BUILD_ID` is missing), a free port,
 * a clean environment, and readiness polling.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const root = fileURLToPath(new URL('../..', import.meta.url))
const run = promisify(execFile)
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const BUILD_TIMEOUT_MS = 15 * 60_000
export const START_TIMEOUT_MS = 180_000

/** Node's options for a child, as `npm start` gives them. */
export const SERVER_NODE_OPTIONS = '--no-deprecation --conditions=production'

/** Environment for a child: nothing of jest's NODE_OPTIONS/NODE_ENV or the caller's database and secret. */
export const childEnv = (overrides: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const key of ['NODE_ENV', 'DATABASE_URI', 'PAYLOAD_SECRET', 'PORT', 'HOST', 'SERVER_URL']) delete env[key]
  return {
    ...env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_OPTIONS: SERVER_NODE_OPTIONS,
    ...overrides,
  }
}

/** Several jest projects may get here at once; one builds, the others wait for its result. */
export const ensureBuild = async () => {
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

export type Exit = { code: number | null; signal: NodeJS.Signals | null }

export type RunningServer = {
  child: ChildProcess
  url: string
  exited: Promise<Exit>
  stdout: () => string
  stderr: () => string
}

const children = new Set<ChildProcess>()

export const spawnServer = async (env: Record<string, string>): Promise<RunningServer> => {
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

/** Kills every server this test file started that is still running, and waits for them to exit. */
export const killServers = async () => {
  const running = [...children]
  const exits = running.map((child) => new Promise((resolve) => child.once('exit', resolve)))
  for (const child of running) child.kill('SIGKILL')
  await Promise.all(exits)
}

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One request on its own connection (`agent: false`), so no keep-alive socket outlives a server. */
export const send = (
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

export const get = (url: string) => send(url).reply

/** `/readyz`'s status, or the connection error's code. */
export const readiness = (server: RunningServer) =>
  get(`${server.url}/readyz`).then(
    (reply) => reply.status,
    (error: NodeJS.ErrnoException) => error.code ?? error.message,
  )

export const waitUntilReady = async (server: RunningServer) => {
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
