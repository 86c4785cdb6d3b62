import type { SanitizedConfig } from 'payload'

import { SingleBar } from 'cli-progress'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { getPayload } from 'payload'

import { closeDatabase } from '../database'
import { createIngester, INGEST_DEFAULTS, type IngestOutcome } from './ingest'
import { IngestError, tooLarge } from './types'

const USAGE = `Usage: npm run ingest -- [options] <file or folder>...

Ingests wire copy: plain wire pages (.txt), NITF (.xml) and ninjs (.json), folders recursively.
A story already stored as it is comes back unchanged; an older version of a stored story (by
the wire's version time) is stale. Neither writes anything. A kill (ninjs pubstatus canceled,
NITF management-status, a KILL/WITHDRAWN page) withdraws the story it names; a kill of a story
not held is listed and writes nothing.

Options:
  --site <domain|id>   site whose sections the stories are filed in, when a name is in several
  --draft              save every story as a draft
  --max-size <MB>      largest file accepted (default ${INGEST_DEFAULTS.maxBytes / 1024 / 1024})
  --timeout <s>        time allowed per file (default ${INGEST_DEFAULTS.timeoutMs / 1000})
  -h, --help           show this help`

const STORY_FILE = /\.(txt|text|xml|nitf|json)$/i

/** The story files under the given paths, recursively, in a stable order. */
const storyFiles = async (paths: string[]): Promise<string[]> => {
  const files: string[] = []
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined)
    if (!info) throw new IngestError(`no such file or folder: ${given}`)
    if (info.isFile()) files.push(given)
    else {
      const entries = await readdir(given, { recursive: true, withFileTypes: true })
      files.push(
        ...entries
          .filter((entry) => entry.isFile() && STORY_FILE.test(entry.name) && !entry.name.startsWith('.'))
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort(),
      )
    }
  }
  return files
}

const number = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || parsed <= 0) throw new IngestError(`--${name} must be a positive number, not "${value}"`)
  return parsed
}

type Counts = Record<'failed' | IngestOutcome, number>

/** `payload ingest` (`npm run ingest -- <files or folders>`). Exits 1 when any file failed. */
export const script = async (config: SanitizedConfig): Promise<void> => {
  let exitCode = 0
  try {
    exitCode = await run(config, process.argv.slice(process.argv.indexOf('ingest') + 1))
  } catch (error) {
    console.error(error instanceof IngestError ? `ingest: ${error.message}\n\n${USAGE}` : error)
    exitCode = 2
  }
  // The PostgreSQL pool may never settle; the summary is out, so leave now.
  process.exit(exitCode)
}

const run = async (config: SanitizedConfig, args: string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      site: { type: 'string' },
      draft: { type: 'boolean' },
      'max-size': { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (positionals.length === 0) throw new IngestError('name at least one file or folder')
  const maxMb = number(values['max-size'], 'max-size')
  const timeoutS = number(values.timeout, 'timeout')
  const files = await storyFiles(positionals)

  const maxBytes = maxMb === undefined ? INGEST_DEFAULTS.maxBytes : maxMb * 1024 * 1024

  const payload = await getPayload({ config })
  const ingester = createIngester(payload, {
    site: values.site,
    draft: values.draft,
    maxBytes,
    timeoutMs: timeoutS && timeoutS * 1000,
  })
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, stale: 0, killed: 0, 'kill-unknown': 0, failed: 0 }
  const failures: string[] = []
  const kills: string[] = []
  const unknownKills: string[] = []
  const reviews: string[] = []
  const stale: string[] = []
  const notes: string[] = []
  const bar = new SingleBar({
    format: 'Ingesting [{bar}] {value}/{total} {file}',
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: false,
  })
  const started = performance.now()
  bar.start(files.length, 0, { file: '' })
  for (const file of files) {
    bar.update({ file: path.basename(file) })
    const deadline = ingester.deadline()
    try {
      // Refuse an oversized file by its size, before reading it.
      const { size } = await stat(file)
      if (size > maxBytes) throw tooLarge(maxBytes, size)
      const result = await ingester.receive({ bytes: await readFile(file), filename: file }, deadline)
      counts[result.outcome]++
      // Only what this run wrote is listed for review: an unchanged or stale file was listed when it was written.
      const written = result.outcome === 'created' || result.outcome === 'updated'
      if (written && result.review) reviews.push(`  ${file}: ${result.review}`)
      if (result.outcome === 'killed') kills.push(`  ${file}: "${result.article.headline}" (id ${result.article.id}) withdrawn, ${result.kill?.signal}`)
      if (result.outcome === 'kill-unknown') unknownKills.push(`  ${file}: ${result.kill.signal} names ${result.kill.named}, which is not held; nothing written`)
      if (result.outcome === 'unchanged' && result.kill) kills.push(`  ${file}: "${result.article.headline}" (id ${result.article.id}) already withdrawn`)
      if (written || result.kill) notes.push(...result.notes.map((note) => `  ${file}: ${note}`))
      if (result.versions) stale.push(`  ${file}: version of ${result.versions.received}, older than the stored ${result.versions.stored}`)
    } catch (error) {
      // SQLite has one writer: let a timed-out write roll back before the next file.
      if (error instanceof IngestError) await error.rolledBack
      counts.failed++
      failures.push(`  ${file}: ${error instanceof Error ? error.message : String(error)}`)
    }
    bar.increment()
  }
  bar.stop()
  await closeDatabase(payload).catch(() => undefined)

  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const summary = [
    `${files.length} files in ${seconds} s: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.stale} stale, ${
      // Kills, apart from the stories, when there were any.
      counts.killed || counts['kill-unknown'] || kills.length ? `${counts.killed} killed, ${counts['kill-unknown']} kills of stories not held, ` : ''
    }${counts.failed} failed`,
  ]
  if (kills.length) summary.push(`Kills (${kills.length}):`, ...kills)
  if (unknownKills.length) summary.push(`Kills of stories not held (${unknownKills.length}):`, ...unknownKills)
  if (reviews.length) summary.push(`Saved as drafts for review (${reviews.length}):`, ...reviews)
  if (notes.length) summary.push(`Notes (${notes.length}):`, ...notes)
  if (stale.length) summary.push(`Stale, older than the stored version (${stale.length}):`, ...stale)
  if (failures.length) summary.push(`Failed (${failures.length}):`, ...failures)
  console.log(summary.join('\n'))
  return counts.failed ? 1 : 0
}
