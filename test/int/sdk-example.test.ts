/**
 * The docs' typed client example (`examples/sdk-attribution.ts`, `@payloadcms/sdk` with the
 * generated types) type-checks and, run against the production server on a fresh seeded
 * database, reads a sample article's attribution in both forms. Needs `npm ci --prefix examples`
 * and a Next production build (made if missing).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, childEnv, ensureBuild, killServers, root, type RunningServer, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

const run = promisify(execFile)
const SLUG = 'rival-blocs-court-central-asia-at-a-crowded-summit'

let db: TestDatabase
let server: RunningServer

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(databaseUnderTest())
  server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: 'sdk-example-test-secret-of-32-characters', SEED_ON_EMPTY: 'true' })
  await waitUntilReady(server)
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  await db?.drop().catch(() => undefined)
})

describe('the @payloadcms/sdk example', () => {
  it('type-checks against the generated types', async () => {
    await expect(run('npx', ['tsc', '-p', 'examples'], { cwd: root })).resolves.toBeDefined()
  }, 120_000)

  it("reads a sample article's attribution, lean and full, from the server", async () => {
    const { stdout } = await run(process.execPath, ['--import=tsx', 'examples/sdk-attribution.ts', SLUG], {
      cwd: root,
      env: childEnv({ WIREHOUSE_URL: server.url }),
      timeout: 60_000,
    })
    const lines = stdout.trim().split('\n')
    const result = JSON.parse(lines.at(-1)!)
    expect(result.headline).toBe('Rival blocs court Central Asia at a crowded summit')
    expect(result.attribution).toMatchObject({ credit: 'AFP', copyrightHolder: 'Agence France-Presse', license: 'copyright' })
    expect(result.attribution.text).toEqual(expect.stringContaining('Agence France-Presse'))
    // Lean: the notices name themselves only; full: each with its own text.
    expect(result.attribution.notices.length).toBeGreaterThan(0)
    for (const notice of result.attribution.notices) expect(notice.text).toBeUndefined()
    expect(result.notices).toHaveLength(result.attribution.notices.length)
    for (const notice of result.notices) expect(typeof notice.text).toBe('string')
    expect(lines[0]).toBe(result.headline)
  }, 120_000)
})
