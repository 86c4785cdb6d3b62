import { sql } from '@payloadcms/db-sqlite'

type SQL = ReturnType<typeof sql.raw>

type Db = {
  all: <T>(query: SQL) => Promise<T[]>
  run: (query: SQL) => Promise<unknown>
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Runs a generated SQLite table rebuild (`CREATE __new_x; INSERT … SELECT; DROP x; RENAME`)
 * without losing a row. Payload runs each migration in a transaction, where the generated
 * `PRAGMA foreign_keys=OFF` is a no-op: dropping a parent table then deletes (ON DELETE cascade)
 * or empties (set null) the rows that point to it — relationships, versions' parents, arrays.
 * So: every table is copied aside and emptied first, the rebuild runs on empty tables, and the
 * rows come back with their ids, foreign keys checked at commit.
 */
export const keepingRows = async (db: Db, rebuild: () => Promise<void>): Promise<void> => {
  // DATA MIGRATION: copy every row aside, rebuild, put every row back.
  const tables = (
    await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
  ).map(({ name }) => name)
  await db.run(sql`PRAGMA defer_foreign_keys = ON`)
  for (const table of tables) {
    await db.run(sql.raw(`CREATE TEMP TABLE ${quote(`__kept_${table}`)} AS SELECT * FROM ${quote(table)}`))
  }
  for (const table of tables) await db.run(sql.raw(`DELETE FROM ${quote(table)}`))
  await rebuild()
  for (const table of tables) {
    const kept = quote(`__kept_${table}`)
    const columns = (await db.all<{ name: string }>(sql.raw(`PRAGMA table_info(${quote(table)})`))).map(({ name }) => quote(name))
    const copied = (await db.all<{ name: string }>(sql.raw(`PRAGMA temp.table_info(${kept})`))).map(({ name }) => quote(name))
    const shared = columns.filter((column) => copied.includes(column)).join(', ')
    await db.run(sql.raw(`INSERT INTO ${quote(table)} (${shared}) SELECT ${shared} FROM temp.${kept}`))
    await db.run(sql.raw(`DROP TABLE temp.${kept}`))
  }
}
