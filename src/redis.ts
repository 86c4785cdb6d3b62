import { Redis, type RedisOptions } from 'ioredis'

import { FAIL_FAST } from '../redis-options.mjs'

/** A Redis URL fit for a log line: no user or password. */
export const withoutCredentials = (url: string): string => {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.toString()
  } catch {
    return 'REDIS_URL'
  }
}

type Watch = {
  /** Writes a line to the log. */
  warn: (message: string) => void
  /** Who uses it, for the log: e.g. `Redis (subscriber)`. */
  name?: string
  /** What the caller does while Redis is away, for the log. */
  meanwhile: string
  options?: RedisOptions
}

/** A fail-fast connection that says once when Redis goes away and once when it is back. */
export const connectRedis = (url: string, { warn, name = 'Redis', meanwhile, options }: Watch): Redis => {
  const client = new Redis(url, { ...FAIL_FAST, ...options })
  let down = false
  client.on('error', (error: Error) => {
    if (!down) warn(`${name} at ${withoutCredentials(url)} is unavailable (${error.message}); ${meanwhile} until it is back`)
    down = true
  })
  client.on('ready', () => {
    if (down) warn(`${name} is back`)
    down = false
  })
  return client
}
