/**
 * A short load test: the production server (`src/server.ts`) on a fresh database of the kind under
 * test with the sample network, driven by autocannon on loopback at the article list, an article
 * by slug, a GraphQL query and the public article page. Each run is bounded in time and in
 * requests; every response must be a 2xx with the expected content. The server's resident memory
 * after a full GC must stay within 20% from after the warm-up to after the runs (raw readings are
 * printed too; they swing by about as much with where V8 is in its collection cycle). A full GC
 * follows each run, so every run starts from a collected heap.
 * `npm run bench:load` is the long version. Needs a Next production build; builds one if
 * `.next/BUILD_ID` is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import {
  collectGarbage,
  findTargets,
  GC_NODE_OPTIONS,
  loadRows,
  type LoadResult,
  readRss,
  type Rss,
  runLoad,
  type Target,
  verifyTarget,
} from '../helpers/load'
import { databaseUnderTest } from '../helpers/payload'
import { BUILD_TIMEOUT_MS, ensureBuild, killServers, type RunningServer, spawnServer, START_TIMEOUT_MS, waitUntilReady } from '../helpers/server'

const kind = databaseUnderTest()

const CONNECTIONS = 5
/** Per run, whichever comes first (the mixed run gets twice both). */
const SECONDS = 3
const MAX_REQUESTS = 2_000
const RSS_GROWTH = 1.2

let db: TestDatabase | undefined
let server: RunningServer
let targets: Target[]
const results: LoadResult[] = []
const rss: { warm?: Rss; after?: Rss } = {}

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(kind)
  server = await spawnServer({
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'load-test-secret-of-32-characters',
    MIGRATE_ON_INIT: 'true',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'false',
    NODE_OPTIONS: GC_NODE_OPTIONS,
  })
  await waitUntilReady(server)
  ;({ targets } = await findTargets(server.url))
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  if (results.length) {
    const lines = [
      `load on ${kind}, ${CONNECTIONS} connections, ${SECONDS} s or ${MAX_REQUESTS} requests per run:`,
      ...loadRows(results).map((row) => row.join('\t')),
    ]
    const { warm, after } = rss
    if (warm && after) {
      lines.push(
        `RSS after warm-up / after the runs: ${warm.raw.toFixed(0)} / ${after.raw.toFixed(0)} MB (x${(after.raw / warm.raw).toFixed(2)}), ` +
          `after a full GC ${warm.gc.toFixed(0)} / ${after.gc.toFixed(0)} MB (x${(after.gc / warm.gc).toFixed(2)})`,
      )
    }
    console.info(lines.join('\n'))
  }
  await killServers()
  await db?.drop().catch(() => undefined)
})

const expectClean = (result: LoadResult) => {
  const { target, errors, timeouts, non2xx, mismatches } = result
  expect({ target, errors, timeouts, non2xx, mismatches }).toEqual({ target, errors: 0, timeouts: 0, non2xx: 0, mismatches: 0 })
  expect(result.requests).toBeGreaterThan(0)
  expect(result.requestsPerSecond).toBeGreaterThan(0)
}

describe(`the production server under load (${kind})`, () => {
  it('answers each target with 200 and its content before any load', async () => {
    expect(targets.map((t) => t.name)).toEqual(['list', 'by slug', 'graphql', 'page'])
    for (const target of targets) await verifyTarget(server.url, target)
  })

  it(
    'serves every target under bounded load with no errors, and its memory settles',
    async () => {
      // Warm-up: JIT, Next's route modules, the GraphQL schema, the pages' data cache.
      expectClean(await runLoad(server.url, targets, { duration: SECONDS, amount: MAX_REQUESTS, connections: CONNECTIONS }))
      rss.warm = await readRss(server)

      for (const target of targets) {
        const result = await runLoad(server.url, target, { duration: SECONDS, amount: MAX_REQUESTS, connections: CONNECTIONS })
        results.push(result)
        expectClean(result)
        // Each run starts from a collected heap, so the reading after the last one compares like with like.
        await collectGarbage(server)
      }
      const mixed = await runLoad(server.url, targets, { duration: SECONDS * 2, amount: MAX_REQUESTS * 2, connections: CONNECTIONS })
      results.push(mixed)
      expectClean(mixed)

      rss.after = await readRss(server)
      expect(rss.after.gc / rss.warm.gc).toBeLessThanOrEqual(RSS_GROWTH)
      expect(server.child.exitCode).toBeNull()
    },
    60_000,
  )
})
