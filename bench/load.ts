/**
 * `npm run bench:load`: the production server under load on loopback, with autocannon.
 *
 * On each database: a fresh database, migrated and seeded with the sample network, plus
 * `--articles` published articles written straight into the table (`insertArticles`) by a Payload
 * in this process that is closed before the server starts; then the production server
 * (`src/server.ts` on the Next build, as `test/helpers/server.ts#spawnServer` starts it). Each of
 * the four targets (REST list, REST by slug, GraphQL list with attribution, public article page)
 * is checked once, then: a mixed warm-up of `--warmup` seconds, a run of `--duration` seconds on
 * the express probe `/healthz` (the baseline) and on each target alone, and a mixed soak of
 * `--soak` seconds; every run is also capped at `--requests`. Every response must be a 2xx with
 * the target's content. The server's RSS is read after the warm-up and after the soak, each time
 * as it is and after a full GC; the ratio after/before a full GC must stay at or under 1.2.
 * Exits 1 if any request failed.
 *
 *   --db=sqlite,postgres   databases (env BENCH_DB); PostgreSQL is skipped when unreachable
 *   --duration=10          seconds per target (env BENCH_DURATION)
 *   --soak=60              seconds of the mixed soak (env BENCH_SOAK)
 *   --warmup=10            seconds of the mixed warm-up (env BENCH_WARMUP)
 *   --connections=10       concurrent connections, no pipelining (env BENCH_CONNECTIONS)
 *   --requests=100000      at most this many requests per run (env BENCH_REQUESTS)
 *   --articles=1000        bulk articles beside the 6 seeded ones; 0 for none (env BENCH_ARTICLES)
 */
import type { Payload } from 'payload'

import { closeDatabase } from '@/database'
import { insertArticles } from '../test/helpers/bulk'
import {
  collectGarbage,
  findTargets,
  GC_NODE_OPTIONS,
  type LoadResult,
  probeTarget,
  readRss,
  type Rss,
  rssOf,
  runLoad,
  type Target,
  verifyTarget,
} from '../test/helpers/load'
import { ensureBuild, killServers, spawnServer, waitUntilReady } from '../test/helpers/server'
import { arg, databases, log, main, printTable, quiet, report, type Result, result, throwawayDatabase } from './common'

process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.PAYLOAD_SECRET ||= 'wirehouse-bench-secret-of-32-characters'

const DURATION = Number(arg('duration', 'BENCH_DURATION', '10'))
const SOAK = Number(arg('soak', 'BENCH_SOAK', '60'))
const WARMUP = Number(arg('warmup', 'BENCH_WARMUP', '10'))
const CONNECTIONS = Number(arg('connections', 'BENCH_CONNECTIONS', '10'))
const REQUESTS = Number(arg('requests', 'BENCH_REQUESTS', '100000'))
const ARTICLES = Number(arg('articles', 'BENCH_ARTICLES', '1000'))
const RSS_MAX = 1.2

type Run = { db: string; results: LoadResult[]; warm: Rss; soak: Rss; peak: number }

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

const summary = (r: LoadResult) =>
  `${r.target}: ${r.requestsPerSecond.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors, ${r.requests} requests`

const benchDatabase = (kind: string): Promise<Run> =>
  throwawayDatabase(kind, async (db) => {
    const setupStart = Date.now()
    await addArticles(kind)
    const server = await spawnServer({ DATABASE_URI: db.uri, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!, NODE_OPTIONS: GC_NODE_OPTIONS })
    try {
      await waitUntilReady(server)
      const { sample, targets } = await findTargets(server.url)
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
        results.push(run)
        log(`[${kind}] ${summary(run)}`)
        await collectGarbage(server)
      }

      log(`[${kind}] soak ${SOAK} s (mixed)`)
      let peak = 0
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.child.pid!))), 1000)
      const soakRun = await load(targets, SOAK).finally(() => clearInterval(sampler))
      results.push({ ...soakRun, target: `mixed ${SOAK} s` })
      log(`[${kind}] ${summary(soakRun)}`)
      const soak = await readRss(server)
      peak = Math.max(peak, soak.raw)
      log(`[${kind}] RSS after soak: ${soak.raw.toFixed(0)} MB (peak ${peak.toFixed(0)}), ${soak.gc.toFixed(0)} MB after a full GC`)
      if (server.child.exitCode !== null) throw new Error(`[${kind}] the server exited:\n${server.stderr().slice(-2000)}`)
      return { db: kind, results, warm, soak, peak }
    } finally {
      await killServers()
    }
  })

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
      ['database', 'target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'requests'],
      ...runs.flatMap(({ db, results }) =>
        results.map((r) => [db, r.target, r.requestsPerSecond.toFixed(1), String(r.p50), String(r.p99), String(r.errors), String(r.requests)]),
      ),
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

  const rows: Result[] = runs.flatMap(({ db, results, warm, soak }) => {
    const probe = results.find((r) => r.target === probeTarget.name)!
    return [
      ...results
        .filter((r) => r !== probe)
        .map((r) => ({
          ...result({
            bench: 'load',
            database: db,
            case: r.target,
            unit: 'req/s',
            baselineLabel: 'GET /healthz',
            baseline: probe.requestsPerSecond,
            value: r.requestsPerSecond,
            target: { min: 0 },
          }),
          // No ratio to hold to: a Payload read is meant to cost more than a probe. Errors fail the row.
          pass: r.errors === 0 && probe.errors === 0,
        })),
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
  })
  report(rows)

  const errors = runs.flatMap((r) => r.results).reduce((sum, r) => sum + r.errors, 0)
  const worst = Math.max(...runs.map((r) => r.soak.gc / r.warm.gc))
  console.log(`errors=${errors}; worst RSS ratio after a full GC=${worst.toFixed(2)} (target <= ${RSS_MAX})`)
  if (errors > 0) throw new Error(`${errors} request(s) failed under load`)
})
