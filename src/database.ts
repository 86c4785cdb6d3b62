import type { DatabaseAdapterObj, Migration, Payload } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withCountCache } from './countCache'
import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const APPLICATION_NAME = `wirehouse:${process.pid}:${crypto.randomBytes(3).toString('hex')}`

export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

export const databaseKind = (uri: string): DatabaseKind => {
  if (uri.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  throw new Error(
    `DATABASE_URI "${uri.replace(/\/\/[^@/]*@/, '//***@')}" is not supported: use file:, postgres:// or mongodb://`,
  )
}

/** The migrations committed for each SQL database; MongoDB needs none. */
export const migrationsFor = (kind: DatabaseKind): Migration[] =>
  // Generated files type their arguments per adapter; Payload's Migration type takes `unknown`.
  (kind === 'postgres' ? postgresMigrations : kind === 'sqlite' ? sqliteMigrations : []) as unknown as Migration[]

const ensureDirectory = (uri: string) => {
  const file = uri.slice('file:'.length)
  if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

/**
 * Picks Payload's adapter by the URI scheme. SQL schemas come only from the committed
 * migrations (never from a dev push), so no run can stop at an interactive schema prompt.
 * SQL adapters reuse exact counts until the counted rows change (`./countCache`).
 */
export const databaseAdapter = (uri: string): DatabaseAdapterObj => withCountCache(adapterFor(uri))

const adapterFor = (uri: string): DatabaseAdapterObj => {
  const kind = databaseKind(uri)
  if (kind === 'sqlite') {
    ensureDirectory(uri)
    return sqliteAdapter({
      client: { url: uri },
      push: false,
      migrationDir: path.resolve(dirname, 'migrations/sqlite'),
      transactionOptions: {},
      wal: true,
      // Ids are never reused: without AUTOINCREMENT, SQLite hands a deleted row's id to the next one.
      autoIncrement: true,
    })
  }
  if (kind === 'postgres') {
    return postgresAdapter({
      pool: {
        connectionString: uri,
        max: Number(process.env.DATABASE_POOL_MAX || 10),
        // Names this process's connections so closeDatabase can end exactly these.
        application_name: APPLICATION_NAME,
      },
      push: false,
      migrationDir: path.resolve(dirname, 'migrations/postgres'),
    })
  }
  return mongooseAdapter({ url: uri })
}

type Connections = {
  client?: { close: () => void; execute: (sql: string) => Promise<unknown> }
  connection?: { close: () => Promise<void>; db?: { admin: () => { ping: () => Promise<unknown> } } }
  pool?: {
    end: () => Promise<void>
    on: (event: 'error', listener: (err: Error) => void) => void
    query: (sql: string, params?: unknown[]) => Promise<unknown>
  }
}

/**
 * An idle pooled PostgreSQL connection that the server drops (restart, failover) emits an
 * error on the pool; without a listener that would crash the process. Log it; the pool reconnects.
 */
export const watchPool = (payload: Payload): void => {
  const { pool } = payload.db as unknown as Connections
  pool?.on('error', (err) => payload.logger.warn({ err, msg: 'PostgreSQL connection lost; the pool will reconnect' }))
}

/** Answers when the database responds to a trivial query; throws otherwise. */
export const pingDatabase = async (payload: Payload): Promise<void> => {
  const db = payload.db as unknown as Connections
  if (db.pool) await db.pool.query('SELECT 1')
  else if (db.client) await db.client.execute('SELECT 1')
  else if (db.connection?.db) await db.connection.db.admin().ping()
  else throw new Error('database is not connected')
}

/**
 * `payload.destroy()` leaves connections open, and Payload's PostgreSQL adapter keeps one
 * client checked out of its pool for good (so `pool.end()` alone never returns). End this
 * process's sessions by their application name, then the pool.
 */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  const { client, connection, pool } = payload.db as unknown as Connections
  await payload.destroy()
  if (pool) {
    pool.on('error', () => undefined)
    await pool.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
      [APPLICATION_NAME],
    )
    await Promise.race([pool.end(), new Promise((resolve) => setTimeout(resolve, 2000).unref())])
  } else if (client) client.close()
  else if (connection) await connection.close()
}

type LockClient = { query: (sql: string, params?: unknown[]) => Promise<unknown>; release: () => void }

// Any fixed number: the key every Wirehouse instance on a database locks while it starts.
const STARTUP_LOCK = 0x57_48_53 // "WHS"

/**
 * Runs `work` (migrations, the first seed) in one instance at a time. Instances started together
 * on one PostgreSQL database would otherwise run the same migration twice, or seed twice; the
 * second waits on a session advisory lock, then finds the work done. SQLite and MongoDB run it as is.
 */
export const oneInstanceAtATime = async <T>(payload: Payload, work: () => Promise<T>): Promise<T> => {
  const { pool } = payload.db as unknown as { pool?: { connect: () => Promise<LockClient> } }
  if (!pool) return work()
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK])
    try {
      return await work()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK])
    }
  } finally {
    client.release()
  }
}
