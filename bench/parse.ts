/**
 * `npm run bench -- --only=parse` (or `node --import=tsx bench/parse.ts`): the wire parser on
 * hostile input. Each story carrying a crafted 100 KB line (`test/helpers/hostile.ts`: one per
 * pattern ingest used to backtrack on) is parsed against an ordinary story of the same size and
 * format, alternating, and the medians are compared. No database. Prints both in ms and their
 * ratio (target <= 2: hostile input costs what its size costs), and the slowest hostile parse
 * (the issue asks for well under 100 ms).
 *
 *   --iterations=200   timed rounds (env BENCH_ITERATIONS)
 *   --warmup=20        untimed rounds first (env BENCH_WARMUP)
 */
import { performance } from 'node:perf_hooks'

import { parseStory } from '@/ingest/parse'
import { MAX_LINE_LENGTH } from '@/ingest/text'
import { IngestError } from '@/ingest/types'
import { hostileStories, type HostileCase, ordinaryStory } from '../test/helpers/hostile'
import { arg, main, median, printTable, report, result } from './common'

const ITERATIONS = Number(arg('iterations', 'BENCH_ITERATIONS', '200'))
const WARMUP = Number(arg('warmup', 'BENCH_WARMUP', '20'))
const TARGET = 2
const LIMIT_MS = 100

/** Parses once; the answer is "parsed" or the refusal's status. */
const parse = (story: HostileCase): string => {
  try {
    parseStory(story)
    return 'parsed'
  } catch (error) {
    if (error instanceof IngestError) return String(error.status)
    throw error
  }
}

const timed = (story: HostileCase) => {
  const t0 = performance.now()
  parse(story)
  return performance.now() - t0
}

await main(async () => {
  const ordinary = { text: ordinaryStory('bench'), nitf: ordinaryStory('bench', 'nitf') }
  const rows = hostileStories('bench', MAX_LINE_LENGTH).map((story) => {
    const baseline = story.filename.endsWith('.xml') ? ordinary.nitf : ordinary.text
    const times = { story: [] as number[], baseline: [] as number[] }
    for (let round = 0; round < WARMUP + ITERATIONS; round++) {
      const order = round % 2 ? (['story', 'baseline'] as const) : (['baseline', 'story'] as const)
      for (const which of order) {
        const ms = timed(which === 'story' ? story : baseline)
        if (round >= WARMUP) times[which].push(ms)
      }
    }
    return { story, baseline, outcome: parse(story), ms: median(times.story), baselineMs: median(times.baseline) }
  })

  console.log(`parse: stories with a crafted 100 KB line vs an ordinary story of the same size, median of ${ITERATIONS}`)
  printTable([
    ['case', 'KB', 'answer', 'ordinary', 'ordinary ms', 'crafted ms', 'crafted/ordinary'],
    ...rows.map((r) => [
      r.story.name,
      (r.story.bytes.length / 1024).toFixed(0),
      r.outcome,
      r.baseline.name,
      r.baselineMs.toFixed(2),
      r.ms.toFixed(2),
      (r.ms / r.baselineMs).toFixed(2),
    ]),
  ])
  const slowest = Math.max(...rows.map((r) => r.ms))
  const worst = Math.max(...rows.map((r) => r.ms / r.baselineMs))
  console.log(`worst ratio=${worst.toFixed(2)} (target <= ${TARGET}); slowest crafted parse ${slowest.toFixed(1)} ms (limit ${LIMIT_MS} ms)`)
  report(
    rows.map((r) =>
      result({
        bench: 'parse',
        database: '-',
        case: r.story.name,
        unit: 'ms',
        baselineLabel: `${r.baseline.name}, same size`,
        baseline: r.baselineMs,
        value: r.ms,
        target: { max: TARGET },
      }),
    ),
  )
})
