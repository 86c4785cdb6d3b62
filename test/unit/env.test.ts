import { describe, expect, it } from '@jest/globals'

import { ConfigError, DEV_SECRET, RATE_LIMIT_DEFAULTS, readEnv } from '@/env'

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

  it('reads rate limits as <points>/<seconds>, with defaults, and refuses anything else', () => {
    expect(readEnv({}).RATE_LIMITS.LOGIN_EMAIL).toEqual(RATE_LIMIT_DEFAULTS.LOGIN_EMAIL)
    expect(readEnv({ RATE_LIMIT_LOGIN_EMAIL: '5/60' }).RATE_LIMITS.LOGIN_EMAIL).toEqual({ points: 5, seconds: 60 })
    expect(() => readEnv({ RATE_LIMIT_LOGIN_IP: 'ten' }).RATE_LIMITS).toThrow(/RATE_LIMIT_LOGIN_IP is "ten"/)
  })

  it('trusts no proxy unless told, and lists SERVER_URL and ALLOWED_ORIGINS as origins', () => {
    expect(readEnv({}).TRUST_PROXY).toBe(false)
    expect(readEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
    expect(readEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8'])
    expect(readEnv({}).ALLOWED_ORIGINS).toEqual([])
    expect(readEnv({ SERVER_URL: 'https://cms.example/', ALLOWED_ORIGINS: 'https://a.example, https://cms.example' }).ALLOWED_ORIGINS).toEqual([
      'https://cms.example',
      'https://a.example',
    ])
    expect(() => readEnv({ ALLOWED_ORIGINS: 'a.example' }).ALLOWED_ORIGINS).toThrow(/not an http\(s\) origin/)
    expect(readEnv({ SERVER_URL: 'https://cms.example' }).secureCookies).toBe(true)
    expect(readEnv({ SERVER_URL: 'http://localhost:3000' }).secureCookies).toBe(false)
  })

  it('allows no private webhook host unless listed, and runs the webhook worker outside jest, builds and the CLI', () => {
    expect(readEnv({}).WEBHOOK_ALLOW_HOSTS).toEqual([])
    expect(readEnv({ WEBHOOK_ALLOW_HOSTS: ' 127.0.0.1, Hooks.Internal ,[::1]' }).WEBHOOK_ALLOW_HOSTS).toEqual(['127.0.0.1', 'hooks.internal', '::1'])
    expect(readEnv({ NODE_ENV: 'production' }).WEBHOOK_WORKER).toBe(true)
    expect(readEnv({ NODE_ENV: 'test' }).WEBHOOK_WORKER).toBe(false)
    expect(readEnv({ NODE_ENV: 'test', WEBHOOK_WORKER: 'on' }).WEBHOOK_WORKER).toBe(true)
    expect(readEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }).WEBHOOK_WORKER).toBe(false)
    expect(readEnv({ DISABLE_PAYLOAD_HMR: 'true' }).WEBHOOK_WORKER).toBe(false)
    expect(readEnv({ WEBHOOK_WORKER: 'off' }).WEBHOOK_WORKER).toBe(false)
  })
})
