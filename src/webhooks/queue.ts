import type { Redis } from 'ioredis'
import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { createHash, randomUUID } from 'node:crypto'

import type { Emission } from './emit'

import { databaseKind } from '../database'
import { env } from '../env'
import { connectRedis } from '../redis'
import { affectedArticleIds } from './affected'
import { type Id, type WebhookEvent, type WebhookPayload, attributionBatches } from './events'
import { nextAttemptAt } from './schedule'
import { post } from './send'
import { signature } from './sign'

/** The Payload jobs queue the webhooks' tasks run on. */
export const WEBHOOK_QUEUE = 'webhooks'

const eventOf = (emission: Emission): WebhookEvent => (emission.kind === 'article' ? emission.event : 'attribution.changed')

type Webhook = { id: Id; url: string; events?: null | string[]; active?: boolean | null; secret?: null | string }
type Delivery = {
  id: Id
  webhook: Id | Webhook
  event: WebhookEvent
  deliveryId: string
  payload: WebhookPayload
  status: 'delivered' | 'failed' | 'pending'
  attempts?: null | number
  firstAttemptAt?: null | string
}

/** Runs `work` in a transaction of its own: the delivery's row and its next job are written together or not at all. */
const inTransaction = async <T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> => {
  const req = await createLocalReq({}, payload)
  const started = await initTransaction(req)
  try {
    const result = await work(req)
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}

const queueAttempt = (payload: Payload, req: PayloadRequest, delivery: Id, attempt: number, waitUntil?: Date) =>
  payload.jobs.queue({ task: 'deliverWebhook', queue: WEBHOOK_QUEUE, input: { delivery: String(delivery), attempt }, waitUntil, req } as never)

/**
 * The active webhooks subscribed to each emission's event; when there are any, a fan-out job
 * (durable: it survives a restart) that writes their deliveries. Then this instance's worker is
 * woken so that they leave at once.
 */
export const queueEmission = async (payload: Payload, emissions: Emission[]): Promise<void> => {
  const events = [...new Set(emissions.map(eventOf))]
  const { totalDocs } = await payload.count({ collection: 'webhooks', where: { and: [{ active: { equals: true } }, { events: { in: events } }] }, overrideAccess: true })
  if (!totalDocs) return
  for (const emission of emissions) {
    await payload.jobs.queue({ task: 'webhookEvent', queue: WEBHOOK_QUEUE, input: { emission, key: randomUUID() } } as never)
  }
  wake(payload)
}

/** A delivery id fixed by the emission's key, the webhook and the batch: a fan-out run again writes no second delivery. */
const deliveryIdOf = (key: string, webhook: Id, index: number) => {
  const hex = createHash('sha256').update(`${key}:${webhook}:${index}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** The bodies an emission is sent as: one, or one per batch of 500 article ids. */
const bodiesOf = async (payload: Payload, emission: Emission): Promise<WebhookPayload[]> => {
  if (emission.kind === 'article') return [{ event: emission.event, occurredAt: emission.occurredAt, article: emission.article }]
  const ids = await affectedArticleIds(payload, emission.scope)
  return attributionBatches({ occurredAt: emission.occurredAt, reason: emission.reason, subject: emission.subject }, ids)
}

/** The fan-out: a delivery per subscribed webhook and body, each with its first attempt queued. */
const fanOut = async (payload: Payload, key: string, emission: Emission): Promise<number> => {
  const event = eventOf(emission)
  const { docs: hooks } = await payload.find({
    collection: 'webhooks',
    where: { and: [{ active: { equals: true } }, { events: { in: [event] } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  if (!hooks.length) return 0
  const bodies = await bodiesOf(payload, emission)
  let written = 0
  for (const hook of hooks) {
    for (const [index, body] of bodies.entries()) {
      const deliveryId = deliveryIdOf(key, hook.id, index)
      const { totalDocs } = await payload.count({ collection: 'webhook-deliveries', where: { deliveryId: { equals: deliveryId } }, overrideAccess: true })
      if (totalDocs) continue
      await inTransaction(payload, async (req) => {
        const delivery = await payload.create({
          collection: 'webhook-deliveries',
          data: { webhook: hook.id, event, deliveryId, payload: body as never, status: 'pending', attempts: 0, nextAttemptAt: new Date().toISOString() } as never,
          depth: 0,
          overrideAccess: true,
          req,
        })
        await queueAttempt(payload, req, delivery.id, 1)
      })
      written++
    }
  }
  return written
}

// ---------------------------------------------------------------------------------------------
// Attempts

const LOCK_MS = 60_000
let redis: Redis | undefined

/** With Redis, one instance makes each attempt: the others skip it. Without, or if Redis does not answer, this one does. */
const claimAttempt = async (payload: Payload, deliveryId: string, attempt: number): Promise<boolean> => {
  if (!env.REDIS_URL) return true
  redis ??= connectRedis(env.REDIS_URL, {
    warn: (message) => payload.logger.warn(`webhooks: ${message}`),
    name: 'Redis (webhooks)',
    meanwhile: 'each instance relies on the jobs queue alone',
  })
  try {
    return (await redis.set(`wirehouse:webhooks:${deliveryId}:${attempt}`, String(process.pid), 'PX', LOCK_MS, 'NX')) === 'OK'
  } catch {
    return true
  }
}

/** The headers of an attempt: the event, the delivery id (the same on every attempt) and the body's signature. */
export const deliveryHeaders = (delivery: Pick<Delivery, 'deliveryId' | 'event'>, body: string, secret: string, attempt: number) => ({
  'X-Wirehouse-Event': delivery.event,
  'X-Wirehouse-Delivery': delivery.deliveryId,
  'X-Wirehouse-Attempt': String(attempt),
  'X-Wirehouse-Signature': signature(body, secret),
})

/**
 * The `attempt`-th attempt of a delivery, unless it was made already or the delivery is no longer
 * pending (a job run twice sends nothing twice). A 2xx answer delivers it; anything else schedules
 * the next attempt (`schedule.ts`), or after 24 hours marks it failed: a dead letter.
 */
export const attemptDelivery = async (payload: Payload, id: Id, attempt: number, now = () => new Date()): Promise<string> => {
  const delivery = (await payload.findByID({ collection: 'webhook-deliveries', id, depth: 0, overrideAccess: true, disableErrors: true })) as Delivery | null
  if (!delivery) return 'gone'
  if (delivery.status !== 'pending' || (delivery.attempts ?? 0) !== attempt - 1) return 'done already'
  if (!(await claimAttempt(payload, delivery.deliveryId, attempt))) return 'taken by another instance'
  const webhookId = typeof delivery.webhook === 'object' ? delivery.webhook.id : delivery.webhook
  const webhook = (await payload.findByID({ collection: 'webhooks', id: webhookId, depth: 0, overrideAccess: true, disableErrors: true })) as Webhook | null
  const started = now()
  const first = delivery.firstAttemptAt ? new Date(delivery.firstAttemptAt) : started
  const base = { attempts: attempt, firstAttemptAt: first.toISOString() }
  const update = (data: Record<string, unknown>, req?: PayloadRequest) =>
    payload.update({ collection: 'webhook-deliveries', id, data: { ...base, ...data } as never, depth: 0, overrideAccess: true, req })
  if (!webhook || !webhook.active || !webhook.secret) {
    await update({ status: 'failed', nextAttemptAt: null, lastError: webhook ? 'the webhook is not active' : 'the webhook was deleted' })
    return 'failed'
  }
  const body = JSON.stringify(delivery.payload)
  const outcome = await post(webhook.url, body, deliveryHeaders(delivery, body, webhook.secret, attempt))
  const result = { lastStatusCode: outcome.statusCode ?? null, lastError: outcome.ok ? null : (outcome.error ?? 'failed').slice(0, 500) }
  if (outcome.ok) {
    await update({ ...result, status: 'delivered', deliveredAt: now().toISOString(), nextAttemptAt: null })
    return 'delivered'
  }
  const next = nextAttemptAt(attempt, first, now())
  if (!next) {
    await update({ ...result, status: 'failed', nextAttemptAt: null })
    return 'failed'
  }
  await inTransaction(payload, async (req) => {
    await update({ ...result, nextAttemptAt: next.toISOString() }, req)
    await queueAttempt(payload, req, id, attempt + 1, next)
  })
  return 'retry'
}

/**
 * Sends a delivery again from now, with the same delivery id: pending, its attempts counted anew
 * (a fresh 24 hours of retries). Returns the delivery, or null when there is none with that id.
 */
export const redeliver = async (payload: Payload, id: Id): Promise<Delivery | null> => {
  const delivery = (await payload.findByID({ collection: 'webhook-deliveries', id, depth: 0, overrideAccess: true, disableErrors: true })) as Delivery | null
  if (!delivery) return null
  const updated = await inTransaction(payload, async (req) => {
    const doc = await payload.update({
      collection: 'webhook-deliveries',
      id,
      data: { status: 'pending', attempts: 0, firstAttemptAt: null, nextAttemptAt: new Date().toISOString(), deliveredAt: null, lastError: null, lastStatusCode: null } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await queueAttempt(payload, req, id, 1)
    return doc as unknown as Delivery
  })
  wake(payload)
  return updated
}

// ---------------------------------------------------------------------------------------------
// The worker

/** How often the worker looks for due attempts (a retry is never later than this after its time). */
export const TICK_MS = 10_000
const TIMER = Symbol.for('wirehouse.webhooks.timer')
const sqlite = () => databaseKind(env.DATABASE_URI) === 'sqlite'

type Worker = { running?: Promise<void>; again: boolean }
const WORKER = Symbol.for('wirehouse.webhooks.worker')
const store = globalThis as typeof globalThis & { [WORKER]?: Worker }

/** A job still marked processing this long after its last write was left by a process that stopped mid-attempt. */
const STALE_MS = 5 * 60_000

/** Runs the due jobs of the webhooks queue until none is left; for tests and the worker. */
export const runWebhookJobs = async (payload: Payload): Promise<void> => {
  // An attempt takes at most 10 s: a job held longer was abandoned (a crash, a kill): free it.
  // Its attempt runs again (the delivery row says whether it was made: at least once).
  await payload.db.updateMany({
    collection: 'payload-jobs',
    where: {
      and: [
        { queue: { equals: WEBHOOK_QUEUE } },
        { processing: { equals: true } },
        { updatedAt: { less_than: new Date(Date.now() - STALE_MS).toISOString() } },
      ],
    },
    data: { processing: false },
  })
  for (let round = 0; round < 100; round++) {
    // SQLite takes one writer at a time: its jobs run one after the other.
    const result = (await payload.jobs.run({ queue: WEBHOOK_QUEUE, limit: 50, sequential: sqlite(), silent: { info: true } })) as {
      noJobsRemaining?: boolean
      jobStatus?: Record<string, unknown>
    }
    if (result.noJobsRemaining || !Object.keys(result.jobStatus ?? {}).length) return
  }
}

/**
 * Wakes this instance's worker (when `WEBHOOK_WORKER` is on): the queue's due jobs run now, in the
 * background, one run at a time, instead of at the next tick (every 10 s).
 */
export const wake = (payload: Payload): void => {
  if (!env.WEBHOOK_WORKER) return
  const worker = (store[WORKER] ??= { again: false })
  if (worker.running) {
    worker.again = true
    return
  }
  worker.running = runWebhookJobs(payload)
    .catch((error: unknown) => payload.logger.error({ err: error, msg: 'webhooks: running the delivery queue failed; the next tick tries again' }))
    .finally(() => {
      worker.running = undefined
      if (worker.again) {
        worker.again = false
        wake(payload)
      }
    })
}

const START_DELAY_MS = 2_000

/** Every 10 s (the first run 2 s after start-up), and at once when woken: this instance's worker, when `WEBHOOK_WORKER` is on. One per process. */
export const startWebhookWorker = (payload: Payload): void => {
  const timers = globalThis as typeof globalThis & { [TIMER]?: NodeJS.Timeout }
  clearInterval(timers[TIMER])
  timers[TIMER] = setInterval(() => wake(payload), TICK_MS)
  timers[TIMER].unref()
  // Not at once: Payload's start-up goes on after the app's onInit (the attribution plugin writes its
  // first rules generation), and on SQLite the worker's writes would lock it out.
  setTimeout(() => wake(payload), START_DELAY_MS).unref()
}

/** The tasks of the webhooks queue (payload.config.ts `jobs.tasks`). */
export const webhookTasks: TaskConfig[] = [
  {
    slug: 'webhookEvent',
    label: 'Webhook event: write its deliveries',
    inputSchema: [
      { name: 'emission', type: 'json', required: true },
      { name: 'key', type: 'text', required: true },
    ],
    outputSchema: [{ name: 'deliveries', type: 'number' }],
    retries: 5,
    handler: async ({ input, req }) => {
      const { emission, key } = input as { emission: Emission; key: string }
      return { output: { deliveries: await fanOut(req.payload, key, emission) } }
    },
  } as TaskConfig,
  {
    slug: 'deliverWebhook',
    label: 'Webhook delivery: one attempt',
    inputSchema: [
      { name: 'delivery', type: 'text', required: true },
      { name: 'attempt', type: 'number', required: true },
    ],
    outputSchema: [{ name: 'outcome', type: 'text' }],
    // The delivery schedules its own next attempt (24 hours of backoff); a crash is retried once.
    retries: 1,
    handler: async ({ input, req }) => {
      const { delivery, attempt } = input as { delivery: string; attempt: number }
      const id = /^\d+$/.test(delivery) && req.payload.db.defaultIDType === 'number' ? Number(delivery) : delivery
      return { output: { outcome: await attemptDelivery(req.payload, id, attempt) } }
    },
  } as TaskConfig,
]

/**
 * Payload's `jobs` config: the webhooks' tasks. They are run by this app's worker
 * (`startWebhookWorker`, every 10 s and on wake-up, one run at a time per process) rather than
 * Payload's `autoRun` cron, whose runs would overlap the wake-ups'.
 */
export const webhookJobs = {
  tasks: webhookTasks,
  deleteJobOnComplete: true,
} as const
