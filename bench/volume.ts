/**
 * `npm run bench:volume`: whether readers' lists, attribution reads and a notice change stay as
 * fast with many articles.
 *
 * On each database kind, one throwaway database per size in `--sizes` (migrated, sample network
 * seeded), each grown to its size with multi-row INSERTs (`test/helpers/bulk.ts`: published,
 * every seeded source and section in turn, publishedAt scattered over ten years) and served by
 * its own Payload in this process. Then, as an anonymous reader through the REST handler
 * (`REST_GET`), rounds of
 *
 *   list               GET /api/articles?limit=10&sort=-publishedAt&depth=0 (with totalDocs)
 *   list after a change  the same, right after an article row changed (raw SQL, which moves the
 *                      articles' change token): the count is made afresh, not reused
 *   list, no count     the same with pagination=false: no totalDocs, so no count of them all
 *   filter by source   the same, where[source][equals]=<AFP>
 *   filter by section  the same, where[section][equals]=<a section> (a site's section page)
 *   attribution read   one article by slug (where[slug][equals]=…&limit=1), depth 1
 *   notice change      payload.update of a published legal notice (Local API), then the
 *                      attribution read of an article, which must show the new text
 *   notice write       the update alone
 *
 * go through every size in every round, sizes and cases in a rotating order, so that the load
 * of a shared machine hits all sizes alike; `--warmup` rounds are not timed; each cell is the
 * median of `--iterations` rounds. Every response is checked (count, order, filter, attribution).
 * Ratio = median at a size / median at the first size; the target is ≤ 1.5.
 *
 *   --db=sqlite,postgres      databases (env BENCH_DB); PostgreSQL is skipped when unreachable
 *   --sizes=1000,10000,100000 article counts, the first is the baseline (env BENCH_SIZES)
 *   --iterations=40           timed rounds (env BENCH_ITERATIONS)
 *   --warmup=10               untimed rounds first (env BENCH_WARMUP)
 *   --explain                 log the plans of the list and filter queries at each size
 */
import type { Payload, SanitizedConfig, Where } from 'payload'

import { performance } from 'node:perf_hooks'

import { closeDatabase } from '@/database'
import { insertArticles } from '../test/helpers/bulk'
import { paragraph } from '../test/helpers/lexical'
import { arg, databases, log, main, median, printTable, quiet, report, result, throwawayDatabase, type Result } from './common'
import { forget, startInstance, use } from './instances'

process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.PAYLOAD_SECRET ||= 'wirehouse-bench-secret-of-32-characters'

const SIZES = arg('sizes', 'BENCH_SIZES', '1000,10000,100000')
  .split(',')
  .map((s) => Number(s.trim().replaceAll('_', '')))
  .filter((n) => n > 0)
const ITERATIONS = Number(arg('iterations', 'BENCH_ITERATIONS', '40'))
const WARMUP = Number(arg('warmup', 'BENCH_WARMUP', '10'))
const EXPLAIN = process.argv.includes('--explain')
const TARGET = 1.5
const PAGE = 10
const NOTICE = 'Governing law'

const CASES = [
  'list',
  'list after a change',
  'list, no count',
  'filter by source',
  'filter by section',
  'attribution read',
  'notice change',
  'notice write',
] as const
type Case = (typeof CASES)[number]
/** What one round runs; 'notice write' is timed inside 'notice change'. */
type Timed = Exclude<Case, 'notice write'>
const TIMED = CASES.filter((c): c is Timed => c !== 'notice write')
/** Reported without a target: the count a change leaves to the next list (see the README). */
const UNTARGETED: Case[] = ['list after a change']

type Doc = Record<string, any>
type Row = { db: string; case: Case; ms: number[] }
type Rest = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
/** One size: its Payload and what a round runs on it (ms, or [ms, write ms] for the notice change). */
type Target = { size: number; run: Record<Timed, () => Promise<number | [number, number]>> }

const thousands = (n: number) => n.toLocaleString('en')

if (SIZES.length < 2 || SIZES.some((size, i) => i > 0 && size <= SIZES[i - 1])) {
  throw new Error(`--sizes must be two or more growing counts, not "${SIZES.join(',')}"`)
}

/** PublishedAt of bulk row `n`: scattered over 2015–2024, so the newest ten are anywhere in the table. */
const TEN_YEARS_MIN = 10 * 365 * 24 * 60
const publishedAt = (n: number) =>
  new Date(Date.UTC(2015, 0, 1) + ((n * 7_919 + 13) % TEN_YEARS_MIN) * 60_000 + (n % 60) * 1000).toISOString()

// ---------------------------------------------------------------------------------------------
// One size: a database grown to it, its Payload, and the checked reads.

const prepare = async (kind: string, size: number, payload: Payload, key: string, config: SanitizedConfig): Promise<Target> => {
  const { REST_GET } = await import('@payloadcms/next/routes')
  const rest = REST_GET(config) as Rest
  const get = async (pathAndQuery: string): Promise<{ ms: number; body: Doc }> => {
    use(key)
    const started = performance.now()
    const response = await rest(new Request(`http://localhost:3000/api/${pathAndQuery}`), {
      params: Promise.resolve({ slug: ['articles'] }),
    })
    const text = await response.text()
    const ms = performance.now() - started
    if (response.status !== 200) throw new Error(`[${size}] GET ${pathAndQuery}: ${response.status} ${text.slice(0, 300)}`)
    return { ms, body: JSON.parse(text) }
  }

  const [sources, sections] = await Promise.all([
    payload.find({ collection: 'wire-sources', depth: 0, limit: 0, pagination: false, sort: 'id' }),
    payload.find({ collection: 'sections', depth: 0, limit: 0, pagination: false, sort: 'id' }),
  ])
  const afp = sources.docs.find((s) => s.code === 'AFP')?.id
  const section = sections.docs[0]?.id
  if (afp === undefined || section === undefined) throw new Error('no seeded AFP source or section')
  const [notice] = (await payload.find({ collection: 'legal-notices', where: { title: { equals: NOTICE } }, depth: 0, limit: 1 })).docs
  if (notice?._status !== 'published') throw new Error(`no published "${NOTICE}" notice`)

  // Grow to `size`.
  const seeded = (await payload.count({ collection: 'articles' })).totalDocs
  if (seeded > size) throw new Error(`${seeded} seeded articles, more than ${size}`)
  const t0 = performance.now()
  const ids = await insertArticles(payload, {
    count: size - seeded,
    prefix: 'volume',
    sources: sources.docs.map((s) => s.id),
    sections: sections.docs.map((s) => s.id),
    publishedAt,
  })
  const insertMs = performance.now() - t0
  const sql = sqlRunner(payload)
  // What autovacuum does to a freshly loaded table within minutes: statistics, visibility map.
  const t1 = performance.now()
  if (kind === 'postgres') await sql('VACUUM ANALYZE articles')
  log(
    `[${kind}] ${thousands(size)} articles: inserted ${thousands(ids.length)} in ${(insertMs / 1000).toFixed(1)} s` +
      (kind === 'postgres' ? `, VACUUM ANALYZE ${Math.round(performance.now() - t1)} ms` : ''),
  )
  if (EXPLAIN) await explain(payload, kind, size, afp, section, sql)

  // What the reads must answer, counted through the Local API.
  const published: Where = { _status: { equals: 'published' } }
  const countWhere = async (where: Where) => (await payload.count({ collection: 'articles', where: { and: [published, where] } })).totalDocs
  const total = await countWhere({})
  const bySource = await countWhere({ source: { equals: afp } })
  const bySection = await countWhere({ section: { equals: section } })
  // Articles to read by slug, spread over the table.
  const slugs = Array.from({ length: 25 }, (_, i) => `volume-${Math.floor(((i + 0.5) * ids.length) / 25)}`)
  let nextSlug = 0
  let marker = ''
  let edits = 0

  const listed = (what: string, body: Doc, expectedTotal: null | number): Doc[] => {
    const docs = body.docs as Doc[]
    if (docs.length !== PAGE) throw new Error(`[${size}] ${what}: ${docs.length} docs, expected ${PAGE}`)
    if (expectedTotal !== null && body.totalDocs !== expectedTotal) throw new Error(`[${size}] ${what}: totalDocs ${body.totalDocs}, expected ${expectedTotal}`)
    for (let i = 1; i < docs.length; i++) {
      if (docs[i - 1].publishedAt < docs[i].publishedAt) throw new Error(`[${size}] ${what}: not sorted by -publishedAt`)
    }
    for (const doc of docs) {
      if (doc._status !== 'published') throw new Error(`[${size}] ${what}: an unpublished article for an anonymous reader`)
      if (!doc.attribution?.text?.includes(marker)) throw new Error(`[${size}] ${what}: attribution missing or stale on ${doc.id}`)
    }
    return docs
  }

  const LIST = `articles?limit=${PAGE}&sort=-publishedAt&depth=0`
  const filtered = (field: 'section' | 'source', id: number | string, expectedTotal: number) => async () => {
    const { ms, body } = await get(`${LIST}&where[${field}][equals]=${id}`)
    for (const doc of listed(`filter by ${field}`, body, expectedTotal)) {
      if (doc[field] !== id) throw new Error(`[${size}] filter by ${field}: an article of ${field} ${doc[field]}`)
    }
    return ms
  }
  const readOne = async (what: string): Promise<number> => {
    const slug = slugs[nextSlug++ % slugs.length]
    const { ms, body } = await get(`articles?where[slug][equals]=${encodeURIComponent(slug)}&limit=1&depth=1`)
    const [doc] = body.docs as Doc[]
    if (body.docs.length !== 1 || doc.slug !== slug) throw new Error(`[${size}] ${what}: ${slug} not found`)
    if (typeof doc.source !== 'object' || !doc.source?.code) throw new Error(`[${size}] ${what}: source not populated at depth 1`)
    if (!doc.attribution?.credit || !doc.attribution.text?.includes(marker)) {
      throw new Error(`[${size}] ${what}: attribution missing or stale on ${slug}`)
    }
    return ms
  }

  const run: Target['run'] = {
    list: async () => {
      const { ms, body } = await get(LIST)
      listed('list', body, total)
      return ms
    },
    // What a page or a feed of the latest articles needs: no totalDocs, so no count of them all.
    'list, no count': async () => {
      const { ms, body } = await get(`${LIST}&pagination=false`)
      listed('list, no count', body, null)
      return ms
    },
    // What a change costs the next list: its count made afresh (src/countCache.ts reuses counts
    // only while no article changes). Then the filtered lists once, untimed, so that their cases
    // keep measuring reads between changes.
    'list after a change': async () => {
      await sql(`UPDATE articles SET updated_at = updated_at WHERE id = ${ids[0]}`)
      const { ms, body } = await get(LIST)
      listed('list after a change', body, total)
      await run['filter by source']()
      await run['filter by section']()
      return ms
    },
    'filter by source': filtered('source', afp, bySource),
    'filter by section': filtered('section', section, bySection),
    'attribution read': () => readOne('attribution read'),
    'notice change': async () => {
      const next = `Volume revision ${size}-${++edits}-${Date.now()}`
      const started = performance.now()
      await payload.update({
        collection: 'legal-notices',
        id: notice.id,
        overrideAccess: true,
        data: { _status: 'published', body: paragraph(`These terms are governed by the laws of {{publisher.jurisdiction}}. ${next}.`) },
      })
      const writeMs = performance.now() - started
      // The read must show this edit's text, which no earlier edit wrote.
      marker = next
      return [writeMs + (await readOne('notice change')), writeMs]
    },
  }
  // A first edit, so every read checks for text written in this run.
  await run['notice change']()
  return { size, run }
}

/** One round after another over every size; the medians per case and size. */
const measure = async (kind: string, targets: Target[]): Promise<Row[]> => {
  const times = new Map<Case, number[][]>(CASES.map((c) => [c, targets.map(() => [])]))
  const started = performance.now()
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    for (let s = 0; s < targets.length; s++) {
      const t = (i + s) % targets.length
      // Rotating order: no case always follows the notice change (after which a read reloads the notices).
      for (let c = 0; c < TIMED.length; c++) {
        const name = TIMED[(i + c) % TIMED.length]
        const ms = await targets[t].run[name]()
        if (i < WARMUP) continue
        if (Array.isArray(ms)) {
          times.get(name)![t].push(ms[0])
          times.get('notice write')![t].push(ms[1])
        } else times.get(name)![t].push(ms)
      }
    }
  }
  log(`[${kind}] ${ITERATIONS} timed rounds (+${WARMUP} warm-up) in ${Math.round((performance.now() - started) / 1000)} s`)
  return CASES.map((c) => ({ db: kind, case: c, ms: times.get(c)!.map(median) }))
}

/** A database and a Payload for each size from `index` on, then the rounds over all of them. */
const withSizes = (kind: string, index: number, targets: Target[]): Promise<Row[]> =>
  throwawayDatabase(kind, async () => {
    const size = SIZES[index]
    const key = `bench-volume:${kind}:${size}`
    // Built now: the config reads DATABASE_URI, which throwawayDatabase just set.
    const { wirehouseConfig } = await import('../payload.config')
    const config = quiet(await wirehouseConfig())
    const payload = await startInstance(config, key)
    try {
      targets.push(await prepare(kind, size, payload, key, config))
      return index + 1 < SIZES.length ? await withSizes(kind, index + 1, targets) : await measure(kind, targets)
    } finally {
      // The first close ends every session of this process (src/database.ts): the others' pools reconnect to close.
      await closeDatabase(payload).catch((error) => log(`closing ${key}: ${error}`))
      forget(key)
    }
  })

// ---------------------------------------------------------------------------------------------
// Raw SQL, for VACUUM ANALYZE and --explain.

type SqlRunner = (statement: string) => Promise<Doc[]>

const sqlRunner = (payload: Payload): SqlRunner => {
  const db = payload.db as unknown as {
    pool?: { query: (sql: string) => Promise<{ rows: Doc[] }> }
    client?: { execute: (sql: string) => Promise<{ rows: Doc[] }> }
  }
  if (db.pool) return async (statement) => (await db.pool!.query(statement)).rows
  if (db.client) return async (statement) => (await db.client!.execute(statement)).rows
  throw new Error(`bench:volume needs a SQL adapter, not ${payload.db.name}`)
}

/** Logs the plans of the statements Payload issues for the list and the filters (as its drizzle builds them). */
const explain = async (payload: Payload, kind: string, size: number, source: number | string, section: number | string, sql: SqlRunner) => {
  const statements: string[] = []
  const session = (payload.db as unknown as { drizzle: { session: { logger?: unknown } } }).drizzle.session
  const original = session.logger
  session.logger = {
    logQuery: (query: string, params: unknown[]) => {
      if (!/"articles"/.test(query) || !/^select/i.test(query)) return
      let i = 0
      const inlined = query.replace(/\$\d+|\?/g, (m) => {
        const value = params[kind === 'postgres' ? Number(m.slice(1)) - 1 : i++]
        return typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`
      })
      statements.push(inlined)
    },
  }
  try {
    for (const where of [{}, { source: { equals: source } }, { section: { equals: section } }] as Where[]) {
      await payload.find({ collection: 'articles', limit: PAGE, sort: '-publishedAt', depth: 0, overrideAccess: false, where })
    }
  } finally {
    session.logger = original
  }
  for (const statement of statements) {
    const plan = await sql(`${kind === 'postgres' ? 'EXPLAIN ANALYZE' : 'EXPLAIN QUERY PLAN'} ${statement}`)
    const lines = plan.map((row) => String(row['QUERY PLAN'] ?? row.detail ?? JSON.stringify(row)))
    log(`[${kind}] ${thousands(size)} EXPLAIN ${statement.slice(0, 300)}\n    ${lines.join('\n    ')}`)
  }
}

// ---------------------------------------------------------------------------------------------

await main(async () => {
  const rows: Row[] = []
  for (const kind of await databases()) rows.push(...(await withSizes(kind, 0, [])))
  const [base, ...rest] = SIZES
  const short = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n))
  console.log(
    `anonymous REST reads and a notice change at ${SIZES.map(thousands).join(', ')} articles: median of ${ITERATIONS} alternating rounds (after ${WARMUP} warm-up)`,
  )
  printTable(
    [
      ['database', 'case', ...SIZES.map((n) => `${short(n)} ms`), ...rest.map((n) => `${short(n)}/${short(base)}`)],
      ...rows.map((r) => [r.db, r.case, ...r.ms.map((ms) => ms.toFixed(2)), ...r.ms.slice(1).map((ms) => (ms / r.ms[0]).toFixed(2))]),
    ],
    2,
  )
  const results: Result[] = rows.flatMap((r) =>
    rest.map((size, i) =>
      result({
        bench: 'volume',
        database: r.db,
        case: `${r.case} at ${thousands(size)}`,
        unit: 'ms',
        baselineLabel: `${thousands(base)} articles`,
        baseline: r.ms[0],
        value: r.ms[i + 1],
        target: UNTARGETED.includes(r.case) ? {} : { max: TARGET },
      }),
    ),
  )
  const targeted = results.filter((r) => r.target.max !== undefined)
  console.log(`worst ratio=${Math.max(...targeted.map((r) => r.ratio)).toFixed(2)} (target <= ${TARGET}; ${UNTARGETED.join(', ')} reported only)`)
  report(results)
})
