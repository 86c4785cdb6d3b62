import type { Payload } from 'payload'

import { env } from '../env'
import { expireOnce } from './redis'
import { pageCacheRuntime } from './runtime'
import { keepMs } from './store'

const warn = (message: string) => process.stderr.write(`${new Date().toISOString()} page cache: ${message}\n`)

/**
 * Expires every cached page carrying any of `tags`, in this process and on every other instance
 * (through Redis when `REDIS_URL` is set). Callable from anywhere: hooks, jobs, the CLI.
 * Call it after the change is committed (see `./afterCommit.ts`), so no page is re-rendered
 * from the data before the change and cached again. `ALL_PAGES_TAG` (`./tags.ts`) expires every page.
 *
 * In a process without the page cache (the CLI, a script) and without Redis there is nothing to
 * expire here: the servers see the site generation change (`./generation.ts`) and drop their pages.
 * It never throws: the change is saved; a failure is logged, and pages expire with their TTL.
 */
export const invalidatePageTags = async (_payload: Payload, tags: string[]): Promise<void> => {
  if (!tags.length) return
  const runtime = pageCacheRuntime()
  try {
    if (runtime) {
      await runtime.store.expire(tags)
      // Without Redis, tell the generation watch this change was expired here already.
      if (!runtime.store.shared) await runtime.watch.acknowledge()
    } else if (env.REDIS_URL && env.PAGE_CACHE.enabled) {
      const settings = env.PAGE_CACHE
      await expireOnce(env.REDIS_URL, settings.prefix, tags, keepMs(settings))
    }
  } catch (error) {
    warn(`could not expire ${tags.join(', ')}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
