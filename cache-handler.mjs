/**
 * Next's cache (the public pages' data, `src/site/data.ts`) in Redis, shared by every instance:
 * `next.config.mjs` points Next here when `REDIS_URL` is set. Keys are under `NEXT_CACHE_PREFIX`
 * (default `wirehouse:next:`) and the build's id, so two deployments, or two builds during a
 * rolling update, never read each other's entries. While building, and when Redis cannot be
 * reached at start, each instance keeps its entries in its own memory instead (and says so).
 * Plain JavaScript: Next loads it as it is, at build and at run time.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import { ioredisAdapter } from '@fortedigital/nextjs-cache-handler/helpers/ioredisAdapter'
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { Redis } from 'ioredis'
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js'

import { FAIL_FAST } from './redis-options.mjs'

const CONFIG = Symbol.for('wirehouse.nextCacheHandler')

const inMemory = (why) => {
  if (why) console.warn(`Next's cache stays in this instance's memory: ${why}`)
  return { handlers: [createLruHandler()] }
}

const connect = async ({ buildId }) => {
  const url = process.env.REDIS_URL
  if (!url) return inMemory('REDIS_URL is not set')
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return inMemory()
  const client = new Redis(url, { ...FAIL_FAST, lazyConnect: true })
  // ioredis reconnects by itself; meanwhile commands fail at once and Next renders without its cache.
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (error) {
    client.disconnect()
    return inMemory(`Redis at REDIS_URL could not be reached (${error instanceof Error ? error.message : error})`)
  }
  const keyPrefix = `${process.env.NEXT_CACHE_PREFIX || 'wirehouse:next:'}${buildId ?? 'dev'}:`
  return { handlers: [createRedisHandler({ client: ioredisAdapter(client), keyPrefix })] }
}

// One connection per process, however many times Next creates the handler.
CacheHandler.onCreation((context) => (globalThis[CONFIG] ??= connect(context)))

export default CacheHandler
