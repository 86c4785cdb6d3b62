import type { Payload, SanitizedConfig } from 'payload'

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { closeDatabase } from '@/database'
import { createTestDatabase, type TestDatabase } from './database'

declare const TEST_DATABASE: string | undefined

export type Role = 'admin' | 'anonymous' | 'compliance' | 'editor'

export type TestApp = {
  config: SanitizedConfig
  db: TestDatabase
  payload: Payload
  /** An `Authorization` header value for a seeded demo user, or none for anonymous. */
  auth: (role: Role) => Promise<Record<string, string>>
  stop: () => Promise<void>
}

export const databaseUnderTest = (): string =>
  typeof TEST_DATABASE === 'string' ? TEST_DATABASE : process.env.TEST_DATABASE || 'sqlite'

/**
 * Boots the real app (its payload.config.ts, migrations and seed) on a fresh
 * database of the kind this jest project runs on.
 */
export const startApp = async (): Promise<TestApp> => {
  const db = await createTestDatabase(databaseUnderTest())
  process.env.DATABASE_URI = db.uri
  process.env.PAYLOAD_SECRET = 'wirehouse-test-secret-of-32-characters'
  process.env.SEED_ON_EMPTY = 'true'
  process.env.SEED_DEMO_USERS = 'true'
  // Uploads (the seeded logo) go to a folder of this app's own.
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'wirehouse-media-'))
  process.env.MEDIA_DIR = mediaDir
  const { getPayload } = await import('payload')
  const { default: configPromise } = await import('../../payload.config')
  const config = await configPromise
  const payload = await getPayload({ config })
  const tokens = new Map<Role, string>()

  const auth = async (role: Role): Promise<Record<string, string>> => {
    if (role === 'anonymous') return {}
    if (!tokens.has(role)) {
      const { token } = await payload.login({
        collection: 'users',
        data: { email: `${role}@wirehouse.test`, password: 'wirehouse-demo' },
      })
      tokens.set(role, token!)
    }
    return { Authorization: `JWT ${tokens.get(role)}` }
  }

  const stop = async () => {
    await closeDatabase(payload)
    await db.drop()
    rmSync(mediaDir, { recursive: true, force: true })
  }
  return { auth, config, db, payload, stop }
}
