import { describe, expect, it } from '@jest/globals'

import { ConfigError, DEV_SECRET, readEnv } from '@/env'

describe('readEnv', () => {
  it('defaults to the embedded SQLite database and seeds an empty one', () => {
    const env = readEnv({})
    expect(env.DATABASE_URI).toBe('file:./data/wirehouse.db')
    expect(env.SEED_ON_EMPTY).toBe(true)
    expect(env.MIGRATE_ON_INIT).toBe(true)
    expect(env.PORT).toBe(3000)
  })

  it('uses a development secret outside production only', () => {
    expect(readEnv({ NODE_ENV: 'development' }).PAYLOAD_SECRET).toBe(DEV_SECRET)
    expect(() => readEnv({ NODE_ENV: 'production' }).PAYLOAD_SECRET).toThrow(ConfigError)
    expect(() => readEnv({ NODE_ENV: 'production' }).PAYLOAD_SECRET).toThrow(/PAYLOAD_SECRET is not set/)
    const long = 'x'.repeat(32)
    expect(readEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: long }).PAYLOAD_SECRET).toBe(long)
  })

  it('refuses a production secret shorter than 32 characters, saying how long it is', () => {
    expect(() => readEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 's3cret' }).PAYLOAD_SECRET).toThrow(
      /PAYLOAD_SECRET is too short \(6 characters, at least 32\)/,
    )
    expect(() => readEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(31) }).PAYLOAD_SECRET).toThrow(ConfigError)
    expect(readEnv({ NODE_ENV: 'development', PAYLOAD_SECRET: 's3cret' }).PAYLOAD_SECRET).toBe('s3cret')
  })

  it('lets `next build` compile without a secret', () => {
    const env = readEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })
    expect(env.PAYLOAD_SECRET).toBe(DEV_SECRET)
  })

  it('never seeds demo accounts in production unless asked', () => {
    expect(readEnv({ NODE_ENV: 'production' }).SEED_DEMO_USERS).toBe(false)
    expect(readEnv({ NODE_ENV: 'production', SEED_DEMO_USERS: 'true' }).SEED_DEMO_USERS).toBe(true)
    expect(readEnv({ SEED_DEMO_USERS: 'off' }).SEED_DEMO_USERS).toBe(false)
  })
})
