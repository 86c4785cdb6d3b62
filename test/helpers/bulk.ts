import type { Payload } from 'payload'

import { count, gte, max } from 'drizzle-orm'

import { paragraph } from './lexical'

/** The SQL adapters' drizzle handle and tables (Payload types `payload.db` as the generic adapter). */
type SqlAdapter = { drizzle: any; tables: Record<string, any> }

const sqlAdapter = (payload: Payload): SqlAdapter => {
  const db = payload.db as unknown as Partial<SqlAdapter>
  if (!db.drizzle || !db.tables) throw new Error(`bulk helpers need a SQL adapter, not ${payload.db.name}`)
  return db as SqlAdapter
}

export type BulkArticlesOptions = {
  count: number
  /** Makes slugs and external ids unique: `${prefix}-${n}`. */
  prefix: string
  /** Source ids to cycle through; `null` entries give articles without a source. */
  sources: (null | number | string)[]
  sections?: (number | string)[]
  /** Stamped as createdAt and updatedAt of every row. @default 2024-01-01T00:00:00.000Z */
  at?: string
  /** Row `n`'s publishedAt (an ISO date; its day is the dateline date), so that sorting by them is real. @default `at` */
  publishedAt?: (n: number) => string
  rowsPerInsert?: number
}

/**
 * Inserts published articles straight into the `articles` table through the adapter's drizzle,
 * in multi-row INSERTs: no hooks, no version rows, no relationships. For scale tests and data
 * sets where Local API creates would take minutes. Returns the new ids in insertion order.
 */
export const insertArticles = async (payload: Payload, options: BulkArticlesOptions): Promise<number[]> => {
  const { drizzle, tables } = sqlAdapter(payload)
  const table = tables.articles
  const at = options.at ?? '2024-01-01T00:00:00.000Z'
  const size = options.rowsPerInsert ?? 500
  const ids: number[] = []
  for (let start = 0; start < options.count; start += size) {
    const rows = []
    for (let n = start; n < Math.min(start + size, options.count); n++) {
      const published = options.publishedAt?.(n) ?? at
      const source = options.sources[n % options.sources.length] ?? null
      rows.push({
        headline: `Bulk wire story ${options.prefix} ${n}`,
        slug: `${options.prefix}-${n}`,
        byline: n % 3 === 0 ? 'by Staff Writers' : `by Reporter ${n % 17}`,
        dateline_place: 'Paris',
        dateline_date: `${published.slice(0, 10)}T00:00:00.000Z`,
        source,
        section: options.sections?.length ? options.sections[n % options.sections.length] : null,
        summary: `Summary of bulk story ${n}.`,
        body: paragraph(`Body of bulk story ${n}.`),
        externalId: `${options.prefix}-${n}`,
        publishedAt: published,
        createdAt: at,
        updatedAt: at,
        _status: 'published',
      })
    }
    const inserted: { id: number }[] = await drizzle.insert(table).values(rows).returning({ id: table.id })
    ids.push(...inserted.map((row) => Number(row.id)))
  }
  return ids
}

export type TableStats = { rows: number; maxUpdatedAt: null | string; updatedSince: number }

/**
 * Row count, latest `updated_at` and the number of rows with `updated_at >= since` of one of
 * the adapter's tables (e.g. `articles`, `_articles_v`), read straight from the database.
 */
export const tableStats = async (payload: Payload, tableName: string, since: Date): Promise<TableStats> => {
  const { drizzle, tables } = sqlAdapter(payload)
  const table = tables[tableName]
  if (!table) throw new Error(`no table "${tableName}"`)
  const [{ rows, latest }] = await drizzle.select({ rows: count(), latest: max(table.updatedAt) }).from(table)
  const [{ written }] = await drizzle
    .select({ written: count() })
    .from(table)
    .where(gte(table.updatedAt, since.toISOString()))
  return {
    rows: Number(rows),
    maxUpdatedAt: latest == null ? null : new Date(latest).toISOString(),
    updatedSince: Number(written),
  }
}
