/**
 * How every Redis connection of the app behaves (rate limits, the page cache, Next's cache):
 * commands never queue while Redis is down, they fail at once, and the caller falls back
 * (counting in memory, rendering every page, Next without its cache) until it is back, instead
 * of waiting on a dead Redis. Plain JavaScript: `cache-handler.mjs` is loaded by Next as it is.
 * @type {import('ioredis').RedisOptions}
 */
export const FAIL_FAST = { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 }
