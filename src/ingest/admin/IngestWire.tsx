'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import { useRef, useState } from 'react'

import './IngestWire.scss'

const baseClass = 'ingest-wire'

const CONTENT_TYPES: Record<string, string> = { txt: 'text/plain', xml: 'application/xml', json: 'application/json' }

type Result = { file: string; ok: boolean; message: string; id?: number | string }

/** What the endpoint answered, as one line. */
const describe = async (file: File, response: Response): Promise<Result> => {
  const body = (await response.json().catch(() => ({}))) as {
    doc?: { id: number | string }
    errors?: { message?: string }[]
    message?: string
  }
  if (response.ok) return { file: file.name, ok: true, message: body.message ?? 'Ingested.', id: body.doc?.id }
  const message = body.errors?.map((e) => e.message).join(' ') || `HTTP ${response.status}`
  return { file: file.name, ok: false, message }
}

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
            (error: Error) => ({ file: file.name, ok: false, message: error.message }),
          )
        : { file: file.name, ok: false, message: 'Not a wire file: expected .txt, .xml or .json.' }
      done.push(result)
      setResults([...done])
    }
    setProgress(null)
    router.refresh()
  }

  const failed = results.filter((r) => !r.ok).length
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
            ? `${results.length - failed} ingested, ${failed} failed.`
            : 'Plain wire pages (.txt), NITF (.xml) or ninjs (.json).'}
      </span>
      {results.length > 0 && (
        <ul className={`${baseClass}__results`}>
          {results.map((result, index) => (
            <li className={`${baseClass}__result ${baseClass}__result--${result.ok ? 'ok' : 'failed'}`} key={`${index}-${result.file}`}>
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
