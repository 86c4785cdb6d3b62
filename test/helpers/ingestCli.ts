import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

import type { TestApp } from './payload'

export type CliRun = { code: number; stdout: string; stderr: string }

/** `npx payload ingest <args>` against the test app's database, as `npm run ingest` runs it. */
export const ingestCli = (app: TestApp, ...args: string[]): Promise<CliRun> =>
  promisify(execFile)('npx', ['payload', 'ingest', ...args], {
    env: { ...process.env, DATABASE_URI: app.db.uri, NODE_OPTIONS: '--no-deprecation --conditions=production' },
    timeout: 120_000,
  }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (failed: CliRun) => failed,
  )

/** The CLI's summary line: "N files in S s: … created, … updated, … unchanged, … stale, … failed". */
export const summaryOf = (stdout: string) => stdout.split('\n').find((line) => /files in/.test(line)) ?? stdout
