/**
 * `npm run bench`: every bench in this folder, one child process each (so no bench inherits
 * another's caches), on SQLite and PostgreSQL; writes `bench/results.json` and prints one table of
 * ratios against each bench's baseline. Options pass through to every bench (`--db=sqlite`).
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

import { arg, log, PG_SERVER, printTable, type Result } from './common'

const BENCHES = ['attribution', 'ingest', 'parse', 'volume', 'load'] as const

const here = path.dirname(fileURLToPath(import.meta.url))
const only = arg('only', 'BENCH_ONLY', BENCHES.join(',')).split(',').map((s) => s.trim())
const strict = process.argv.includes('--strict')
const passThrough = process.argv.slice(2).filter((a) => !a.startsWith('--only=') && a !== '--strict')

type Run = { bench: string; code: null | number; seconds: number; results: Result[] }

const runBench = (bench: string): Promise<Run> => {
  const file = path.join(os.tmpdir(), `wirehouse-bench-${process.pid}-${bench}.json`)
  fs.rmSync(file, { force: true })
  const started = performance.now()
  log(`\n== bench:${bench} ==`)
  // The bench's own table goes to our stderr: stdout is the summary.
  const child = spawn(process.execPath, [...process.execArgv, path.join(here, `${bench}.ts`), ...passThrough], {
    env: { ...process.env, BENCH_RESULTS_FILE: file },
    stdio: ['ignore', process.stderr, process.stderr],
  })
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      const results = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Result[]) : []
      fs.rmSync(file, { force: true })
      resolve({ bench, code, seconds: (performance.now() - started) / 1000, results })
    }),
  )
}

const postgresVersion = async (): Promise<null | string> => {
  const client = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    return ((await client.query('SHOW server_version')).rows[0] as { server_version: string }).server_version
  } catch {
    return null
  } finally {
    await client.end().catch(() => undefined)
  }
}

const commit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}

const machine = async () => ({
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  postgres: await postgresVersion(),
})

const target = ({ max, min }: Result['target']) => [max !== undefined && `<= ${max}`, min !== undefined && min > 0 && `>= ${min}`].filter(Boolean).join(' ') || '-'

const number = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2))

const unknown = only.filter((b) => !(BENCHES as readonly string[]).includes(b))
if (unknown.length) {
  log(`unknown bench(es): ${unknown.join(', ')}; there are ${BENCHES.join(', ')}`)
  process.exit(2)
}

const runs: Run[] = []
for (const bench of BENCHES.filter((b) => only.includes(b))) runs.push(await runBench(bench))

const results = runs.flatMap((r) => r.results)
const out = path.join(here, 'results.json')
fs.writeFileSync(
  out,
  `${JSON.stringify({ ranAt: new Date().toISOString(), commit: commit(), machine: await machine(), benches: runs.map(({ bench, code, seconds }) => ({ bench, exitCode: code, seconds: Math.round(seconds) })), results }, null, 2)}\n`,
)

console.log(`\nWirehouse benchmarks: ratio = value / baseline, measured in the same process (${path.relative(process.cwd(), out)})`)
printTable(
  [
    ['bench', 'database', 'case', 'unit', 'baseline', 'base', 'value', 'ratio', 'target', 'ok'],
    ...results.map((r) => [r.bench, r.database, r.case, r.unit, r.baselineLabel, number(r.baseline), number(r.value), r.ratio.toFixed(2), target(r.target), r.pass ? 'yes' : 'NO']),
  ],
  5,
)
const failed = runs.filter((r) => r.code !== 0)
const misses = results.filter((r) => !r.pass)
for (const r of failed) console.log(`bench:${r.bench} failed (exit ${r.code}); its results are missing or partial`)
console.log(`${results.length - misses.length} of ${results.length} within target; ${failed.length} bench(es) failed`)
process.exit(failed.length || (strict && misses.length) ? 1 : 0)
