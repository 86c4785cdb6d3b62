/**
 * `npm run bench:attribution`: what the attribution plugin costs on reads.
 *
 * Reads 100 articles at depth 0 and 1 through the Local API, REST (`REST_GET`) and GraphQL
 * (`GRAPHQL_POST`) on two Payload instances in this process, one with the plugin on and one
 * with `{ disabled: true }`, against the same database; on SQLite and PostgreSQL. On/off runs
 * alternate (on-off, off-on, ...) so drift hits both; each cell reports the median. A read is
 * timed until its response's bytes are in hand: the client's decoding and JSON parsing are its
 * own cost, not the server's, and are done after, untimed (decoding UTF-8 into a string was
 * half of REST's measured overhead: ~7 ms per 100 attributed articles, more when one character
 * of the response is not ASCII). GraphQL asks for the attribution's default shape (the
 * notices' `id kind title`, as REST returns it), not each notice's own text and HTML.
 *
 * Then the rights lifecycle (issue 18): some of the first 100 articles are made embargoed,
 * withdrawn, or expired under a source's usage window (`usage.maxAgeDays`), and the anonymous
 * REST and GraphQL lists are timed again, on against off. The plugin's list still answers 100
 * articles, none of them hidden ones: the checks are conditions of the list's query (a filter after
 * it would answer fewer), and the statements each list sends are counted on both sides.
 *
 *   --db=sqlite,postgres   databases (env BENCH_DB); PostgreSQL is skipped when unreachable
 *                          unless named explicitly
 *   --iterations=60        timed runs per cell and mode (env BENCH_ITERATIONS)
 *   --warmup=10            untimed runs per cell and mode first (env BENCH_WARMUP)
 *   --cases=all            `all`, or `lifecycle` for the rights lifecycle's rows alone (env BENCH_CASES)
 *   BENCH_POSTGRES_URI / TEST_POSTGRES_URI   server to create the throwaway database on
 *                          (default postgres://postgres@127.0.0.1:5432/test)
 */
import type { Payload, SanitizedConfig } from 'payload'

import { inArray } from 'drizzle-orm'
import { performance } from 'node:perf_hooks'

import { withdrawArticle } from '@wirehouse/payload-plugin-attribution'

import { closeDatabase } from '@/database'
import { countQueries } from '../test/helpers/instances'
import { paragraphs } from '../test/helpers/lexical'
import { arg, databases, log, main, median, printTable, quiet, report, result, throwawayDatabase } from './common'
import { forget, startInstance, use } from './instances'

process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.PAYLOAD_SECRET ||= 'wirehouse-bench-secret-of-32-characters'

const ITERATIONS = Number(arg('iterations', 'BENCH_ITERATIONS', '60'))
const WARMUP = Number(arg('warmup', 'BENCH_WARMUP', '10'))
const CASES = arg('cases', 'BENCH_CASES', 'all')
if (!['all', 'lifecycle'].includes(CASES)) throw new Error(`--cases=${CASES}: all or lifecycle`)
const LIMIT = 100

type Mode = 'on' | 'off'
type Api = 'graphql' | 'local' | 'rest'
type Doc = Record<string, any>
/** A read: the timed request, answering with what turns its response into docs (untimed: the client's parsing). */
type Read = () => Promise<() => Doc[]>
type Cell = { api: Api; depth: 0 | 1; run: Record<Mode, Read> }
type Row = { db: string; api: Api; depth: number; on: number; off: number; lifecycle?: string }

// ---------------------------------------------------------------------------------------------
// Data: the seeded network plus enough published articles with mixed sources.

const CODES = ['AFP', 'UPI', 'NASA', 'ESA', null, 'IANS', 'AFP', 'SPX', 'UPI', 'NASA'] as const
const BYLINES = ['by AFP Staff Writers', 'by Jane Doe', 'by Staff Writers', 'by Pat Smith and Lee Wong', '']
const EXTRA = 114

/**
 * A body the length of a wire story (the reference page's runs to about 4 KB of text in ten
 * paragraphs): the plugin's share of a response depends on what else the response carries.
 */
const storyBody = (n: number) =>
  paragraphs(
    Array.from({ length: 10 }, (_, p) =>
      `Paragraph ${p + 1} of bench story ${n}: officials described the mission's progress, the schedule ahead and what remains uncertain, while analysts weighed costs, partners and the risks of delay. `.repeat(2),
    ),
  )

const seedArticles = async (payload: Payload): Promise<void> => {
  const [sources, sections] = await Promise.all([
    payload.find({ collection: 'wire-sources', depth: 0, limit: 0, pagination: false }),
    payload.find({ collection: 'sections', depth: 0, limit: 0, pagination: false }),
  ])
  const sourceId = new Map(sources.docs.map((s) => [s.code, s.id]))
  const ids: number[] = []
  const unsourced: number[] = []
  for (let n = 0; n < EXTRA; n++) {
    const code = CODES[n % CODES.length]
    const doc = await payload.create({
      collection: 'articles',
      depth: 0,
      data: {
        _status: 'published',
        headline: `Bench story ${n}: ${code ?? 'no source'} on the wire`,
        byline: BYLINES[n % BYLINES.length] || undefined,
        dateline: { place: 'Paris', date: `2024-07-${String((n % 28) + 1).padStart(2, '0')}T00:00:00.000Z` },
        // Published articles need a source; "no source" ones lose theirs below.
        source: sourceId.get(code ?? 'AFP')!,
        additionalSources: n % 6 === 0 ? [sourceId.get('NASA')!, sourceId.get('ESA')!] : [],
        section: sections.docs[n % sections.docs.length].id,
        summary: `Summary of bench story ${n}.`,
        body: storyBody(n),
        relatedArticles: n % 3 === 0 && ids.length >= 2 ? [ids[ids.length - 1], ids[ids.length - 2]] : [],
        externalId: `bench-${n}`,
      },
    })
    ids.push(Number(doc.id))
    if (code === null) unsourced.push(Number(doc.id))
  }
  // A published article whose source is gone (as after a source is deleted): attribution warns.
  const { drizzle, tables } = payload.db as unknown as { drizzle: any; tables: Record<string, any> }
  await drizzle.update(tables.articles).set({ source: null }).where(inArray(tables.articles.id, unsourced))
}

// ---------------------------------------------------------------------------------------------
// The reads.

const ATTRIBUTION = 'attribution { credit byline copyrightHolder copyrightYear license text html jsonLd warnings notices { id kind title } }'
const SCALARS = 'id headline slug byline dateline { place date } summary body externalId publishedAt _status updatedAt'
const GRAPHQL: Record<0 | 1, string> = {
  0: `{ Articles(limit: ${LIMIT}, sort: "id") { docs { ${SCALARS} ${ATTRIBUTION} } } }`,
  1: `{ Articles(limit: ${LIMIT}, sort: "id") { docs { ${SCALARS} ${ATTRIBUTION}
      source { id name code } additionalSources { id code } section { id name slug }
      relatedArticles { id headline slug ${ATTRIBUTION} } } } }`,
}

type Handlers = {
  rest: (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
  graphql: (request: Request) => Promise<Response>
}

const decoder = new TextDecoder()

const cellsFor = (instances: Record<Mode, { key: string; payload: Payload; handlers: Handlers }>): Cell[] => {
  const local = (mode: Mode, depth: 0 | 1): Read => async () => {
    const { docs } = await instances[mode].payload.find({ collection: 'articles', limit: LIMIT, depth, sort: 'id' })
    return () => docs as Doc[]
  }
  const rest = (mode: Mode, depth: 0 | 1): Read => async () => {
    use(instances[mode].key)
    const url = `http://localhost:3000/api/articles?limit=${LIMIT}&depth=${depth}&sort=id`
    const response = await instances[mode].handlers.rest(new Request(url), { params: Promise.resolve({ slug: ['articles'] }) })
    const bytes = await response.arrayBuffer()
    return () => {
      const text = decoder.decode(bytes)
      if (response.status !== 200) throw new Error(`REST ${response.status}: ${text.slice(0, 300)}`)
      return JSON.parse(text).docs as Doc[]
    }
  }
  const graphql = (mode: Mode, depth: 0 | 1): Read => async () => {
    use(instances[mode].key)
    const request = new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: GRAPHQL[depth] }),
    })
    const response = await instances[mode].handlers.graphql(request)
    const bytes = await response.arrayBuffer()
    return () => {
      const text = decoder.decode(bytes)
      const body = JSON.parse(text)
      if (response.status !== 200 || body.errors) throw new Error(`GraphQL ${response.status}: ${text.slice(0, 300)}`)
      return body.data.Articles.docs as Doc[]
    }
  }
  const cells: Cell[] = []
  for (const [api, make] of [['local', local], ['rest', rest], ['graphql', graphql]] as const) {
    for (const depth of [0, 1] as const) cells.push({ api, depth, run: { on: make('on', depth), off: make('off', depth) } })
  }
  return cells
}

// ---------------------------------------------------------------------------------------------
// Checks: each timed read came from the intended instance and did (or skipped) the work.

const resolved = (a: unknown): boolean => Boolean(a && typeof a === 'object' && (a as Doc).text && (a as Doc).credit !== undefined)
const empty = (a: unknown): boolean =>
  a == null ||
  (typeof a === 'object' &&
    Object.values(a as Doc).every((v) => v == null || (Array.isArray(v) && v.length === 0)))

const populated = (docs: Doc[]): Doc[] =>
  docs.flatMap((d) => (Array.isArray(d.relatedArticles) ? d.relatedArticles : [])).filter((r) => r && typeof r === 'object')

const nestedMisses = new Set<string>()

const check = (cell: Cell, mode: Mode, docs: Doc[]): void => {
  const where = `${cell.api} depth ${cell.depth} (${mode})`
  if (docs.length !== LIMIT) throw new Error(`${where}: ${docs.length} docs, expected ${LIMIT}`)
  const related = cell.depth === 1 ? populated(docs) : []
  if (cell.depth === 1 && related.length === 0) throw new Error(`${where}: no populated relatedArticles`)
  if (mode === 'off') {
    if (![...docs, ...related].every((d) => empty(d.attribution))) throw new Error(`${where}: attribution resolved with the plugin off`)
    return
  }
  if (!docs.every((d) => resolved(d.attribution))) throw new Error(`${where}: attribution missing with the plugin on`)
  if (!related.every((d) => resolved(d.attribution))) nestedMisses.add(where)
}

/** Counts the database reads of notices and the publisher global that one read makes. */
const ruleQueries = async (payload: Payload, read: Read): Promise<number> => {
  const db = payload.db as unknown as Record<string, (...args: any[]) => unknown>
  const original = { find: db.find, findOne: db.findOne, findGlobal: db.findGlobal }
  let n = 0
  for (const name of Object.keys(original) as (keyof typeof original)[]) {
    db[name] = function (this: unknown, args: { collection?: string; slug?: string }) {
      if (args?.collection === 'legal-notices' || args?.slug === 'publisher') n++
      return original[name].call(this, args)
    }
  }
  try {
    await read()
  } finally {
    Object.assign(db, original)
  }
  return n
}

// ---------------------------------------------------------------------------------------------
// The rights lifecycle: some listed articles that anonymous readers must not get.

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Among the first 100 articles by id: 4 embargoed for a day, 4 withdrawn (a kill), and ESA's
 * stories dated before mid-July 2024 expired by a usage window ending then. Returns their ids.
 */
const applyLifecycle = async (payload: Payload): Promise<{ hidden: Set<number>; summary: string }> => {
  const { docs } = await payload.find({ collection: 'articles', sort: 'id', limit: LIMIT, depth: 0, where: { _status: { equals: 'published' } } })
  const ids = docs.map((doc) => Number(doc.id))
  const embargoed = [3, 13, 23, 33].map((i) => ids[i])
  const withdrawn = [8, 18, 28, 38].map((i) => ids[i])
  const until = new Date(Date.now() + DAY_MS).toISOString()
  for (const id of embargoed) await payload.update({ collection: 'articles', id, data: { embargoUntil: until } as never, depth: 0 })
  const req = { payload, user: null, context: {} } as never
  for (const id of withdrawn) await withdrawArticle({ req, collection: 'articles', id, reason: 'kill', message: 'Bench kill' })
  const [esa] = (await payload.find({ collection: 'wire-sources', where: { code: { equals: 'ESA' } }, depth: 0 })).docs
  const maxAgeDays = Math.floor((Date.now() - Date.parse('2024-07-14T12:00:00.000Z')) / DAY_MS)
  await payload.update({ collection: 'wire-sources', id: esa.id, data: { usage: { maxAgeDays, archive: 'allowed' } } as never })
  const expired = (
    await payload.find({
      collection: 'articles',
      depth: 0,
      limit: 0,
      pagination: false,
      where: { and: [{ source: { equals: esa.id } }, { 'dateline.date': { less_than_equal: new Date(Date.now() - maxAgeDays * DAY_MS).toISOString() } }] },
    })
  ).docs.map((doc) => Number(doc.id))
  const hidden = new Set([...embargoed, ...withdrawn, ...expired])
  const firstHundred = ids.filter((id) => hidden.has(id)).length
  return { hidden, summary: `${embargoed.length} embargoed, ${withdrawn.length} withdrawn, ${expired.length} expired (ESA, ${maxAgeDays} days); ${firstHundred} of them among the first ${LIMIT}` }
}

/**
 * Statements one read sends, through Drizzle's logger, and how many of them count the list: the
 * app's count cache keeps a count until an article changes, but an anonymous reader's query names
 * the current second (embargoes and windows end at theirs), so its count is made afresh each second.
 */
const statements = async (payload: Payload, read: Read): Promise<string> => {
  const { queries } = await countQueries(payload, () => read())
  const counts = queries.filter((statement) => /^select count\(\*\)/i.test(statement.trim())).length
  return `${queries.length - counts} + ${counts} count`
}

/** Alternating on/off timed runs of each cell; `check` sees every response. */
const timeCells = async (cells: Cell[], verify: (cell: Cell, mode: Mode, docs: Doc[]) => void): Promise<Map<Cell, Record<Mode, number[]>>> => {
  const times = new Map<Cell, Record<Mode, number[]>>(cells.map((c) => [c, { on: [], off: [] }]))
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const order: Mode[] = i % 2 === 0 ? ['on', 'off'] : ['off', 'on']
    for (const cell of cells) {
      for (const mode of order) {
        const t0 = performance.now()
        const parse = await cell.run[mode]()
        const ms = performance.now() - t0
        verify(cell, mode, parse())
        if (i >= WARMUP) times.get(cell)![mode].push(ms)
      }
    }
  }
  return times
}

// ---------------------------------------------------------------------------------------------

const benchDatabase = (kind: string): Promise<Row[]> => throwawayDatabase(kind, async () => {
  const started: { key: string; payload: Payload }[] = []
  try {
    const { wirehouseConfig } = await import('../payload.config')
    const config: Record<Mode, SanitizedConfig> = {
      on: quiet(await wirehouseConfig()),
      off: quiet(await wirehouseConfig({ disabled: true })),
    }
    const setupStart = performance.now()
    const on = await startInstance(config.on, `bench:${kind}:on`)
    started.push({ key: `bench:${kind}:on`, payload: on })
    // The first instance migrated and seeded; the second only connects.
    process.env.MIGRATE_ON_INIT = 'false'
    process.env.SEED_ON_EMPTY = 'false'
    const off = await startInstance(config.off, `bench:${kind}:off`)
    started.push({ key: `bench:${kind}:off`, payload: off })
    if (on === off) throw new Error('both configs got the same Payload instance')
    await seedArticles(on)
    const published = await on.count({ collection: 'articles', where: { _status: { equals: 'published' } } })
    log(`[${kind}] ${published.totalDocs} published articles ready in ${Math.round(performance.now() - setupStart)} ms`)

    const { GRAPHQL_POST, REST_GET } = await import('@payloadcms/next/routes')
    const handlers = (mode: Mode): Handlers => ({
      rest: REST_GET(config[mode]) as Handlers['rest'],
      graphql: GRAPHQL_POST(config[mode]) as Handlers['graphql'],
    })
    const cells = cellsFor({
      on: { key: `bench:${kind}:on`, payload: on, handlers: handlers('on') },
      off: { key: `bench:${kind}:off`, payload: off, handlers: handlers('off') },
    })

    const rows: Row[] = []
    const benchStart = performance.now()
    if (CASES === 'all') {
      const restDepth1 = cells.find((c) => c.api === 'rest' && c.depth === 1)!
      const offQueries = await ruleQueries(off, restDepth1.run.off)
      const onQueries = await ruleQueries(on, restDepth1.run.on)
      if (offQueries !== 0) throw new Error(`plugin off still read notices/publisher ${offQueries} times per request`)
      log(`[${kind}] notice/publisher reads per REST request: on ${onQueries}, off ${offQueries}`)
      const restDepth0 = cells.find((c) => c.api === 'rest' && c.depth === 0)!
      const kb = async (mode: Mode) => Math.round(JSON.stringify((await restDepth0.run[mode]())()).length / 1024)
      log(`[${kind}] REST depth 0 docs as JSON: on ${await kb('on')} KB, off ${await kb('off')} KB`)

      const times = await timeCells(cells, check)
      log(`[${kind}] ${ITERATIONS} timed iterations (+${WARMUP} warm-up) in ${Math.round((performance.now() - benchStart) / 1000)} s`)
      for (const cell of cells) {
        const t = times.get(cell)!
        rows.push({ db: kind, api: cell.api, depth: cell.depth, on: median(t.on), off: median(t.off) })
      }
    }

    // The rights lifecycle: anonymous lists with hidden articles among those listed.
    const { hidden, summary } = await applyLifecycle(on)
    log(`[${kind}] lifecycle: ${summary}`)
    const anonymous = cells.filter((c) => c.api !== 'local')
    let offShowedHidden = 0
    const verify = (cell: Cell, mode: Mode, docs: Doc[]) => {
      check(cell, mode, docs)
      const shown = docs.filter((doc) => hidden.has(Number(doc.id))).length
      if (mode === 'on' && shown) throw new Error(`${cell.api} depth ${cell.depth}: ${shown} hidden articles listed with the plugin on`)
      if (mode === 'off') offShowedHidden = Math.max(offShowedHidden, shown)
    }
    for (const cell of anonymous) {
      // Once each first: the rules' reload after the changes above is not the list's cost.
      await cell.run.on()
      await cell.run.off()
      const count = { on: await statements(on, cell.run.on), off: await statements(off, cell.run.off) }
      log(`[${kind}] lifecycle ${cell.api} depth ${cell.depth}: statements per list: on ${count.on}, off ${count.off}`)
    }
    const lifecycleStart = performance.now()
    const times = await timeCells(anonymous, verify)
    if (!offShowedHidden) throw new Error('the lifecycle case hid nothing the plugin-off list shows: it measures nothing')
    log(`[${kind}] lifecycle: ${ITERATIONS} timed iterations (+${WARMUP} warm-up) in ${Math.round((performance.now() - lifecycleStart) / 1000)} s; plugin off listed ${offShowedHidden} of the hidden articles, plugin on none, 100 articles each`)
    for (const cell of anonymous) {
      const t = times.get(cell)!
      rows.push({ db: kind, api: cell.api, depth: cell.depth, on: median(t.on), off: median(t.off), lifecycle: summary })
    }
    return rows
  } finally {
    for (const { key, payload } of started.reverse()) {
      await closeDatabase(payload).catch((error) => log(`closing ${key}: ${error}`))
      forget(key)
    }
  }
})

await main(async () => {
  const rows: Row[] = []
  for (const kind of await databases()) rows.push(...(await benchDatabase(kind)))
  console.log(`attribution plugin on vs off: ${LIMIT} articles per read, median of ${ITERATIONS} alternating runs each (after ${WARMUP} warm-up)`)
  printTable(
    [
      ['database', 'api', 'depth', 'lifecycle', 'on ms', 'off ms', 'on/off'],
      ...rows.map((r) => [r.db, r.api, String(r.depth), r.lifecycle ? 'hidden' : '-', r.on.toFixed(2), r.off.toFixed(2), (r.on / r.off).toFixed(2)]),
    ],
    2,
  )
  if (nestedMisses.size) console.log(`note: populated relatedArticles lacked attribution in: ${[...nestedMisses].join('; ')}`)
  console.log(`worst ratio=${Math.max(...rows.map((r) => r.on / r.off)).toFixed(2)}`)
  report(
    rows.map((r) =>
      result({
        bench: 'attribution',
        database: r.db,
        case: `${r.api} depth ${r.depth}, 100 articles${r.lifecycle ? ', anonymous, some embargoed/withdrawn/expired' : ''}`,
        unit: 'ms',
        baselineLabel: 'plugin off',
        baseline: r.off,
        value: r.on,
        target: { max: 1.1 },
      }),
    ),
  )
})
