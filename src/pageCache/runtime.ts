import type { Payload } from 'payload'

import type { PageCacheSettings } from '../env'

import { UNTAGGED } from './clock'
import { GenerationWatch } from './generation'
import { lookAgainSoon } from './scheduler'
import { PageStore } from './store'

/** The page cache of this process: its store and the watch on the site generation. */
export type PageCacheRuntime = { store: PageStore; watch: GenerationWatch; settings: PageCacheSettings }

// Express and Next's bundles load this module separately; expiries from Next's hooks reach the express server's cache here.
const RUNTIME = Symbol.for('wirehouse.pageCache.runtime')
const slot = () => globalThis as typeof globalThis & { [RUNTIME]?: PageCacheRuntime }

/** This process's page cache, if it runs one (the server does; the CLI and scripts do not). */
export const pageCacheRuntime = (): PageCacheRuntime | undefined => slot()[RUNTIME]

/**
 * Starts the page cache: connects to Redis when `redisUrl` is set (waiting up to `timeoutMs`; pages
 * render until it answers) and watches the site generation.
 */
export const startPageCache = async (payload: Payload, settings: PageCacheSettings, redisUrl: string, timeoutMs = 3000): Promise<PageCacheRuntime> => {
  const store = new PageStore(settings, redisUrl || undefined)
  await store.ready(timeoutMs)
  const watch = new GenerationWatch(payload, async (ours) => {
    // Pages that declared no tags follow the generation. Without Redis, a change this process did
    // not expire itself came from elsewhere (another instance, the CLI): nothing says what it touched.
    if (store.shared || ours) await store.expire([UNTAGGED])
    else store.restart(store.clock.epoch)
    // A change saved anywhere (another instance, the ingest CLI) may move the next scheduled moment.
    lookAgainSoon()
  })
  await watch.start(settings.pollMs)
  const runtime = { store, watch, settings }
  slot()[RUNTIME] = runtime
  return runtime
}

export const stopPageCache = async (): Promise<void> => {
  const runtime = slot()[RUNTIME]
  delete slot()[RUNTIME]
  await runtime?.watch.stop()
  await runtime?.store.close()
}
