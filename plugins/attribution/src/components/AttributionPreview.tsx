'use client'

import { useConfig, useFormFields } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useState } from 'react'

import type { AttributionPreviewProps } from '../fields/preview.ts'
import type { Attribution, Id } from '../types.ts'

import './AttributionPreview.css'

const DEBOUNCE_MS = 300
const baseClass = 'attribution-preview'

type State =
  | { status: 'error'; message: string; attribution?: Attribution }
  | { status: 'loading'; attribution?: Attribution }
  | { status: 'ready'; attribution: Attribution }

/** A relationship form value: an id, `{ relationTo, value }`, a populated document, or empty. */
const idOf = (ref: unknown): Id | null => {
  if (ref === null || ref === undefined || ref === '') return null
  if (typeof ref === 'string' || typeof ref === 'number') return ref
  if (typeof ref === 'object') {
    if ('value' in ref) return idOf(ref.value)
    if ('id' in ref) return idOf(ref.id)
  }
  return null
}

const isoDate = (value: unknown): string | undefined => {
  if (!value || (typeof value !== 'string' && !(value instanceof Date))) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

const errorMessage = async (response: Response): Promise<string> => {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] }
    const messages = (body.errors ?? []).map((e) => e.message).filter(Boolean)
    if (messages.length) return messages.join(' ')
  } catch {
    // not JSON: fall back to the status
  }
  return `The preview failed (HTTP ${response.status}).`
}

export const AttributionPreview = ({
  sourceField = 'source',
  additionalSourcesField = 'additionalSources',
  bylineField = 'byline',
  siteField,
}: Partial<AttributionPreviewProps>) => {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()

  // A string, so the panel re-renders only when what it sends changes, not on every keystroke elsewhere.
  const body = useFormFields(([fields]) => {
    const source = idOf(fields[sourceField]?.value)
    const additional = fields[additionalSourcesField]?.value
    const additionalIds = (Array.isArray(additional) ? additional : [additional]).map(idOf).filter((id) => id !== null)
    const byline = fields[bylineField]?.value
    return JSON.stringify({
      source,
      additionalSources: additionalIds,
      byline: typeof byline === 'string' ? byline : undefined,
      publishedAt: isoDate(fields.publishedAt?.value),
      dateline: { date: isoDate(fields['dateline.date']?.value), place: fields['dateline.place']?.value ?? undefined },
      ...(siteField && { [siteField]: idOf(fields[siteField]?.value) }),
    })
  })

  const [state, setState] = useState<State>({ status: 'loading' })
  // "As of": a local date-time; empty means now.
  const [asOf, setAsOf] = useState('')
  const at = asOf && !Number.isNaN(new Date(asOf).getTime()) ? new Date(asOf).toISOString() : undefined

  useEffect(() => {
    const controller = new AbortController()
    setState((previous) => ({ status: 'loading', attribution: previous.attribution }))
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(formatAdminURL({ apiRoute: api, serverURL, path: '/attribution/preview' }), {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: at ? JSON.stringify({ ...JSON.parse(body), at }) : body,
          signal: controller.signal,
        })
        if (!response.ok) {
          const message = await errorMessage(response)
          if (!controller.signal.aborted) setState((previous) => ({ status: 'error', message, attribution: previous.attribution }))
          return
        }
        const attribution = (await response.json()) as Attribution
        if (!controller.signal.aborted) setState({ status: 'ready', attribution })
      } catch (error) {
        if (controller.signal.aborted) return
        const message = error instanceof Error ? error.message : String(error)
        setState((previous) => ({ status: 'error', message: `The preview failed: ${message}`, attribution: previous.attribution }))
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, serverURL, body, at])

  const { attribution } = state

  return (
    <div
      className={`field-type ${baseClass}`}
      data-testid="attribution-preview"
      data-status={state.status}
      aria-busy={state.status === 'loading'}
    >
      <div className={`${baseClass}__header`}>
        <h4 className={`${baseClass}__heading`}>Attribution</h4>
        {state.status === 'loading' && (
          <span className={`${baseClass}__loading`} data-testid="attribution-loading" role="status">
            {attribution ? 'Updating…' : 'Loading…'}
          </span>
        )}
      </div>
      <label className={`${baseClass}__as-of`}>
        <span>As of</span>
        <input
          data-testid="attribution-as-of"
          onChange={(event) => setAsOf(event.target.value)}
          type="datetime-local"
          value={asOf}
        />
        {asOf && (
          <button className={`${baseClass}__now`} onClick={() => setAsOf('')} type="button">
            now
          </button>
        )}
      </label>
      {state.status === 'error' && (
        <p className={`${baseClass}__error`} data-testid="attribution-error" role="alert">
          {state.message}
        </p>
      )}
      {attribution && (
        <div className={`${baseClass}__body`}>
          {attribution.warnings.length > 0 && (
            <ul className={`${baseClass}__warnings`}>
              {attribution.warnings.map((warning) => (
                <li className={`${baseClass}__warning`} data-testid="attribution-warning" key={warning}>
                  {warning}
                </li>
              ))}
            </ul>
          )}
          <dl className={`${baseClass}__facts`}>
            <dt>Credit</dt>
            <dd data-testid="attribution-credit">{attribution.credit}</dd>
            <dt>Byline</dt>
            <dd data-testid="attribution-byline">{attribution.byline}</dd>
            <dt>Copyright</dt>
            <dd data-testid="attribution-copyright">
              {attribution.copyrightHolder === null
                ? 'Public domain'
                : `© ${attribution.copyrightYear} ${attribution.copyrightHolder}`}
            </dd>
            <dt>License</dt>
            <dd data-testid="attribution-license">{attribution.license}</dd>
          </dl>
          {attribution.notices.length > 0 && (
            <ol className={`${baseClass}__notices`}>
              {attribution.notices.map((notice) => (
                <li
                  className={`${baseClass}__notice`}
                  data-kind={notice.kind}
                  data-testid="attribution-notice"
                  key={String(notice.id)}
                >
                  <strong className={`${baseClass}__notice-title`}>{notice.title}</strong>
                  <p className={`${baseClass}__notice-text`}>{notice.text}</p>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  )
}
