import { createHash } from 'node:crypto'

import type { Redis } from 'ioredis'
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'

import { problem } from '../api/problem'
import { env, type Limit, type LimitName } from '../env'
import { connectRedis as connectShared } from '../redis'

/** Counts requests under a key; `consume` answers how many seconds to wait, or null when the request may go ahead. Never throws. */
export type Limiter = { consume: (key: string) => Promise<number | null> }

const warn = (message: string) => process.stderr.write(`${new Date().toISOString()} rate limits: ${message}\n`)

/** One Redis connection per process; while it is down each limiter counts in memory (its insurance limiter). */
export const connectRedis = (url: string) => connectShared(url, { warn, meanwhile: "counting in this process's memory" })

/** A limiter of `limit`, in Redis (shared by every instance using `prefix`) or in this process's memory. */
export const createLimiter = (name: string, { points, seconds }: Limit, store: { redis?: Redis; prefix: string }): Limiter => {
  if (points <= 0) return { consume: async () => null }
  const keyPrefix = `${store.prefix}:${name}`
  const memory = new RateLimiterMemory({ points, duration: seconds, keyPrefix })
  const limiter: RateLimiterAbstract = store.redis
    ? new RateLimiterRedis({ storeClient: store.redis, points, duration: seconds, keyPrefix, insuranceLimiter: memory, rejectIfRedisNotReady: true })
    : memory
  return {
    consume: async (key) => {
      try {
        await limiter.consume(key)
        return null
      } catch (result) {
        if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000))
        // Both stores failed: let the request through rather than answer 500 (fail open, logged).
        warn(`${name} not checked: ${result instanceof Error ? result.message : String(result)}`)
        return null
      }
    },
  }
}

/** Keys that name a person (emails) are hashed: Redis needs no address book. */
export const accountKey = (value: string) => createHash('sha256').update(value.trim().toLowerCase()).digest('base64url')

type Store = { redis?: Redis; limiters: Map<LimitName, Limiter> }

// Express and Next's bundle load this module separately: one store per process, on globalThis.
const STORE = Symbol.for('wirehouse.rateLimits')
const store = (): Store => {
  const global = globalThis as { [STORE]?: Store }
  global[STORE] ??= { redis: env.REDIS_URL ? connectRedis(env.REDIS_URL) : undefined, limiters: new Map() }
  return global[STORE]
}

/** The configured limiter of that name (`RATE_LIMIT_<name>` in `src/env.ts`). */
export const limiter = (name: LimitName): Limiter => {
  const { redis, limiters } = store()
  let found = limiters.get(name)
  if (!found) {
    found = createLimiter(name, env.RATE_LIMITS[name], { redis, prefix: env.RATE_LIMIT_PREFIX })
    limiters.set(name, found)
  }
  return found
}

/**
 * Connects to Redis before the server listens, so the first requests already count there; gives
 * up waiting after `timeoutMs` (the limiters count in memory until Redis answers).
 */
export const startRateLimits = async (timeoutMs = 3000) => {
  const { redis } = store()
  if (!redis || redis.status === 'ready') return
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    redis.once('ready', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** Closes the shared Redis connection (graceful shutdown). */
export const closeRateLimits = async () => {
  const global = globalThis as { [STORE]?: Store }
  const redis = global[STORE]?.redis
  delete global[STORE]
  await redis?.quit().catch(() => undefined)
}

/** The 429 answer's text, and its Retry-After. */
export const waitMessage = (what: string, seconds: number) => `Too many ${what}: wait ${seconds} s and try again.`

export const tooManyRequests = (what: string, seconds: number) =>
  problem(429, waitMessage(what, seconds), { 'Retry-After': String(seconds) })
