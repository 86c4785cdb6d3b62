/**
 * `npm run bench:ingest`: wire ingestion against plain `payload.create` of the same articles.
 *
 * Makes `--stories` distinct stories from the hand-written fixtures (all three formats, every
 * source), then on each database writes them twice in one process: once through the ingest path
 * (parse, match, clean, convert to Lexical, look up, fingerprint, one transaction) and once as
 * the very articles the ingest path makes, prepared beforehand, through `payload.create`. The two
 * alternate in chunks so drift hits both. Prints throughput and the ratio ingest / create
 * (target ≥ 0.8), and the throughput of a second, unchanged run (nothing written).
 *
 *   --db=sqlite,postgres   databases (env BENCH_DB); PostgreSQL is skipped when unreachable
 *   --stories=1000         stories per path (env BENCH_STORIES)
 *   --chunk=50             stories per alternating chunk (env BENCH_CHUNK)
 */
import type { Payload } from 'payload'

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { closeDatabase } from '@/database'
import { toLexical } from '@/ingest/html'
import { createIngester } from '@/ingest/ingest'
import { parseStory } from '@/ingest/parse'
import { articleData, loadReferences, planStory } from '@/ingest/plan'
import { expected, LPR, WIRE } from '../test/helpers/wire'
import { arg, databases, log, main, printTable, quiet, report, result, throwawayDatabase } from './common'

process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.PAYLOAD_SECRET ||= 'wirehouse-bench-secret-of-32-characters'

const STORIES = Number(arg('stories', 'BENCH_STORIES', '1000'))
const CHUNK = Number(arg('chunk', 'BENCH_CHUNK', '50'))
const TARGET = 0.8

type Input = { bytes: Buffer; filename: string }

/** Story `n`: a fixture with its wire id and headline made its own, so every story is new. */
const storyFrom = (file: string, headline: string, n: number): Input => {
  const text = readFileSync(path.join(WIRE, file), 'utf8')
  const tag = `Bench ${n}:`
  if (file.endsWith('.txt')) return { bytes: Buffer.from(text.replaceAll(headline, `${tag} ${headline}`)), filename: file }
  if (file.endsWith('.xml')) {
    const xml = text.replace('<hl1>', `<hl1>${tag} `).replace(/id-string="([^"]+)"/, `id-string="$1-bench-${n}"`)
    return { bytes: Buffer.from(xml), filename: file }
  }
  const doc = JSON.parse(text)
  doc.uri = `${doc.uri}-bench-${n}`
  if (doc.headline) doc.headline = `${tag} ${doc.headline}`
  else doc.headlines[0].value = `${tag} ${doc.headlines[0].value}`
  return { bytes: Buffer.from(JSON.stringify(doc)), filename: file }
}

const stories = (offset: number): Input[] =>
  Array.from({ length: STORIES }, (_, i) => {
    const { file, headline } = expected.good[i % expected.good.length]
    return storyFrom(file, headline, offset + i)
  })

type Row = { db: string; create: number; ingest: number; unchanged: number }

const perSecond = (count: number, ms: number) => (count * 1000) / ms

const benchDatabase = (kind: string): Promise<Row> =>
  throwawayDatabase(kind, async () => {
    const { getPayload } = await import('payload')
    // Imported here: the config reads DATABASE_URI and PAYLOAD_SECRET when it is built.
    const { wirehouseConfig } = await import('../payload.config')
    const payload: Payload = await getPayload({ config: quiet(await wirehouseConfig()), key: `bench-ingest:${kind}` })
    try {
      await payload.create({ collection: 'wire-sources', data: { ...LPR, bylineAliases: [...LPR.bylineAliases] } })
      // The baseline: the articles the ingest path would write, made before the clock starts.
      const references = await loadReferences(payload)
      const baseline = await Promise.all(
        stories(STORIES).map(async (input) => {
          const plan = planStory(parseStory(input), references)
          return articleData(plan, await toLexical(plan.story.bodyHtml, payload.config))
        }),
      )
      const raw = stories(0)
      const ingester = createIngester(payload)
      const create = (data: (typeof baseline)[number]) =>
        payload.create({ collection: 'articles', data, draft: data._status === 'draft', depth: 0, overrideAccess: true })

      // Warm both paths up on stories outside the timed sets.
      for (const input of stories(10 * STORIES).slice(0, 20)) await ingester.ingest(input)
      for (const input of stories(11 * STORIES).slice(0, 20)) {
        const plan = planStory(parseStory(input), references)
        await create(articleData(plan, await toLexical(plan.story.bodyHtml, payload.config)))
      }

      let createMs = 0
      let ingestMs = 0
      for (let at = 0; at < STORIES; at += CHUNK) {
        const order = (at / CHUNK) % 2 === 0 ? ['create', 'ingest'] : ['ingest', 'create']
        for (const path of order) {
          const t0 = performance.now()
          if (path === 'create') for (const data of baseline.slice(at, at + CHUNK)) await create(data)
          else
            for (const input of raw.slice(at, at + CHUNK)) {
              const { outcome } = await ingester.ingest(input)
              if (outcome !== 'created') throw new Error(`expected a new article, got "${outcome}"`)
            }
          const ms = performance.now() - t0
          if (path === 'create') createMs += ms
          else ingestMs += ms
        }
        log(`[${kind}] ${Math.min(at + CHUNK, STORIES)}/${STORIES} stories each way`)
      }

      const t0 = performance.now()
      const again = createIngester(payload)
      for (const input of raw) {
        const { outcome } = await again.ingest(input)
        if (outcome !== 'unchanged') throw new Error(`expected "unchanged" on the second run, got "${outcome}"`)
      }
      const unchangedMs = performance.now() - t0
      const versions = await payload.countVersions({ collection: 'articles' })
      log(`[${kind}] ${versions.totalDocs} article versions after both runs`)
      return {
        db: kind,
        create: perSecond(STORIES, createMs),
        ingest: perSecond(STORIES, ingestMs),
        unchanged: perSecond(STORIES, unchangedMs),
      }
    } finally {
      await closeDatabase(payload).catch((error) => log(`closing: ${error}`))
    }
  })

await main(async () => {
  const rows: Row[] = []
  for (const kind of await databases()) rows.push(await benchDatabase(kind))
  console.log(`ingest vs plain payload.create: ${STORIES} stories each, in alternating chunks of ${CHUNK}`)
  printTable([
    ['database', 'create/s', 'ingest/s', 'ingest/create', 'unchanged re-run/s'],
    ...rows.map((r) => [r.db, r.create.toFixed(1), r.ingest.toFixed(1), (r.ingest / r.create).toFixed(2), r.unchanged.toFixed(1)]),
  ])
  const worst = Math.min(...rows.map((r) => r.ingest / r.create))
  console.log(`worst ratio=${worst.toFixed(2)} (target >= ${TARGET})`)
  report(
    rows.map((r) =>
      result({
        bench: 'ingest',
        database: r.db,
        case: `${STORIES} stories`,
        unit: 'stories/s',
        baselineLabel: 'payload.create',
        baseline: r.create,
        value: r.ingest,
        target: { min: TARGET },
      }),
    ),
  )
})
