'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import { useRef, useState } from 'react'

import type { IngestOutcome } from '../ingest'

import './IngestWire.scss'

const baseClass = 'ingest-wire'

const CONTENT_TYPES: Record<string, string> = { txt: 'text/plain', xml: 'application/xml', json: 'application/json' }

/** The endpoint's outcomes, and `failed` for an error answer. */
type Outcome = 'failed' | IngestOutcome
type Result = { file: string; outcome: Outcome; message: string; id?: number | string }

/** What the endpoint answered, as one line. */
const describe = async (file: File, response: Response): Promise<Result> => {
  const body = (await response.json().catch(() => ({}))) as {
    doc?: null | { id: number | string }
    errors?: { message?: string }[]
    message?: string
    outcome?: Outcome
  }
  if (response.ok) return { file: file.name, outcome: body.outcome ?? 'created', message: body.message ?? 'Ingested.', id: body.doc?.id }
  const message = body.errors?.map((e) => e.message).join(' ') || `HTTP ${response.status}`
  return { file: file.name, outcome: 'failed', message }
}

/** "3 ingested, 1 unchanged, 1 stale, 1 withdrawn by a kill, 0 failed": written files, then each other outcome that occurred, then failures. */
const tally = (results: Result[]) => {
  const count = (...outcomes: Outcome[]) => results.filter((r) => outcomes.includes(r.outcome)).length
  const [unchanged, stale, killed, unknown] = [count('unchanged'), count('stale'), count('killed'), count('kill-unknown')]
  return [
    `${count('created', 'updated')} ingested`,
    unchanged && `${unchanged} unchanged`,
    stale && `${stale} stale (older than the stored version)`,
    killed && `${killed} withdrawn by a kill`,
    unknown && `${unknown} kill${unknown === 1 ? '' : 's'} of stories not held`,
    `${count('failed')} failed.`,
  ]
    .filter(Boolean)
    .join(', ')
}

/** `--ok` or `--failed`, and the outcome's own modifier (`--stale`, `--unchanged`, …). */
const classesOf = ({ outcome }: Result) =>
  [...new Set(['', outcome === 'failed' ? '--failed' : '--ok', `--${outcome}`])].map((modifier) => `${baseClass}__result${modifier}`).join(' ')

/**
 * Above the articles list: pick wire files (plain pages, NITF, ninjs) and ingest them one by
 * one through `POST /api/articles/ingest`, with progress and a line per file.
 */
export const IngestWire = () => {
  const {
    config: {
      routes: { admin, api },
      serverURL,
    },
  } = useConfig()
  const router = useRouter()
  const input = useRef<HTMLInputElement>(null)
  const [results, setResults] = useState<Result[]>([])
  const [progress, setProgress] = useState<null | { done: number; total: number }>(null)

  const ingest = async (files: File[]) => {
    setResults([])
    const done: Result[] = []
    for (const [index, file] of files.entries()) {
      setProgress({ done: index, total: files.length })
      const type = CONTENT_TYPES[file.name.split('.').pop()?.toLowerCase() ?? '']
      const result = type
        ? await fetch(`${serverURL ?? ''}${api}/articles/ingest`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'Content-Type': type },
            body: file,
          }).then(
            (response) => describe(file, response),
            (error: Error): Result => ({ file: file.name, outcome: 'failed', message: error.message }),
          )
        : ({ file: file.name, outcome: 'failed', message: 'Not a wire file: expected .txt, .xml or .json.' } satisfies Result)
      done.push(result)
      setResults([...done])
    }
    setProgress(null)
    router.refresh()
  }

  return (
    <div className={baseClass}>
      <input
        accept=".txt,.xml,.json"
        aria-label="Wire files"
        hidden
        multiple
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [])
          event.target.value = ''
          if (files.length) void ingest(files)
        }}
        ref={input}
        type="file"
      />
      <Button buttonStyle="secondary" disabled={progress !== null} onClick={() => input.current?.click()} size="small">
        Ingest wire copy
      </Button>
      <span className={`${baseClass}__status`} role="status">
        {progress
          ? `Ingesting ${progress.done + 1} of ${progress.total}…`
          : results.length
            ? tally(results)
            : 'Plain wire pages (.txt), NITF (.xml) or ninjs (.json).'}
      </span>
      {results.length > 0 && (
        <ul className={`${baseClass}__results`}>
          {results.map((result, index) => (
            <li className={classesOf(result)} key={`${index}-${result.file}`}>
              <strong>{result.file}</strong>:{' '}
              {result.id !== undefined ? (
                <a href={formatAdminURL({ adminRoute: admin, path: `/collections/articles/${result.id}`, serverURL: undefined })}>{result.message}</a>
              ) : (
                result.message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
