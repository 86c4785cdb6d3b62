import type { Payload, PayloadRequest } from 'payload'

type Task = () => Promise<void> | void
type Id = number | string

const PENDING = Symbol.for('wirehouse.afterCommit')

type BaseDatabaseAdapter = Payload['db']
type Adapter = BaseDatabaseAdapter & { [PENDING]?: Map<Id, Task[]> }

const run = async (adapter: BaseDatabaseAdapter, tasks: Task[] = []) => {
  for (const task of tasks) {
    try {
      await task()
    } catch (error) {
      // The change is committed whatever a follow-up does; a failed one must not fail it.
      adapter.payload.logger.error({ err: error, msg: 'a task after a commit failed' })
    }
  }
}

/**
 * The tasks waiting on each open transaction of `adapter`. Payload has no after-commit hook, but
 * every adapter (SQLite, PostgreSQL, MongoDB) ends a transaction through its `commitTransaction`
 * or `rollbackTransaction`, called with the id the request carries: they are wrapped once, to run
 * a transaction's tasks once its commit returned, and to drop them when it rolls back.
 */
const pendingOf = (db: BaseDatabaseAdapter): Map<Id, Task[]> => {
  const adapter = db as Adapter
  if (adapter[PENDING]) return adapter[PENDING]
  const pending = new Map<Id, Task[]>()
  const commit = adapter.commitTransaction
  const rollback = adapter.rollbackTransaction
  adapter.commitTransaction = async function (this: BaseDatabaseAdapter, incoming) {
    const id = await incoming
    try {
      await commit.call(this, id)
    } catch (error) {
      pending.delete(id)
      throw error
    }
    const tasks = pending.get(id)
    pending.delete(id)
    await run(adapter, tasks)
  }
  adapter.rollbackTransaction = async function (this: BaseDatabaseAdapter, incoming) {
    const id = await incoming
    pending.delete(id)
    await rollback.call(this, id)
  }
  adapter[PENDING] = pending
  return pending
}

/**
 * Runs `task` once the change `req` is making is committed: after its transaction's commit, or
 * now when it has none (an adapter without transactions); never when it rolls back. Whoever
 * commits awaits the tasks, so a REST write answers after them. Call it from a hook: Payload has
 * resolved `req.transactionID` by then.
 */
export const afterCommit = async (req: PayloadRequest, task: Task): Promise<void> => {
  const id = await req.transactionID
  if (id === undefined || id === null) return run(req.payload.db, [task])
  const pending = pendingOf(req.payload.db)
  pending.set(id, [...(pending.get(id) ?? []), task])
}
