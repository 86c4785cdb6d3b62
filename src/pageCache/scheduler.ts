import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'

import { bumpGeneration } from '../site/generation'
import { afterCommit } from './afterCommit'
import { invalidatePageTags } from './invalidate'
import { noticeChangeTags } from './vocabulary'

const NOTICES = 'legal-notices'

/**
 * The longest wait between two looks at the notices: a notice scheduled through another instance
 * (or one that has stopped) is seen within it. A change through this one looks again at once.
 */
export const RESCAN_MS = 60_000

type Timed = { id: number | string; effectiveFrom?: null | string; effectiveUntil?: null | string } & Record<string, unknown>

type Scheduler = {
  payload: Payload
  /** Every time up to here has been handled. */
  since: number
  timer?: NodeJS.Timeout
  running?: Promise<void>
  again: boolean
  stopped: boolean
}

const KEY = Symbol.for('wirehouse.pageCache.noticeScheduler')
const store = globalThis as typeof globalThis & { [KEY]?: Scheduler }

const timesOf = (notice: Timed) =>
  [notice.effectiveFrom, notice.effectiveUntil].filter((t): t is string => Boolean(t)).map((t) => new Date(t).getTime())

/** The published notices with a time after `since` (coming into force or leaving it). */
const timedNotices = async (payload: Payload, since: number): Promise<Timed[]> => {
  const after = { greater_than: new Date(since).toISOString() }
  const { docs } = await payload.find({
    collection: NOTICES,
    where: { and: [{ _status: { equals: 'published' } }, { or: [{ effectiveFrom: after }, { effectiveUntil: after }] }] },
    select: { appliesTo: true, effectiveFrom: true, effectiveUntil: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs as unknown as Timed[]
}

/**
 * Expires the pages of the notices whose time came since the last look (a new generation of the
 * pages' data, then the notices' tags, as a change of each would), and waits for the next time.
 */
const tick = async (scheduler: Scheduler): Promise<void> => {
  const now = Date.now()
  const notices = await timedNotices(scheduler.payload, scheduler.since)
  const due = notices.filter((n) => timesOf(n).some((t) => t > scheduler.since && t <= now))
  if (due.length) {
    await bumpGeneration(scheduler.payload)
    await invalidatePageTags(scheduler.payload, [...new Set(due.flatMap((n) => noticeChangeTags(n, n)))])
  }
  scheduler.since = now
  const next = Math.min(...notices.flatMap(timesOf).filter((t) => t > now))
  arm(scheduler, Math.min(next - now, RESCAN_MS))
}

/** Sleeps `ms`, without keeping a process (a CLI, a test) alive for it. */
const arm = (scheduler: Scheduler, ms: number) => {
  clearTimeout(scheduler.timer)
  if (scheduler.stopped) return
  scheduler.timer = setTimeout(() => look(scheduler), Math.max(0, ms))
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
  scheduler.running = tick(scheduler)
    .catch((error: unknown) => {
      scheduler.payload.logger.error({ err: error, msg: 'scheduled notices: could not look at the notices; trying again' })
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
 * Brings scheduled notices into force on the pages, and takes expiring ones off, at their time
 * with no request from anyone: a timer to the next `effectiveFrom`/`effectiveUntil` among the
 * published notices. Every instance runs one; each expires the same tags at the same moment,
 * which is harmless. One per process: starting again (a reload in development) replaces it.
 */
export const startNoticeScheduler = (payload: Payload): void => {
  stopNoticeScheduler()
  const scheduler: Scheduler = { payload, since: Date.now(), again: false, stopped: false }
  store[KEY] = scheduler
  look(scheduler)
}

export const stopNoticeScheduler = (): void => {
  const scheduler = store[KEY]
  if (!scheduler) return
  scheduler.stopped = true
  clearTimeout(scheduler.timer)
  delete store[KEY]
}

/** Settles once the scheduler's current look (if any) is done: for tests. */
export const noticeSchedulerIdle = async (): Promise<void> => {
  while (store[KEY]?.running) await store[KEY]?.running
}

/** Hooks on the notices: a change may move the next time, so this instance looks again once it is committed. */
export const rescheduleNotices = (): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } => {
  const again = () => {
    const scheduler = store[KEY]
    if (scheduler) look(scheduler)
  }
  return {
    afterChange: async ({ doc, req }) => (await afterCommit(req, again), doc),
    afterDelete: async ({ doc, req }) => (await afterCommit(req, again), doc),
  }
}
