import type { PageCacheSettings } from '../env'

import type { Redis } from 'ioredis'
import { LRUCache } from 'lru-cache'

import { TagClock } from './clock'
import { deserialize, type Entry, serialize } from './entry'
import { connectRedis, withoutCredentials } from '../redis'
import { expireInRedis, parseExpired, redisKeys } from './redis'

const warn = (message: string) => process.stderr.write(`${new Date().toISOString()} page cache: ${message}\n`)

/** How long Redis keeps a tag's expiry after the longest a page can live: clocks of instances may differ a little. */
const KEEP_MARGIN_MS = 60_000

/** How long an expiry matters: as long as the longest-lived page. */
export const keepMs = (settings: PageCacheSettings): number => settings.ttl * 1000 + KEEP_MARGIN_MS

/** Where a render stands when it starts: what it must still match for its page to be stored. */
export type RenderStart = { epoch: number; session: number }

/**
 * The pages: an LRU in this process (bounded in bytes), backed by Redis when configured so every
 * instance serves what one rendered, and the tag clock that says which are still good.
 *
 * With Redis, the clock lives there: expiries are published, and each instance applies them to
 * its own copy as they come. While this instance is not subscribed it cannot know what expired,
 * so it serves and stores nothing (`usable` is false); when it is subscribed again it starts afresh.
 */
export class PageStore {
  readonly clock: TagClock
  private readonly lru: LRUCache<string, Entry>
  private readonly redis?: { commands: Redis; subscriber: Redis; keys: ReturnType<typeof redisKeys> }
  private subscribed = false
  /** Changes whenever the store starts afresh: a render begun before must not store its page. */
  private session = 0
  private readonly readyWaiters: (() => void)[] = []

  constructor(
    private readonly settings: PageCacheSettings,
    redisUrl?: string,
  ) {
    this.clock = new TagClock(keepMs(settings))
    this.lru = new LRUCache<string, Entry>({
      maxSize: settings.maxBytes,
      sizeCalculation: (entry) => entry.size,
      ttl: settings.ttl * 1000,
    })
    if (redisUrl) {
      const keys = redisKeys(settings.prefix)
      this.redis = { commands: this.connect(redisUrl, 'commands'), subscriber: this.connect(redisUrl, 'subscriber'), keys }
      this.listen(redisUrl)
    }
  }

  get shared(): boolean {
    return this.redis !== undefined
  }

  /** Whether pages may be served and stored now. */
  get usable(): boolean {
    return !this.redis || this.subscribed
  }

  /** Resolves once usable, or after `timeoutMs` (then pages render until Redis answers). */
  ready(timeoutMs: number): Promise<void> {
    if (this.usable) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      this.readyWaiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  start(): RenderStart {
    return { epoch: this.clock.epoch, session: this.session }
  }

  /** A good page under `key`: from this process, else from Redis (its tags checked there). */
  async get(key: string): Promise<Entry | undefined> {
    if (!this.usable) return undefined
    const local = this.lru.get(key)
    if (local && this.clock.valid(local)) return local
    if (local) this.lru.delete(key)
    if (!this.redis) return undefined
    const { commands, keys } = this.redis
    const session = this.session
    try {
      const buffer = await commands.getBuffer(keys.page(key))
      const entry = buffer ? deserialize(buffer) : undefined
      if (!entry) return undefined
      // This instance may have started after a tag of the page expired: ask Redis.
      const dependencies = TagClock.dependencies(entry.tags)
      const epochs = await commands.mget(dependencies.map(keys.tag))
      if (session !== this.session) return undefined
      dependencies.forEach((tag, i) => epochs[i] !== null && this.clock.apply(Number(epochs[i]), [tag]))
      if (!this.clock.valid(entry)) return undefined
      this.remember(key, entry)
      return entry
    } catch {
      return undefined
    }
  }

  /** Keeps a page rendered from `start`, unless something it shows expired since; whether it did. */
  set(key: string, entry: Entry, start: RenderStart): boolean {
    if (!this.usable || start.session !== this.session || !this.clock.valid(entry) || !this.remember(key, entry)) return false
    // A page without tags could only expire with the generation, which Redis does not see.
    if (this.redis && entry.tags.length) {
      this.redis.commands.set(this.redis.keys.page(key), serialize(entry), 'PX', Math.max(1, entry.expiresAt - Date.now())).catch(() => undefined)
    }
    return true
  }

  /** Expires `tags` here and, with Redis, on every instance. */
  async expire(tags: string[]): Promise<void> {
    if (!tags.length) return
    if (!this.redis) {
      this.clock.expire(tags)
      return
    }
    try {
      this.clock.apply(await expireInRedis(this.redis.commands, this.settings.prefix, tags, keepMs(this.settings)), tags)
    } catch (error) {
      // The other instances may keep serving these pages until they expire; this one at least does not.
      warn(`could not expire ${tags.length} tag(s) in Redis (${error instanceof Error ? error.message : String(error)}); emptied this instance's cache`)
      this.restart(this.clock.epoch)
    }
  }

  /** Forgets every page in this process (Redis keeps its copies, which are checked on the way in). */
  restart(epoch: number): void {
    this.session++
    this.lru.clear()
    this.clock.reset(epoch)
  }

  async close(): Promise<void> {
    if (!this.redis) return
    this.subscribed = false
    await Promise.all([this.redis.commands.quit().catch(() => undefined), this.redis.subscriber.quit().catch(() => undefined)])
  }

  /** Into this process's LRU, for the rest of its life; false if it has none left or is larger than the whole cache. */
  private remember(key: string, entry: Entry): boolean {
    const ttl = entry.expiresAt - Date.now()
    if (ttl <= 0) return false
    this.lru.set(key, entry, { ttl })
    return this.lru.has(key)
  }

  private connect(url: string, role: string): Redis {
    // Subscriptions are renewed by `listen`, which starts afresh on each: not behind its back.
    return connectRedis(url, { warn, name: `Redis (${role})`, meanwhile: 'pages render', options: { autoResubscribe: false } })
  }

  /** Subscribes whenever the subscriber connects; drops everything in between (messages may have been missed). */
  private listen(url: string): void {
    const { subscriber, commands, keys } = this.redis!
    const lost = () => {
      if (this.subscribed) this.restart(this.clock.epoch)
      this.subscribed = false
    }
    subscriber.on('close', lost)
    subscriber.on('message', (channel: string, message: string) => {
      const expired = channel === keys.channel ? parseExpired(message) : undefined
      if (expired) this.clock.apply(expired.epoch, expired.tags)
    })
    subscriber.on('ready', () => void subscribe())
    const subscribe = async () => {
      try {
        await subscriber.subscribe(keys.channel)
        // The commands connection may still be on its way.
        let epoch: null | string = null
        for (let tries = 0; subscriber.status === 'ready'; tries++) {
          try {
            epoch = await commands.get(keys.epoch)
            break
          } catch (error) {
            if (tries === 20) warn(`Redis at ${withoutCredentials(url)} answers no commands yet (${error instanceof Error ? error.message : String(error)})`)
            await new Promise((resolve) => setTimeout(resolve, 250))
          }
        }
        if (subscriber.status !== 'ready') return
        this.restart(Number(epoch ?? 0))
        this.subscribed = true
        for (const resolve of this.readyWaiters.splice(0)) resolve()
      } catch (error) {
        warn(`could not subscribe to ${keys.channel}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
}
