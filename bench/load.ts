/**
 * `npm run bench:load`: the production server under load on loopback, with autocannon, each
 * public read as a ratio to the express probe `/healthz` measured by the same run.
 *
 * On each database: a fresh database, migrated and seeded with the sample network, plus
 * `--articles` published articles written straight into the table (`insertArticles`) by a Payload
 * in this process that is closed before the server starts; then the production server
 * (`src/server.ts` on the Next build, as `test/helpers/server.ts#spawnServer` starts it). The
 * targets (an article page, a section page, the REST list, a GraphQL read) are checked once,
 * then: one request each in turn and a mixed warm-up of `--warmup` seconds (which fill the page
 * cache), a run of `--duration` seconds on the probe and then on each target alone, and a mixed
 * soak of `--soak` seconds; every run is also capped at `--requests`. Every response must be a
 * 2xx with the target's content; responses' `X-Cache` (HIT, MISS) is counted when the server
 * sends one. Targets: the article page at ≥ 0.25× the probe's req/s with p99 ≤ 50 ms; the server's
 * RSS after the soak ≤ 1.2× after the warm-up (both after a full GC); no error anywhere (exit 1).
 *
 *   --db=sqlite,postgres   databases (env BENCH_DB); PostgreSQL is skipped when unreachable
 *   --duration=10          seconds per target (env BENCH_DURATION)
 *   --soak=60              seconds of the mixed soak (env BENCH_SOAK)
 *   --warmup=10            seconds of the mixed warm-up (env BENCH_WARMUP)
 *   --connections=20       concurrent connections, no pipelining (env BENCH_CONNECTIONS)
 *   --requests=200000      at most this many requests per run (env BENCH_REQUESTS)
 *   --articles=1000        bulk articles beside the 6 seeded ones; 0 for none (env BENCH_ARTICLES)
 */
import type { Payload } from 'payload'

import { closeDatabase } from '@/database'
import { insertArticles } from '../test/helpers/bulk'
import {
  collectGarbage,
  escapeHtml,
  findTargets,
  GC_NODE_OPTIONS,
  type LoadResult,
  probeTarget,
  readRss,
  type Rss,
  rssOf,
  runLoad,
  type Sample,
  type Target,
  verifyTarget,
} from '../test/helpers/load'
import { ensureBuild, get, killServers, spawnServer, waitUntilReady } from '../test/helpers/server'
import { arg, databases, log, main, printTable, quiet, report, type Result, result, throwawayDatabase } from './common'

process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.PAYLOAD_SECRET ||= 'wirehouse-bench-secret-of-32-characters'

const DURATION = Number(arg('duration', 'BENCH_DURATION', '10'))
const SOAK = Number(arg('soak', 'BENCH_SOAK', '60'))
const WARMUP = Number(arg('warmup', 'BENCH_WARMUP', '10'))
const CONNECTIONS = Number(arg('connections', 'BENCH_CONNECTIONS', '20'))
const REQUESTS = Number(arg('requests', 'BENCH_REQUESTS', '200000'))
const ARTICLES = Number(arg('articles', 'BENCH_ARTICLES', '1000'))
const RSS_MAX = 1.2

/** What a public page must manage against the probe in the same run (issue 17). */
const PAGE_TARGET = { ratio: 0.25, p99: 50 }

/** The names the bench reports its targets under, in the order it measures them. */
const NAMES: Record<string, string> = {
  probe: 'probe (GET /healthz)',
  page: 'article page',
  section: 'section page',
  list: 'REST list',
  graphql: 'GraphQL read',
}

type Run = { db: string; results: LoadResult[]; warm: Rss; soak: Rss; peak: number }

/** The sample article's section page: its heading is the section's name. */
const sectionTarget = async (url: string, sample: Sample): Promise<Target> => {
  const reply = await get(`${url}/api/sections?where[slug][equals]=${encodeURIComponent(sample.section)}&depth=0&limit=1`)
  const name = (JSON.parse(reply.body) as { docs?: { name?: string }[] }).docs?.[0]?.name
  if (reply.status !== 200 || !name) throw new Error(`section ${sample.section}: HTTP ${reply.status}: ${reply.body.slice(0, 300)}`)
  return {
    name: 'section',
    method: 'GET',
    path: `/s/${encodeURIComponent(sample.domain)}/${encodeURIComponent(sample.section)}`,
    expect: (body) => body.includes('<html') && body.includes(`<h1>${escapeHtml(name)}</h1>`),
  }
}

/** The bench's targets, in the order they are measured: the pages first, then the API reads. */
const benchTargets = async (url: string): Promise<{ sample: Sample; targets: Target[] }> => {
  const { sample, targets } = await findTargets(url)
  const named = (name: string) => targets.find((t) => t.name === name)!
  return { sample, targets: [named('page'), await sectionTarget(url, sample), named('list'), named('graphql')] }
}

const addArticles = async (kind: string) => {
  const { getPayload } = await import('payload')
  // Imported here: the config reads DATABASE_URI when it is built.
  const { wirehouseConfig } = await import('../payload.config')
  // Migrates and seeds the database (`throwawayDatabase` asked for both); the server only connects.
  const payload: Payload = await getPayload({ config: quiet(await wirehouseConfig()), key: `bench-load:${kind}` })
  try {
    if (ARTICLES <= 0) return
    const [sources, sections] = await Promise.all([
      payload.find({ collection: 'wire-sources', depth: 0, limit: 0, pagination: false }),
      payload.find({ collection: 'sections', depth: 0, limit: 0, pagination: false }),
    ])
    await insertArticles(payload, {
      count: ARTICLES,
      prefix: 'load',
      sources: sources.docs.map((s) => s.id),
      sections: sections.docs.map((s) => s.id),
    })
  } finally {
    await closeDatabase(payload)
  }
}

/** `X-Cache` hits over the responses that carried the header, or null when none did. */
const hitRate = (r: LoadResult): null | number => {
  const total = Object.values(r.xCache).reduce((sum, n) => sum + n, 0)
  return total ? (r.xCache.HIT ?? 0) / total : null
}

const cacheSummary = (r: LoadResult) =>
  Object.keys(r.xCache).length ? Object.entries(r.xCache).map(([value, n]) => `${value} ${n}`).join(', ') : 'no X-Cache'

const summary = (r: LoadResult) =>
  `${r.target}: ${r.requestsPerSecond.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors, ${r.requests} requests, ${cacheSummary(r)}`

const benchDatabase = (kind: string): Promise<Run> =>
  throwawayDatabase(kind, async (db) => {
    const setupStart = Date.now()
    await addArticles(kind)
    const server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!, NODE_OPTIONS: GC_NODE_OPTIONS })
    try {
      await waitUntilReady(server)
      const { sample, targets } = await benchTargets(server.url)
      // One request each, in turn: checks every target and puts each page in the page cache.
      for (const target of [probeTarget, ...targets]) await verifyTarget(server.url, target)
      log(`[${kind}] server ready in ${((Date.now() - setupStart) / 1000).toFixed(0)} s; ${ARTICLES} bulk articles; sample /${sample.domain}/${sample.section}/${sample.slug}`)

      const load = (target: Target | Target[], duration: number) =>
        runLoad(server.url, target, { duration, amount: REQUESTS, connections: CONNECTIONS })
      const results: LoadResult[] = []

      log(`[${kind}] warm-up ${WARMUP} s (mixed)`)
      const warmup = await load(targets, WARMUP)
      log(`[${kind}] ${summary(warmup)}`)
      const warm = await readRss(server)
      log(`[${kind}] RSS after warm-up: ${warm.raw.toFixed(0)} MB, ${warm.gc.toFixed(0)} MB after a full GC`)

      for (const target of [probeTarget, ...targets]) {
        const run = await load(target, DURATION)
        results.push({ ...run, target: NAMES[target.name] })
        log(`[${kind}] ${summary(results.at(-1)!)}`)
        await collectGarbage(server)
      }

      log(`[${kind}] soak ${SOAK} s (mixed)`)
      let peak = 0
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.child.pid!))), 1000)
      const soakRun = await load(targets, SOAK).finally(() => clearInterval(sampler))
      results.push({ ...soakRun, target: `mixed ${SOAK} s` })
      log(`[${kind}] ${summary(results.at(-1)!)}`)
      const soak = await readRss(server)
      peak = Math.max(peak, soak.raw)
      log(`[${kind}] RSS after soak: ${soak.raw.toFixed(0)} MB (peak ${peak.toFixed(0)}), ${soak.gc.toFixed(0)} MB after a full GC`)
      if (server.child.exitCode !== null) throw new Error(`[${kind}] the server exited:\n${server.stderr().slice(-2000)}`)
      return { db: kind, results, warm, soak, peak }
    } finally {
      await killServers()
    }
  })

/** The rows `npm run bench` collects: each read against the probe, the page's p99, the RSS. */
const resultsOf = ({ db, results, warm, soak }: Run): Result[] => {
  const probe = results.find((r) => r.target === NAMES.probe)!
  const clean = (...runs: LoadResult[]) => runs.every((r) => r.errors === 0)
  const rows = results
    .filter((r) => r !== probe)
    .flatMap((r) => {
      const isPage = r.target === NAMES.page
      const vsProbe = result({
        bench: 'load',
        database: db,
        case: r.target,
        unit: 'req/s',
        baselineLabel: 'GET /healthz',
        baseline: probe.requestsPerSecond,
        value: r.requestsPerSecond,
        target: isPage ? { min: PAGE_TARGET.ratio } : {},
      })
      const rates = hitRate(r)
      return [
        // Any error fails the row, whatever its ratio.
        { ...vsProbe, pass: vsProbe.pass && clean(r, probe) },
        ...(isPage
          ? [result({ bench: 'load', database: db, case: `${r.target} p99`, unit: 'ms', baselineLabel: 'limit', baseline: PAGE_TARGET.p99, value: r.p99, target: { max: 1 } })]
          : []),
        ...(rates === null
          ? []
          : [
              result({
                bench: 'load',
                database: db,
                case: `${r.target} X-Cache HIT`,
                unit: 'responses',
                baselineLabel: 'with X-Cache',
                baseline: Object.values(r.xCache).reduce((sum, n) => sum + n, 0),
                value: r.xCache.HIT ?? 0,
                target: {},
              }),
            ]),
      ]
    })
  return [
    ...rows,
    result({
      bench: 'load',
      database: db,
      case: 'RSS after soak',
      unit: 'MB',
      baselineLabel: 'after warm-up (both after a full GC)',
      baseline: warm.gc,
      value: soak.gc,
      target: { max: RSS_MAX },
    }),
  ]
}

await main(async () => {
  log('checking the Next production build (builds one if .next/BUILD_ID is missing)')
  await ensureBuild()
  const runs: Run[] = []
  for (const kind of await databases()) runs.push(await benchDatabase(kind))

  console.log(
    `load on loopback: ${CONNECTIONS} connections, ${DURATION} s per target and ${SOAK} s mixed (after ${WARMUP} s warm-up), ` +
      `sample network + ${ARTICLES} articles; errors = failed, timed out, non-2xx or unexpected responses`,
  )
  printTable(
    [
      ['database', 'target', 'req/s', 'x probe', 'p50 ms', 'p99 ms', 'errors', 'requests', 'X-Cache HIT'],
      ...runs.flatMap(({ db, results }) => {
        const probe = results.find((r) => r.target === NAMES.probe)!
        return results.map((r) => {
          const rate = hitRate(r)
          return [
            db,
            r.target,
            r.requestsPerSecond.toFixed(1),
            (r.requestsPerSecond / probe.requestsPerSecond).toFixed(2),
            String(r.p50),
            String(r.p99),
            String(r.errors),
            String(r.requests),
            rate === null ? '-' : `${(rate * 100).toFixed(1)}%`,
          ]
        })
      }),
    ],
    2,
  )
  console.log('')
  printTable([
    ['database', 'RSS warm-up MB', 'after soak MB', 'ratio', 'full GC: warm-up MB', 'after soak MB', 'ratio', 'peak MB'],
    ...runs.map(({ db, warm, soak, peak }) => [
      db,
      warm.raw.toFixed(0),
      soak.raw.toFixed(0),
      (soak.raw / warm.raw).toFixed(2),
      warm.gc.toFixed(0),
      soak.gc.toFixed(0),
      (soak.gc / warm.gc).toFixed(2),
      peak.toFixed(0),
    ]),
  ])

  const rows = runs.flatMap(resultsOf)
  report(rows)

  const pages = rows.filter((r) => r.case === NAMES.page)
  const p99s = rows.filter((r) => r.case === `${NAMES.page} p99`)
  const errors = runs.flatMap((r) => r.results).reduce((sum, r) => sum + r.errors, 0)
  const worstRss = Math.max(...runs.map((r) => r.soak.gc / r.warm.gc))
  console.log(
    `worst article page ratio=${Math.min(...pages.map((r) => r.ratio)).toFixed(2)} (target >= ${PAGE_TARGET.ratio}); ` +
      `worst p99=${Math.max(...p99s.map((r) => r.value))} ms (target <= ${PAGE_TARGET.p99}); errors=${errors}; ` +
      `worst RSS ratio after a full GC=${worstRss.toFixed(2)} (target <= ${RSS_MAX})`,
  )
  if (errors > 0) throw new Error(`${errors} request(s) failed under load`)
})
