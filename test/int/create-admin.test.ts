/**
 * In production the first admin comes from `npm run create-admin` (here `payload create-admin`,
 * which the npm script runs), not from the web: the production server refuses first-register.
 * Needs a Next production build; builds one if `.next/BUILD_ID` is missing.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, send, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

const SECRET = 'create-admin-test-secret-of-32-chars'
let db: TestDatabase
let server: RunningServer

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(databaseUnderTest())
  server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: SECRET })
  await waitUntilReady(server)
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  await db?.drop().catch(() => undefined)
})

const post = (path: string, body: unknown) =>
  send(`${server.url}/api/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).reply

/** `payload create-admin` as an operator runs it, with no terminal: the account from the environment. */
const createAdmin = (vars: Record<string, string>) =>
  new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = execFile(
      'npx',
      ['payload', 'create-admin'],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URI: db.uri,
          PAYLOAD_SECRET: SECRET,
          NODE_OPTIONS: '--no-deprecation --conditions=production',
          ...vars,
        },
        timeout: 120_000,
      },
      (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
    )
    child.stdin?.end()
  })

it('refuses first-register in production, anonymously, and creates no account', async () => {
  const res = await post('users/first-register', { email: 'walk-in@example.test', password: 'walk-in-password-1' })
  expect(res.status).toBe(403)
  expect(JSON.parse(res.body).errors[0].message).toMatch(/npm run create-admin/)
  expect((await post('users/login', { email: 'walk-in@example.test', password: 'walk-in-password-1' })).status).toBe(401)
})

// Each run of the CLI loads the whole config: two runs only (the checks of email and password: `test/unit/create-admin.test.ts`).
it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD, who can then sign in; refuses the same email twice', async () => {
  const made = await createAdmin({ ADMIN_EMAIL: 'Chief@Example.test', ADMIN_PASSWORD: 'a-long-admin-password' })
  expect(made).toMatchObject({ code: 0 })
  const login = await post('users/login', { email: 'chief@example.test', password: 'a-long-admin-password' })
  expect(login.status).toBe(200)
  expect(JSON.parse(login.body).user.roles).toEqual(['admin'])

  const twice = await createAdmin({ ADMIN_EMAIL: 'chief@example.test', ADMIN_PASSWORD: 'a-long-admin-password' })
  expect(twice.code).toBe(1)
  expect(twice.stderr).toMatch(/exists already/)
}, 360_000)
