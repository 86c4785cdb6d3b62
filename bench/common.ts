import type { SanitizedConfig } from 'payload'

import { defaultLoggerOptions } from 'payload'
import fs from 'node:fs'
import pg from 'pg'

import { createTestDatabase, type TestDatabase } from '../test/helpers/database'

/** `--name=value`, else the environment variable, else the fallback. */
export const arg = (name: string, envName: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? process.env[envName] ?? fallback

/** Progress goes to stderr; stdout is for the table. */
export const log = (message: string) => process.stderr.write(`${message}\n`)

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const PG_SERVER = process.env.BENCH_POSTGRES_URI || process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/test'

const postgresReachable = async (): Promise<boolean> => {
  const client = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** The databases named by `--db` / `BENCH_DB`, else SQLite and PostgreSQL when it answers. */
export const databases = async (): Promise<string[]> => {
  const named = arg('db', 'BENCH_DB', '')
  if (named) return named.split(',').map((s) => s.trim()).filter(Boolean)
  if (await postgresReachable()) return ['sqlite', 'postgres']
  log(`PostgreSQL at ${PG_SERVER.replace(/\/\/[^@/]*@/, '//***@')} is not reachable: SQLite only.`)
  return ['sqlite']
}

// Ctrl-C still drops the throwaway databases.
const live = new Set<TestDatabase>()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: dropping ${live.size} bench database(s)`)
    void Promise.allSettled([...live].map((db) => db.drop())).then(() => process.exit(130))
  })
}

/**
 * Runs `bench` on a database of `kind` made for it, migrated and seeded by the first Payload
 * that starts on it (`DATABASE_URI` points there meanwhile), and dropped afterwards.
 */
export const throwawayDatabase = async <T>(kind: string, bench: (db: TestDatabase) => Promise<T>): Promise<T> => {
  if (kind === 'postgres') process.env.TEST_POSTGRES_URI = PG_SERVER
  const db = await createTestDatabase(kind)
  live.add(db)
  process.env.DATABASE_URI = db.uri
  process.env.MIGRATE_ON_INIT = 'true'
  process.env.SEED_ON_EMPTY = 'true'
  process.env.SEED_DEMO_USERS = 'false'
  try {
    return await bench(db)
  } finally {
    await db.drop()
    live.delete(db)
  }
}

/** The config with Payload's logger turned down to errors. */
export const quiet = (config: SanitizedConfig): SanitizedConfig => {
  ;(config as { logger?: unknown }).logger = { options: { level: 'error' }, destination: defaultLoggerOptions }
  return config
}

/**
 * Runs the bench to its end. `closeDatabase` waits for PostgreSQL's pool on an unref'd timer;
 * with nothing else pending Node would exit mid-await (code 13), so the process is kept alive.
 */
export const main = async (run: () => Promise<void>): Promise<never> => {
  const keepAlive = setInterval(() => undefined, 60_000)
  try {
    await run()
  } catch (error) {
    console.error(error)
    process.exit(1)
  } finally {
    clearInterval(keepAlive)
  }
  process.exit(0)
}

/** Prints rows as an aligned table: the first `left` columns left-aligned, the rest right-aligned. */
export const printTable = (rows: string[][], left = 1) => {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)))
  for (const [index, row] of rows.entries()) {
    console.log(row.map((value, col) => (col < left ? value.padEnd(widths[col]) : value.padStart(widths[col]))).join('  '))
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
}

/** One measured case against its baseline, as `npm run bench` collects them into `bench/results.json`. */
export type Result = {
  /** The bench script: `attribution`, `ingest`, `parse`, `volume`, `load`. */
  bench: string
  database: string
  /** What was measured, e.g. `rest depth 1`, `list at 100,000`. */
  case: string
  /** Unit of `value` and `baseline`, e.g. `ms`, `req/s`, `MB`. */
  unit: string
  /** What the baseline is, e.g. `plugin off`, `1,000 articles`, `after warm-up`. */
  baselineLabel: string
  baseline: number
  value: number
  /** `value / baseline`. */
  ratio: number
  /** The ratio must stay at or under `max`, or at or over `min`. */
  target: { max?: number; min?: number }
  pass: boolean
}

export const result = (r: Omit<Result, 'pass' | 'ratio'>): Result => {
  const ratio = r.value / r.baseline
  const pass = (r.target.max === undefined || ratio <= r.target.max) && (r.target.min === undefined || ratio >= r.target.min)
  return { ...r, ratio, pass }
}

/**
 * Hands the bench's results to `npm run bench` (`bench/run.ts`), which names a file in
 * `BENCH_RESULTS_FILE`; run alone, a bench only prints its table.
 */
export const report = (results: Result[]) => {
  const file = process.env.BENCH_RESULTS_FILE
  if (file) fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
}
