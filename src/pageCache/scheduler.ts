import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest, Where } from 'payload'
import type { Redis } from 'ioredis'

import { windowEnd } from '@wirehouse/payload-plugin-attribution'

import { env } from '../env'
import { connectRedis } from '../redis'
import { noticeMoment } from '../webhooks/emit'
import { bumpGeneration } from '../site/generation'
import { afterCommit } from './afterCommit'
import { invalidatePageTags } from './invalidate'
import { redisKeys } from './redis'
import { articleChangeTags, noticeChangeTags } from './vocabulary'

/**
 * The longest wait between two looks: a moment scheduled through another instance (or one that
 * has stopped) is seen within it. A change through this one looks again at once.
 */
export const RESCAN_MS = 60_000

/** A change is followed by a look this much later: a burst of changes (an ingest) makes one look. */
const SETTLE_MS = 100

/** How long the instance that took a moment holds it: the others skip that moment. */
const LOCK_MS = 30_000

type Doc = { id: number | string } & Record<string, unknown>

/** Pages to expire at a moment (ms since the epoch), and what else to do then (the webhooks' events). */
type Due = { moment: number; tags: string[]; then?: (payload: Payload) => Promise<void> }

/**
 * What changes pages at a set time. `look` says what came due in (since, now] and the next
 * moment after now (Infinity for none).
 */
type Plan = { name: string; look: (payload: Payload, since: number, now: number) => Promise<{ due: Due[]; next: number }> }

type Scheduler = {
  payload: Payload
  /** Every time up to here has been handled. */
  since: number
  timer?: NodeJS.Timeout
  /** When the timer fires. */
  at?: number
  running?: Promise<void>
  again: boolean
  stopped: boolean
  redis?: Redis
}

const KEY = Symbol.for('wirehouse.pageCache.noticeScheduler')
const store = globalThis as typeof globalThis & { [KEY]?: Scheduler }

const iso = (ms: number) => new Date(ms).toISOString()
const ms = (value: unknown): number => (typeof value === 'string' && value ? new Date(value).getTime() : Number.NaN)
const earliest = (times: number[]) => Math.min(Infinity, ...times.filter((t) => Number.isFinite(t)))

// ---------------------------------------------------------------------------------------------
// Notices: coming into force (`effectiveFrom`) and leaving it (`effectiveUntil`).

type Timed = Doc & { effectiveFrom?: null | string; effectiveUntil?: null | string }

const timesOf = (notice: Timed) => [notice.effectiveFrom, notice.effectiveUntil].map(ms).filter((t) => Number.isFinite(t))

const notices: Plan = {
  name: 'notices',
  look: async (payload, since, now) => {
    const after = { greater_than: iso(since) }
    const { docs } = await payload.find({
      collection: 'legal-notices',
      where: { and: [{ _status: { equals: 'published' } }, { or: [{ effectiveFrom: after }, { effectiveUntil: after }] }] },
      select: { appliesTo: true, effectiveFrom: true, effectiveUntil: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const timed = docs as unknown as Timed[]
    const due = timed.flatMap((n) =>
      timesOf(n)
        .filter((t) => t > since && t <= now)
        .map((moment) => ({
          moment,
          tags: noticeChangeTags(n, n),
          then: (p: Payload) => noticeMoment(p, n, moment === ms(n.effectiveUntil) ? 'outOfForce' : 'inForce', moment),
        })),
    )
    return { due, next: earliest(timed.flatMap(timesOf).filter((t) => t > now)) }
  },
}

// ---------------------------------------------------------------------------------------------
// Rights: embargoes lifting, usage windows ending (the plugin's rule, `availabilityAt`).

/**
 * When readers' queries see a moment: they compare with the time to the second (the plugin's
 * access, so a query's text holds for a second), so a story whose embargo lifts at 12:00:03.400
 * is public from 12:00:04.000. The pages are expired then, not before.
 */
const seen = (moment: number) => Math.ceil(moment / 1000) * 1000

const LISTED = { id: true, section: true, embargoUntil: true, dateline: true, publishedAt: true } as const

type Story = Doc & { section?: unknown; embargoUntil?: null | string; dateline?: null | { date?: null | string }; publishedAt?: null | string }

const published: Where = { _status: { equals: 'published' } }

const stories = async (payload: Payload, where: Where[], sort?: string): Promise<Story[]> =>
  (
    await payload.find({
      collection: 'articles',
      where: { and: [published, ...where] },
      select: LISTED,
      ...(sort ? { sort, limit: 1, pagination: false } : { pagination: false }),
      depth: 0,
      overrideAccess: true,
    })
  ).docs as unknown as Story[]

/** Stories whose `field` lies in (from, to], and the first after `to`, among those matching `where`. */
const around = async (payload: Payload, field: string, where: Where[], from: number, to: number) => {
  const [within, [after]] = await Promise.all([
    stories(payload, [...where, { [field]: { greater_than: iso(from) } }, { [field]: { less_than_equal: iso(to) } }]),
    stories(payload, [...where, { [field]: { greater_than: iso(to) } }], field),
  ])
  return [...within, ...(after ? [after] : [])]
}

/** A story joins or leaves the lists: its page, its teasers, its section's lists. */
const storyTags = (story: Story) => articleChangeTags(null, story)

const rights: Plan = {
  name: 'rights',
  look: async (payload, since, now) => {
    // Raw moments whose second is due may lie up to a second before `since`.
    const from = since - 1000
    const candidates: { moment: number; story: Story }[] = []
    for (const story of await around(payload, 'embargoUntil', [], from, now)) candidates.push({ moment: seen(ms(story.embargoUntil)), story })
    const { docs: sources } = await payload.find({
      collection: 'wire-sources',
      where: { 'usage.maxAgeDays': { greater_than: 0 } },
      select: { usage: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const source of sources as unknown as (Doc & { usage?: { maxAgeDays?: null | number } })[]) {
      const shift = (source.usage?.maxAgeDays ?? 0) * 24 * 60 * 60 * 1000
      if (!shift) continue
      // The story's date (`storyDate`): its dateline's date, else when it was published.
      const own = [{ source: { equals: source.id } }]
      const found = await Promise.all([
        around(payload, 'dateline.date', own, from - shift, now - shift),
        around(payload, 'publishedAt', [...own, { 'dateline.date': { exists: false } }], from - shift, now - shift),
      ])
      for (const story of found.flat()) {
        const end = windowEnd(story as never, source as never)
        if (end) candidates.push({ moment: seen(end.getTime()), story })
      }
    }
    return {
      due: candidates.filter(({ moment }) => moment > since && moment <= now).map(({ moment, story }) => ({ moment, tags: storyTags(story) })),
      next: earliest(candidates.map(({ moment }) => moment).filter((t) => t > now)),
    }
  },
}

const PLANS: Plan[] = [notices, rights]

// ---------------------------------------------------------------------------------------------
// The timer.

/**
 * With Redis, the first instance to take a moment expires its pages, for every instance (the
 * expiry goes through Redis, the generation through the database); the others skip it. Without
 * Redis each instance expires its own cache (a second expiry is harmless). If Redis does not
 * answer, this instance does the work itself rather than leave it undone.
 */
const claim = async (scheduler: Scheduler, plan: string, moment: number): Promise<boolean> => {
  if (!scheduler.redis) return true
  try {
    const key = redisKeys(env.PAGE_CACHE.prefix).scheduled(`${plan}:${moment}`)
    return (await scheduler.redis.set(key, String(process.pid), 'PX', LOCK_MS, 'NX')) === 'OK'
  } catch {
    return true
  }
}

/**
 * Expires the pages whose time came since the last look (a new generation of the pages' data,
 * then their tags, as a change of each would), and waits for the next time.
 */
const tick = async (scheduler: Scheduler): Promise<void> => {
  const now = Date.now()
  const looks = await Promise.all(PLANS.map(async (plan) => ({ plan, ...(await plan.look(scheduler.payload, scheduler.since, now)) })))
  const tags = new Set<string>()
  const thens: NonNullable<Due['then']>[] = []
  for (const { plan, due } of looks) {
    const moments = new Map<number, Due[]>()
    for (const one of due) moments.set(one.moment, [...(moments.get(one.moment) ?? []), one])
    for (const [moment, its] of moments) {
      if (!(await claim(scheduler, plan.name, moment))) continue
      for (const one of its) {
        for (const tag of one.tags) tags.add(tag)
        if (one.then) thens.push(one.then)
      }
    }
  }
  if (tags.size) {
    await bumpGeneration(scheduler.payload)
    await invalidatePageTags(scheduler.payload, [...tags])
  }
  for (const then of thens) {
    await then(scheduler.payload).catch((error: unknown) => scheduler.payload.logger.error({ err: error, msg: 'scheduled pages: a webhook event failed to queue' }))
  }
  scheduler.since = now
  arm(scheduler, Math.min(earliest(looks.map((l) => l.next)) - Date.now(), RESCAN_MS))
}

/** Sleeps `ms`, without keeping a process (a CLI, a test) alive for it. */
const arm = (scheduler: Scheduler, wait: number) => {
  clearTimeout(scheduler.timer)
  if (scheduler.stopped) return
  scheduler.at = Date.now() + Math.max(0, wait)
  scheduler.timer = setTimeout(() => look(scheduler), Math.max(0, wait))
  scheduler.timer.unref()
}

/** One look at a time; a reschedule during a look looks again after it. */
const look = (scheduler: Scheduler): void => {
  if (scheduler.stopped) return
  if (scheduler.running) {
    scheduler.again = true
    return
  }
  clearTimeout(scheduler.timer)
  scheduler.at = undefined
  scheduler.running = tick(scheduler)
    .catch((error: unknown) => {
      scheduler.payload.logger.error({ err: error, msg: 'scheduled pages: could not look at the notices and stories; trying again' })
      arm(scheduler, RESCAN_MS)
    })
    .finally(() => {
      scheduler.running = undefined
      if (scheduler.again) {
        scheduler.again = false
        look(scheduler)
      }
    })
}

/**
 * Changes the pages at the moments set in the content, with no request from anyone: a notice
 * coming into force or leaving it (`effectiveFrom`/`effectiveUntil`), an embargo lifting
 * (`embargoUntil`), a source's usage window ending for a story (`usage.maxAgeDays` after its
 * date). A timer to the next such moment; at least a look a minute. Every instance runs one; with
 * `REDIS_URL` one of them does each moment's work (a lock in Redis). One per process: starting
 * again (a reload in development) replaces it.
 */
export const startScheduler = (payload: Payload): void => {
  stopScheduler()
  const scheduler: Scheduler = { payload, since: Date.now(), again: false, stopped: false }
  if (env.REDIS_URL && env.PAGE_CACHE.enabled) {
    const warn = (message: string) => payload.logger.warn(`scheduled pages: ${message}`)
    scheduler.redis = connectRedis(env.REDIS_URL, { warn, name: 'Redis (scheduled pages)', meanwhile: 'each instance expires scheduled pages itself' })
  }
  store[KEY] = scheduler
  look(scheduler)
}

export const stopScheduler = (): void => {
  const scheduler = store[KEY]
  if (!scheduler) return
  scheduler.stopped = true
  clearTimeout(scheduler.timer)
  scheduler.redis?.disconnect()
  delete store[KEY]
}

/** Settles once the scheduler's current look (if any) is done: for tests. */
export const schedulerIdle = async (): Promise<void> => {
  while (store[KEY]?.running) await store[KEY]?.running
}

/** The names the notices' scheduler had. */
export const startNoticeScheduler = startScheduler
export const stopNoticeScheduler = stopScheduler
export const noticeSchedulerIdle = schedulerIdle

/** This instance looks again, shortly: a change may have moved the next moment. */
export const lookAgainSoon = (): void => {
  const scheduler = store[KEY]
  if (!scheduler || scheduler.stopped || scheduler.running) {
    if (scheduler?.running) scheduler.again = true
    return
  }
  // A burst of changes makes one look, which none of them puts off.
  if (scheduler.at === undefined || scheduler.at > Date.now() + SETTLE_MS) arm(scheduler, SETTLE_MS)
}

/** After `req`'s transaction commits, this instance looks again (`lookAgainSoon`). */
export const rescheduleAfterCommit = (req: PayloadRequest) => afterCommit(req, lookAgainSoon)

/** Hooks on the notices: a change may move the next time, so this instance looks again once it is committed. */
export const rescheduleNotices = (): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } => ({
  afterChange: async ({ doc, req }) => (await rescheduleAfterCommit(req), doc),
  afterDelete: async ({ doc, req }) => (await rescheduleAfterCommit(req), doc),
})
