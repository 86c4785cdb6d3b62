/** Every environment variable the app reads, with its default. The README's table mirrors this file. */
type Raw = Record<string, string | undefined>

const bool = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : !['0', 'false', 'no', 'off'].includes(value.toLowerCase())

export const DEV_SECRET = 'wirehouse-development-secret-do-not-use-in-production'

/** Tokens are signed with the secret: a short one can be guessed offline from any token. */
export const MIN_SECRET_LENGTH = 32
const SECRET_ADVICE = 'In production Wirehouse needs a long random secret, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32).'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export const readEnv = (raw: Raw) => {
  const isProduction = raw.NODE_ENV === 'production'
  const isBuild = raw.NEXT_PHASE === 'phase-production-build'
  return {
    isProduction,
    DATABASE_URI: raw.DATABASE_URI || 'file:./data/wirehouse.db',
    /** Secret for tokens and API keys: in production at least 32 characters; a fixed development value outside it. */
    get PAYLOAD_SECRET(): string {
      const secret = raw.PAYLOAD_SECRET
      if (isProduction && !isBuild) {
        if (!secret) throw new ConfigError(`PAYLOAD_SECRET is not set. ${SECRET_ADVICE}`)
        if (secret.length < MIN_SECRET_LENGTH) {
          throw new ConfigError(`PAYLOAD_SECRET is too short (${secret.length} characters, at least ${MIN_SECRET_LENGTH}). ${SECRET_ADVICE}`)
        }
      }
      return secret || DEV_SECRET
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
