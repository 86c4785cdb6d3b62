import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { promisify, stripVTControlCharacters } from 'node:util'

import { databaseKind, migrationsFor } from '@/database'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'

const run = promisify(execFile)
const kind = databaseUnderTest()
const sql = kind === 'sqlite' || kind === 'postgres'

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase(kind)
})
afterAll(async () => db?.drop())

const payloadCli = (...args: string[]) =>
  run('npx', ['payload', ...args], {
    env: {
      ...process.env,
      DATABASE_URI: db.uri,
      NODE_OPTIONS: '--no-deprecation --conditions=production',
      PAYLOAD_SECRET: 'cli-test-secret-of-32-characters',
    },
    timeout: 120_000,
  })

;(sql ? describe : describe.skip)('`payload migrate` on an empty database', () => {
  it('applies every committed migration, then reports nothing pending', async () => {
    expect(databaseKind(db.uri)).toBe(kind)
    await payloadCli('migrate')

    const { stdout } = await payloadCli('migrate:status')
    const table = stripVTControlCharacters(stdout)
    const names = migrationsFor(kind as 'postgres' | 'sqlite').map((m) => m.name)
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(table).toMatch(new RegExp(`${name}\\s*│\\s*1\\s*│\\s*Yes`))

    // A second run finds nothing to do and changes nothing.
    const again = await payloadCli('migrate')
    expect(again.stdout + again.stderr).not.toMatch(/Migrating:/)
  })
})
