/**
 * Load against a running server (`test/helpers/server.ts#spawnServer`) with autocannon: the
 * four public read paths found from the seeded data, each checked once before load and on every
 * response under load, runs bounded in time and in requests, and the server's resident memory.
 */
import type { IncomingHttpHeaders } from 'node:http'

import autocannon from 'autocannon'
import fs from 'node:fs'

import { get, type Reply, type RunningServer, send, SERVER_NODE_OPTIONS, sleep } from './server'

export type TargetName = 'by slug' | 'graphql' | 'list' | 'page' | 'probe' | 'section'

export type Target = {
  name: TargetName
  method: 'GET' | 'POST'
  /** Path and query, from the server's root. */
  path: string
  headers?: Record<string, string>
  body?: string
  /** Whether a 200 response's body is the expected content, not an empty list or an error page. */
  expect: (body: string) => boolean
}

/** The published article the targets read, as found over HTTP. */
export type Sample = { slug: string; headline: string; section: string; domain: string; credit: string }

export const GRAPHQL_QUERY = '{ Articles(limit: 10) { docs { headline slug attribution { credit copyrightHolder } } } }'

/** How React writes text into HTML. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!)

const json = (reply: Reply, what: string) => {
  if (reply.status !== 200) throw new Error(`${what}: HTTP ${reply.status}: ${reply.body.slice(0, 300)}`)
  return JSON.parse(reply.body)
}

/**
 * A published article with a section on a site (the newest such), read anonymously over HTTP
 * at depth 2 so its section and the section's site come populated.
 */
export const findSample = async (url: string): Promise<Sample> => {
  const query = 'where[_status][equals]=published&where[section][exists]=true&sort=-createdAt&depth=2&limit=1'
  const { docs } = json(await get(`${url}/api/articles?${query}`), 'finding a published article')
  const article = docs[0]
  if (!article) throw new Error('no published article with a section: is the sample network seeded?')
  const { section } = article
  const domain = section?.site?.domain
  if (typeof section?.slug !== 'string' || typeof domain !== 'string') {
    throw new Error(`article ${article.slug}: section or its site not populated at depth 2: ${JSON.stringify(section)}`)
  }
  if (!article.attribution?.credit) throw new Error(`article ${article.slug} has no attribution credit`)
  return { slug: article.slug, headline: article.headline, section: section.slug, domain, credit: article.attribution.credit }
}

/** The four targets: REST list, REST by slug, GraphQL list with attribution, the public article page. */
export const targetsFor = (sample: Sample): Target[] => [
  {
    name: 'list',
    method: 'GET',
    path: '/api/articles?limit=10&depth=1',
    expect: (body) => body.startsWith('{"docs":[{') && body.includes('"attribution":{'),
  },
  {
    name: 'by slug',
    method: 'GET',
    path: `/api/articles?where[slug][equals]=${encodeURIComponent(sample.slug)}&depth=1`,
    expect: (body) => body.includes(`"slug":${JSON.stringify(sample.slug)}`) && body.includes('"totalDocs":1,'),
  },
  {
    name: 'graphql',
    method: 'POST',
    path: '/api/graphql',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: GRAPHQL_QUERY }),
    expect: (body) =>
      body.startsWith('{"data":{"Articles":{"docs":[{') &&
      !body.includes('"errors":') &&
      body.includes(`"credit":${JSON.stringify(sample.credit)}`),
  },
  {
    name: 'page',
    method: 'GET',
    path: `/s/${encodeURIComponent(sample.domain)}/${encodeURIComponent(sample.section)}/${encodeURIComponent(sample.slug)}`,
    expect: (body) => body.includes('<html') && body.includes(escapeHtml(sample.headline)),
  },
]

/** The express liveness probe: no Payload, no Next; what the loop and loopback manage on their own. */
export const probeTarget: Target = {
  name: 'probe',
  method: 'GET',
  path: '/healthz',
  expect: (body) => body === '{"status":"ok"}',
}

/** Finds the sample article and its targets. */
export const findTargets = async (url: string): Promise<{ sample: Sample; targets: Target[] }> => {
  const sample = await findSample(url)
  return { sample, targets: targetsFor(sample) }
}

/** One request to the target: it must answer 200 with the expected content. */
export const verifyTarget = async (url: string, target: Target): Promise<void> => {
  const reply = await send(`${url}${target.path}`, { method: target.method, headers: target.headers, body: target.body }).reply
  if (reply.status !== 200) {
    throw new Error(`${target.name} ${target.method} ${target.path}: HTTP ${reply.status}: ${reply.body.slice(0, 300)}`)
  }
  if (!target.expect(reply.body)) {
    throw new Error(`${target.name} ${target.method} ${target.path}: unexpected content: ${reply.body.slice(0, 300)}`)
  }
}

export type LoadOptions = {
  /** Seconds; the run ends at this or at `amount`, whichever comes first. */
  duration?: number
  /** Requests in all; at least `connections`. */
  amount?: number
  /** @default 10 */
  connections?: number
  /** Seconds before a request counts as timed out. @default 10 */
  timeout?: number
}

export type LoadResult = {
  /** The target's name, or the names joined by `+` for a mixed run. */
  target: string
  /** Completed responses over the run's duration. */
  requestsPerSecond: number
  p50: number
  p99: number
  /** Connection errors (including timeouts), non-2xx responses and 2xx responses with unexpected content. */
  errors: number
  timeouts: number
  non2xx: number
  /** 2xx responses whose body was not the expected content. */
  mismatches: number
  /** Responses received. */
  requests: number
  seconds: number
  /** Responses by their `X-Cache` header (`HIT`, `MISS`, …), when the server sends one. */
  xCache: Record<string, number>
}

/**
 * Drives `connections` connections (no pipelining) at one target, or at several in turn on each
 * connection (a mixed run), until `duration` seconds pass or `amount` responses came back,
 * whichever is first (with neither, 10 s). Every response's body is checked against its target.
 */
export const runLoad = async (url: string, targets: Target | Target[], options: LoadOptions = {}): Promise<LoadResult> => {
  const list = Array.isArray(targets) ? targets : [targets]
  const connections = options.connections ?? 10
  let mismatches = 0
  let firstMismatch: string | undefined
  const xCache: Record<string, number> = {}
  const result = await autocannon({
    url,
    connections,
    pipelining: 1,
    duration: options.duration ?? 10,
    // Not `amount`, which would override `duration`: this caps the count and keeps the clock.
    ...(options.amount !== undefined && { maxOverallRequests: Math.max(options.amount, connections) }),
    timeout: options.timeout ?? 10,
    requests: list.map((target) => ({
      method: target.method,
      path: target.path,
      headers: target.headers,
      body: target.body,
      onResponse: (status: number, body: string, _context: object, headers: IncomingHttpHeaders = {}) => {
        // autocannon passes the raw header names, as the server wrote them.
        const cache = Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-cache')?.[1]
        if (typeof cache === 'string') xCache[cache.toUpperCase()] = (xCache[cache.toUpperCase()] ?? 0) + 1
        if (status >= 200 && status < 300 && !target.expect(body)) {
          mismatches++
          firstMismatch ??= `${target.name}: ${body.slice(0, 300)}`
        }
      },
    })),
  })
  if (firstMismatch) process.stderr.write(`load: ${mismatches} unexpected response bodies, the first: ${firstMismatch}\n`)
  const requests = result.requests.total
  return {
    target: list.map((t) => t.name).join('+'),
    requestsPerSecond: result.duration > 0 ? requests / result.duration : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon's `errors` already counts timeouts.
    errors: result.errors + result.non2xx + mismatches,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches,
    requests,
    seconds: result.duration,
    xCache,
  }
}

/**
 * `NODE_OPTIONS` for `spawnServer` (the app's own, plus `--expose-gc` and a
 * handler that runs a full garbage collection on SIGUSR2), so `collectGarbage` can take RSS
 * readings without the garbage the last run left: under load V8 lets the heap grow by about a
 * fifth before a major collection, which makes a raw reading land anywhere on that sawtooth.
 */
export const GC_NODE_OPTIONS = `${SERVER_NODE_OPTIONS} --expose-gc --import=data:text/javascript,process.on('SIGUSR2',()=>{globalThis.gc();console.error('[load]gc')})`

/**
 * A full garbage collection in a server started with `GC_NODE_OPTIONS`; resolves when it is done
 * and `settleMs` later (V8 hands freed pages back to the system from a background task).
 */
export const collectGarbage = async (server: RunningServer, settleMs = 1000): Promise<void> => {
  const count = () => server.stderr().split('[load]gc\n').length
  const before = count()
  server.child.kill('SIGUSR2')
  const deadline = Date.now() + 30_000
  while (count() === before) {
    if (Date.now() > deadline) throw new Error('no full GC within 30 s: was the server started with GC_NODE_OPTIONS?')
    await sleep(50)
  }
  await sleep(settleMs)
}

/** Resident memory of a process in MB (VmRSS from /proc, Linux only). */
export const rssOf = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(kb[1]) / 1024
}

export type Rss = { raw: number; gc: number }

/** A server's RSS in MB as it is, then after a full GC (a server started with `GC_NODE_OPTIONS`). */
export const readRss = async (server: RunningServer): Promise<Rss> => {
  const raw = rssOf(server.child.pid!)
  await collectGarbage(server)
  return { raw, gc: rssOf(server.child.pid!) }
}

/** Rows for `printTable` / `console.table`: target, req/s, p50 ms, p99 ms, errors, requests. */
export const loadRows = (results: LoadResult[]): string[][] => [
  ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'requests'],
  ...results.map((r) => [r.target, r.requestsPerSecond.toFixed(1), r.p50.toFixed(0), r.p99.toFixed(0), String(r.errors), String(r.requests)]),
]
