/** Every environment variable the app reads, with its default. The README's table mirrors this file. */
type Raw = Record<string, string | undefined>

const bool = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : !['0', 'false', 'no', 'off'].includes(value.toLowerCase())

export const DEV_SECRET = 'wirehouse-development-secret-do-not-use-in-production'

/** Tokens are signed with the secret: a short one can be guessed offline from any token. */
export const MIN_SECRET_LENGTH = 32
const SECRET_ADVICE = 'In production Wirehouse needs a long random secret, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32).'
/** A rate limit: at most `points` requests per `seconds`. */
export type Limit = { points: number; seconds: number }

/**
 * The throttled actions and their defaults, each overridable as `RATE_LIMIT_<NAME>=<points>/<seconds>`
 * (e.g. `RATE_LIMIT_LOGIN_EMAIL=10/600`; `0/…` turns one off). `_IP` limits count per client address
 * in the express server, before the body is read; `_EMAIL` per normalized email and `_USER` per
 * signed-in user count in Payload (REST and GraphQL alike).
 */
export const RATE_LIMIT_DEFAULTS = {
  LOGIN_IP: { points: 30, seconds: 600 },
  LOGIN_EMAIL: { points: 10, seconds: 600 },
  FORGOT_PASSWORD_IP: { points: 10, seconds: 3600 },
  FORGOT_PASSWORD_EMAIL: { points: 3, seconds: 3600 },
  FIRST_REGISTER_IP: { points: 5, seconds: 3600 },
  INGEST_IP: { points: 1200, seconds: 60 },
  INGEST_USER: { points: 600, seconds: 60 },
  PREVIEW_IP: { points: 600, seconds: 60 },
  PREVIEW_USER: { points: 300, seconds: 60 },
} satisfies Record<string, Limit>

export type LimitName = keyof typeof RATE_LIMIT_DEFAULTS

const limit = (name: LimitName, value: string | undefined): Limit => {
  if (!value) return RATE_LIMIT_DEFAULTS[name]
  const match = /^(\d+)\/(\d+)$/.exec(value.trim())
  if (!match || Number(match[2]) < 1) {
    throw new ConfigError(`RATE_LIMIT_${name} is "${value}": give <points>/<seconds>, e.g. 10/600 (0/1 turns it off).`)
  }
  return { points: Number(match[1]), seconds: Number(match[2]) }
}

/** A whole number of seconds, 0 or more (the API's cache lifetimes). */
/** `TRUST_PROXY` as express's `trust proxy` setting: false (unset), true, a hop count, or addresses/subnets. */
const trustProxy = (value: string | undefined): boolean | number | string[] => {
  if (!value || ['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false
  if (['true', 'yes', 'on'].includes(value.toLowerCase())) return true
  if (/^\d+$/.test(value)) return Number(value)
  return value.split(',').map((part) => part.trim()).filter(Boolean)
}

/** A whole number of at least `min` from `name`, else `fallback` when unset; anything else is refused. */
const whole = (name: string, value: string | undefined, fallback: number, min = 0): number => {
  if (value === undefined || value.trim() === '') return fallback
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new ConfigError(`${name} is "${value}": give a whole number of at least ${min}.`)
  return Number(value)
}

/** The page cache in front of Next (`src/pageCache`); sizes in bytes, times in seconds. */
export type PageCacheSettings = {
  enabled: boolean
  /** Bytes the in-process LRU holds; Redis keeps its own copy under its own memory policy. */
  maxBytes: number
  /** A page larger than this is served, not stored. */
  maxEntryBytes: number
  /** How long a page that declared tags is kept (tags expire it sooner). */
  ttl: number
  /** How long a page that declared none is kept. */
  untaggedTtl: number
  /** `Cache-Control` of a cached page for shared caches (CDNs): `s-maxage` and `stale-while-revalidate`. */
  sMaxAge: number
  staleWhileRevalidate: number
  /** Prefix of the page cache's Redis keys and channel. */
  prefix: string
  /** How often each instance reads the site generation (ms). */
  pollMs: number
}

const origin = (name: string, value: string) => {
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} has "${value}", which is not an http(s) origin such as https://news.example.`)
}

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
    /** Where uploaded images (the `media` collection) are stored; relative paths are from the working directory. */
    MEDIA_DIR: raw.MEDIA_DIR || './data/media',
    /** Apply pending migrations when the app starts (PostgreSQL and SQLite). */
    MIGRATE_ON_INIT: bool(raw.MIGRATE_ON_INIT, true),
    /** Seed the sample network when the database has no wire sources yet. */
    SEED_ON_EMPTY: bool(raw.SEED_ON_EMPTY, true),
    /** Demo accounts (admin/editor/compliance@wirehouse.test); never in production unless asked for. */
    SEED_DEMO_USERS: bool(raw.SEED_DEMO_USERS, !isProduction),
    PORT: Number(raw.PORT || 3000),
    HOST: raw.HOST || '0.0.0.0',
    SHUTDOWN_TIMEOUT_MS: Number(raw.SHUTDOWN_TIMEOUT_MS || 10000),
    /** Served over HTTPS (SERVER_URL's scheme): session cookies are `Secure`. */
    secureCookies: (raw.SERVER_URL || '').startsWith('https:'),
    /**
     * Origins whose browser requests may use the session cookie (Payload's `csrf`) and read the API
     * with it (`cors`): SERVER_URL's and `ALLOWED_ORIGINS` (comma-separated). Empty when neither is
     * set (development, tests), and then Payload takes a cookie from any origin: set SERVER_URL in production.
     */
    get ALLOWED_ORIGINS(): string[] {
      const listed = (raw.ALLOWED_ORIGINS || '').split(',').map((o) => o.trim()).filter(Boolean)
      const origins = [...(raw.SERVER_URL ? [origin('SERVER_URL', raw.SERVER_URL)] : []), ...listed.map((o) => origin('ALLOWED_ORIGINS', o))]
      return [...new Set(origins)]
    },
    /** Whether (and which) proxies' `X-Forwarded-For`/`-Proto` to believe; unset: the socket's own address and scheme. */
    TRUST_PROXY: trustProxy(raw.TRUST_PROXY),
    /** Rate-limit counters shared by every instance through this Redis; unset: each process counts in memory. */
    REDIS_URL: raw.REDIS_URL || '',
    /**
     * Run the timer that changes the public pages at their set moments (`src/pageCache/scheduler.ts`):
     * notices coming into force or leaving it, embargoes lifting, usage windows ending;
     * on in the servers (`npm start`, `npm run dev`); off unless set under jest (`NODE_ENV=test`),
     * while building, and in Payload's CLI (`payload …`, which sets `DISABLE_PAYLOAD_HMR`).
     */
    NOTICE_SCHEDULER: bool(raw.NOTICE_SCHEDULER, raw.NODE_ENV !== 'test' && !isBuild && raw.DISABLE_PAYLOAD_HMR !== 'true'),
    /**
     * Hosts webhooks may target although they resolve to loopback or private addresses
     * (comma-separated host names or addresses, e.g. `127.0.0.1,hooks.internal`); every other
     * such target is refused (docs/webhooks.md#ssrf).
     */
    WEBHOOK_ALLOW_HOSTS: (raw.WEBHOOK_ALLOW_HOSTS || '')
      .split(',')
      .map((host) => host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1'))
      .filter(Boolean),
    /**
     * Run the webhook delivery worker in this instance (`src/webhooks/queue.ts`): on in the
     * servers; off unless set under jest, while building and in Payload's CLI, as NOTICE_SCHEDULER.
     */
    WEBHOOK_WORKER: bool(raw.WEBHOOK_WORKER, raw.NODE_ENV !== 'test' && !isBuild && raw.DISABLE_PAYLOAD_HMR !== 'true'),
    /** Prefix of the rate limiter's Redis keys (one per deployment sharing a Redis). */
    RATE_LIMIT_PREFIX: raw.RATE_LIMIT_PREFIX || 'wirehouse:rl',
    get PAGE_CACHE(): PageCacheSettings {
      return {
        enabled: bool(raw.PAGE_CACHE, true),
        maxBytes: whole('PAGE_CACHE_MAX_BYTES', raw.PAGE_CACHE_MAX_BYTES, 64 * 1024 * 1024, 1),
        maxEntryBytes: whole('PAGE_CACHE_MAX_ENTRY_BYTES', raw.PAGE_CACHE_MAX_ENTRY_BYTES, 2 * 1024 * 1024, 1),
        ttl: whole('PAGE_CACHE_TTL', raw.PAGE_CACHE_TTL, 3600, 1),
        untaggedTtl: whole('PAGE_CACHE_UNTAGGED_TTL', raw.PAGE_CACHE_UNTAGGED_TTL, 10, 1),
        sMaxAge: whole('PAGE_CACHE_S_MAXAGE', raw.PAGE_CACHE_S_MAXAGE, 10),
        staleWhileRevalidate: whole('PAGE_CACHE_STALE_WHILE_REVALIDATE', raw.PAGE_CACHE_STALE_WHILE_REVALIDATE, 30),
        prefix: raw.PAGE_CACHE_PREFIX || 'wirehouse:pc',
        pollMs: whole('PAGE_CACHE_POLL_MS', raw.PAGE_CACHE_POLL_MS, 500, 50),
      }
    },
    /** How long a shared cache (CDN, proxy) or browser may reuse an anonymous API read (`max-age`). */
    get API_CACHE_MAX_AGE(): number {
      return whole('API_CACHE_MAX_AGE', raw.API_CACHE_MAX_AGE, 30)
    },
    /** How much longer it may serve that read stale while it revalidates it (`stale-while-revalidate`). */
    get API_CACHE_STALE_WHILE_REVALIDATE(): number {
      return whole('API_CACHE_STALE_WHILE_REVALIDATE', raw.API_CACHE_STALE_WHILE_REVALIDATE, 300)
    },
    get RATE_LIMITS(): Record<LimitName, Limit> {
      const names = Object.keys(RATE_LIMIT_DEFAULTS) as LimitName[]
      return Object.fromEntries(names.map((name) => [name, limit(name, raw[`RATE_LIMIT_${name}`])])) as Record<LimitName, Limit>
    },
  }
}

export type Env = ReturnType<typeof readEnv>

/** Read lazily so tests and scripts can set variables before first use. */
export const env: Env = new Proxy({} as Env, {
  get: (_, key) => readEnv(process.env)[key as keyof Env],
})
