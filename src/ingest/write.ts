import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  ValidationError,
} from 'payload'

import { type Deadline, IngestError, tooSlow } from './types'

type User = PayloadRequest['user']

/**
 * Runs `work` in one transaction: committed whole, or rolled back. Past the deadline the caller
 * gets the timeout error at once; the transaction is rolled back when the work in flight settles,
 * since Payload would run any later statement outside a transaction that is already gone.
 */
export const inTransaction = async <T>(
  payload: Payload,
  user: User | undefined,
  deadline: Deadline,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> => {
  const req = await createLocalReq({ user: user ?? undefined }, payload)
  const timedOut = () => tooSlow(deadline.limitMs)
  await initTransaction(req)
  let settled = false
  const running = work(req).finally(() => (settled = true))
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), deadline.at - performance.now())
  })
  try {
    const result = await Promise.race([running, timeout])
    // A driver that never yields (SQLite's) can finish before the timer fires: check again.
    if (performance.now() > deadline.at) throw timedOut()
    await commitTransaction(req)
    return result
  } catch (error) {
    const rollBack = () => killTransaction(req)
    if (settled) await rollBack()
    else if (error instanceof IngestError) error.rolledBack = running.then(rollBack, rollBack)
    throw error
  } finally {
    clearTimeout(timer)
  }
}

const writers = new WeakMap<object, Promise<unknown>>()

/**
 * SQLite has one writer, and Payload's client fails at once rather than wait for the lock:
 * this process's ingests take turns there, each after any rollback the previous one left.
 * PostgreSQL takes them side by side.
 */
export const oneAtATime = <T>(payload: Payload, task: () => Promise<T>): Promise<T> => {
  if (payload.db.name !== 'sqlite') return task()
  const run = (writers.get(payload.db) ?? Promise.resolve()).then(task)
  writers.set(
    payload.db,
    run.then(
      () => undefined,
      (error: unknown) => (error instanceof IngestError ? error.rolledBack : undefined),
    ),
  )
  return run
}

/** A unique index refused the write: another ingest of the same story got there first. */
export const isUniqueConflict = (error: unknown): boolean =>
  error instanceof ValidationError &&
  error.data.errors.some((e) => (e.path === 'externalId' || e.path === 'slug') && /unique/i.test(e.message))

/** Payload's validation error as one line that names each field and what is wrong with it. */
export const explain = (error: unknown): unknown =>
  error instanceof ValidationError
    ? new IngestError(error.data.errors.map((e) => `${e.path}: ${e.message}`).join('; '))
    : error
