import http from 'node:http'
import https from 'node:https'

import { checkLiteral, guardedLookup, parseTarget } from './ssrf'

/** A receiver has this long to answer (connect, send, respond) before the attempt counts as failed. */
export const TIMEOUT_MS = 10_000

/** Of the answer only this much is read (and thrown away): the status is what counts. */
const MAX_READ = 4096

export type Outcome = { ok: boolean; statusCode?: number; error?: string; ms: number }

/**
 * POSTs `body` to `target` with `headers`, connecting only to addresses the SSRF guard allows (the
 * address resolved at connect time, not the one checked when the webhook was saved). A 2xx answer
 * is a delivery; anything else (another status, a refused or failed connection, a timeout) is not.
 * Never throws.
 */
export const post = (target: string, body: string, headers: Record<string, string>): Promise<Outcome> => {
  const started = Date.now()
  const done = (outcome: Omit<Outcome, 'ms'>): Outcome => ({ ...outcome, ms: Date.now() - started })
  return new Promise((resolve) => {
    let url: URL
    try {
      url = parseTarget(target)
      checkLiteral(url)
    } catch (error) {
      resolve(done({ ok: false, error: (error as Error).message }))
      return
    }
    const client = url.protocol === 'https:' ? https : http
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'Wirehouse-Webhooks/1', ...headers },
        lookup: guardedLookup as never,
        timeout: TIMEOUT_MS,
        // No keep-alive pool: one connection per attempt, each resolved and checked.
        agent: false,
      },
      (response) => {
        let read = 0
        response.on('data', (chunk: Buffer) => {
          read += chunk.length
          if (read > MAX_READ) response.destroy()
        })
        const finish = () => {
          const statusCode = response.statusCode ?? 0
          const ok = statusCode >= 200 && statusCode < 300
          resolve(done({ ok, statusCode, ...(!ok && { error: `the receiver answered ${statusCode}` }) }))
        }
        response.on('end', finish)
        response.on('close', finish)
        response.on('error', finish)
      },
    )
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)
    deadline.unref()
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)))
    request.on('error', (error) => resolve(done({ ok: false, error: error.message })))
    request.on('close', () => clearTimeout(deadline))
    request.end(body)
  })
}
