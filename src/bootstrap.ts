import type { Payload } from 'payload'

import { databaseKind, migrationsFor, oneInstanceAtATime, watchPool } from './database'
import { env } from './env'
import { startNoticeScheduler } from './pageCache/scheduler'
import { seed } from './seed'
import { ensureGeneration } from './site/generation'
import { startWebhookWorker } from './webhooks/queue'

/**
 * Runs once per process when Payload starts: pending migrations, then the sample network on an
 * empty database, one instance at a time; then the timer that brings scheduled notices into force.
 */
export const onInit = async (payload: Payload): Promise<void> => {
  const kind = databaseKind(env.DATABASE_URI)
  watchPool(payload)
  await oneInstanceAtATime(payload, async () => {
    if (env.MIGRATE_ON_INIT && kind !== 'mongodb') {
      await payload.db.migrate({ migrations: migrationsFor(kind) })
    }
    if (env.SEED_ON_EMPTY) {
      const { totalDocs } = await payload.count({ collection: 'wire-sources', trash: true })
      if (totalDocs === 0) await seed(payload)
    }
    await ensureGeneration(payload)
  })
  if (env.NOTICE_SCHEDULER) startNoticeScheduler(payload)
  if (env.WEBHOOK_WORKER) startWebhookWorker(payload)
}
