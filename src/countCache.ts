import type { DatabaseAdapterObj } from 'payload'

import { type SQL, sql } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'

/**
 * Exact counts for `totalDocs`, reused until the counted rows change.
 *
 * A paginated read counts every matching row (`findMany` → `countDistinct`): at 100,000 published
 * articles that is most of the cost of a list (bench/volume.ts). The database keeps a change
 * token for the articles: migration `volume_counts` adds the `wirehouse_changes` table and
 * triggers on `articles` and `_articles_v` that bump its `version` on every insert, update and
 * delete, inside the writing transaction (so also for raw SQL, foreign-key actions and bulk
 * loads). A count outside any transaction reads the token first, then looks up
 * `(token, table, WHERE)` here and counts only on a miss. Never stale, on any number of
 * instances: a change commits together with its new token, and the token is read before the
 * count, so a cached count is never older than its token.
 *
 * Counted afresh, always: inside a transaction (it may hold uncommitted changes of its own), with
 * joins or a distinct column, a WHERE that reads another table, any other table, and whenever
 * the token table or one of the triggers is missing (a migration that rebuilds `articles` drops
 * its triggers: the cache then turns itself off rather than go stale).
 */

/** Table → the change token its triggers bump. */
const COUNTED: Record<string, string> = { articles: 'articles', _articles_v: 'articles' }

/** The triggers migration `volume_counts` creates; a token is trusted only while all exist. */
const TRIGGERS = {
  postgres: ['wirehouse_articles_changed', 'wirehouse_articles_v_changed'],
  sqlite: ['inserted', 'updated', 'deleted'].flatMap((event) => [`wirehouse_articles_${event}`, `wirehouse_articles_v_${event}`]),
}

const MAX_ENTRIES = 1000

type Row = Record<string, unknown>
type CountArgs = { column?: unknown; db: unknown; joins: unknown[]; tableName: string; where?: SQL }
type SqlAdapter = {
  name: string
  countDistinct: (this: SqlAdapter, args: CountArgs) => Promise<number>
  drizzle: {
    dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } }
    /** SQLite (libsql). */
    all: (query: SQL) => Promise<Row[]>
    /** PostgreSQL (node-postgres). */
    execute: (query: SQL) => Promise<{ rows: Row[] }>
  }
}

/** The token's current version, or undefined when it cannot be trusted. */
const readToken = async (adapter: SqlAdapter, token: string): Promise<string | undefined> => {
  const postgres = adapter.name === 'postgres'
  const triggers = postgres ? TRIGGERS.postgres : TRIGGERS.sqlite
  const names = sql.join(
    triggers.map((name) => sql`${name}`),
    sql`, `,
  )
  const installed = postgres
    ? sql`(SELECT count(*) FROM pg_trigger WHERE tgname IN (${names}) AND tgenabled <> 'D')`
    : sql`(SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (${names}))`
  const query = sql`SELECT "version", ${installed} AS "triggers" FROM "wirehouse_changes" WHERE "name" = ${token}`
  try {
    const [row] = postgres ? (await adapter.drizzle.execute(query)).rows : await adapter.drizzle.all(query)
    return row && Number(row.triggers) === triggers.length ? String(row.version) : undefined
  } catch {
    // Not migrated (yet): count as Payload does.
    return undefined
  }
}

/** The cache key of a count, or undefined when the count must not be reused. */
const keyOf = (adapter: SqlAdapter, { column, db, joins, tableName, where }: CountArgs): string | undefined => {
  if (db !== adapter.drizzle || joins.length > 0 || column !== undefined || !(tableName in COUNTED)) return undefined
  const { sql: text, params } = where ? adapter.drizzle.dialect.sqlToQuery(where) : { sql: '', params: [] }
  // This table's own columns only: a subquery's or another table's rows change without the token.
  if (/\bselect\b/i.test(text)) return undefined
  for (const [, table] of text.matchAll(/"([^"]+)"\./g)) if (table !== tableName) return undefined
  return `${tableName}\u0000${text}\u0000${JSON.stringify(params)}`
}

/** Wraps `countDistinct` of the adapter a SQL adapter object creates; other adapters are left as they are. */
export const withCountCache = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args)
    if (adapter.name !== 'postgres' && adapter.name !== 'sqlite') return adapter
    const sqlAdapter = adapter as unknown as SqlAdapter
    const countDistinct = sqlAdapter.countDistinct
    const counts = new LRUCache<string, number>({ max: MAX_ENTRIES })
    sqlAdapter.countDistinct = async function (this: SqlAdapter, countArgs) {
      const key = keyOf(this, countArgs)
      const version = key === undefined ? undefined : await readToken(this, COUNTED[countArgs.tableName])
      if (version === undefined) return countDistinct.call(this, countArgs)
      const cacheKey = `${version}\u0000${key}`
      const cached = counts.get(cacheKey)
      if (cached !== undefined) return cached
      const total = await countDistinct.call(this, countArgs)
      counts.set(cacheKey, total)
      return total
    }
    return adapter
  },
})
