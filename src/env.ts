/** Every environment variable the app reads, with its default. The README's table mirrors this file. */
type Raw = Record<string, string | undefined>

const bool = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : !['0', 'false', 'no', 'off'].includes(value.toLowerCase())

export const DEV_SECRET = 'wirehouse-development-secret-do-not-use-in-production'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export const readEnv = (raw: Raw) => {
  const isProduction = raw.NODE_ENV === 'production'
  const isBuild = raw.NEXT_PHASE === 'phase-production-build'
  return {
    isProduction,
    DATABASE_URI: raw.DATABASE_URI || 'file:./data/wirehouse.db',
    /** Secret for tokens and API keys; a fixed development value outside production. */
    get PAYLOAD_SECRET(): string {
      if (raw.PAYLOAD_SECRET) return raw.PAYLOAD_SECRET
      if (isProduction && !isBuild) {
        throw new ConfigError(
          'PAYLOAD_SECRET is not set. In production Wirehouse needs a long random secret, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32).',
        )
      }
      return DEV_SECRET
    },
    SERVER_URL: raw.SERVER_URL || '',
    /** Apply pending migrations when the app starts (PostgreSQL and SQLite). */
    MIGRATE_ON_INIT: bool(raw.MIGRATE_ON_INIT, true),
    /** Seed the sample network when the database has no wire sources yet. */
    SEED_ON_EMPTY: bool(raw.SEED_ON_EMPTY, true),
    /** Demo accounts (admin/editor/compliance@wirehouse.test); never in production unless asked for. */
    SEED_DEMO_USERS: bool(raw.SEED_DEMO_USERS, !isProduction),
    PORT: Number(raw.PORT || 3000),
    HOST: raw.HOST || '0.0.0.0',
    SHUTDOWN_TIMEOUT_MS: Number(raw.SHUTDOWN_TIMEOUT_MS || 10000),
  }
}

export type Env = ReturnType<typeof readEnv>

/** Read lazily so tests and scripts can set variables before first use. */
export const env: Env = new Proxy({} as Env, {
  get: (_, key) => readEnv(process.env)[key as keyof Env],
})
