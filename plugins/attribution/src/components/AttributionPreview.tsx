'use client'

import { useConfig, useFormFields, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useState } from 'react'

import type { AttributionPreviewProps } from '../fields/preview.ts'
import type { Attribution } from '../types.ts'

import { translate } from '../translations/translate.ts'
import { idOf } from '../utilities/idOf.ts'
import './AttributionPreview.css'

const DEBOUNCE_MS = 300
const baseClass = 'attribution-preview'

type State =
  | { status: 'error'; message: string; attribution?: Attribution }
  | { status: 'loading'; attribution?: Attribution }
  | { status: 'ready'; attribution: Attribution }

const isoDate = (value: unknown): string | undefined => {
  if (!value || (typeof value !== 'string' && !(value instanceof Date))) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** The endpoint's own messages, or the status when it sent none. */
const errorMessages = async (response: Response): Promise<null | string> => {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] }
    const messages = (body.errors ?? []).map((e) => e.message).filter(Boolean)
    if (messages.length) return messages.join(' ')
  } catch {
    // not JSON: fall back to the status
  }
  return null
}

export const AttributionPreview = ({
  collection,
  sourceField = 'source',
  additionalSourcesField = 'additionalSources',
  bylineField = 'byline',
  publishedAtField = 'publishedAt',
  datelineField = 'dateline',
  wireRightsField = false,
  siteField,
}: Partial<AttributionPreviewProps>) => {
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const { t } = useTranslation()

  // A string, so the panel re-renders only when what it sends changes, not on every keystroke elsewhere.
  const body = useFormFields(([fields]) => {
    const source = idOf(fields[sourceField]?.value)
    const additional = fields[additionalSourcesField]?.value
    const additionalIds = (Array.isArray(additional) ? additional : [additional]).map(idOf).filter((id) => id !== null)
    const byline = bylineField ? fields[bylineField]?.value : undefined
    const holder = wireRightsField ? fields[`${wireRightsField}.holder`]?.value : undefined
    return JSON.stringify({
      collection,
      source,
      additionalSources: additionalIds,
      byline: typeof byline === 'string' ? byline : undefined,
      publishedAt: publishedAtField ? isoDate(fields[publishedAtField]?.value) : undefined,
      dateline: datelineField
        ? { date: isoDate(fields[`${datelineField}.date`]?.value), place: fields[`${datelineField}.place`]?.value ?? undefined }
        : undefined,
      ...(typeof holder === 'string' && holder && { wireRights: { holder } }),
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
          const message = (await errorMessages(response)) ?? translate(t, 'preview-failed', { status: response.status })
          if (!controller.signal.aborted) setState((previous) => ({ status: 'error', message, attribution: previous.attribution }))
          return
        }
        const attribution = (await response.json()) as Attribution
        if (!controller.signal.aborted) setState({ status: 'ready', attribution })
      } catch (error) {
        if (controller.signal.aborted) return
        const message = error instanceof Error ? error.message : String(error)
        setState((previous) => ({ status: 'error', message: translate(t, 'preview-failedWith', { message }), attribution: previous.attribution }))
      }
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, serverURL, body, at, t])

  const { attribution } = state

  return (
    <div
      className={`field-type ${baseClass}`}
      data-testid="attribution-preview"
      data-status={state.status}
      aria-busy={state.status === 'loading'}
    >
      <div className={`${baseClass}__header`}>
        <h4 className={`${baseClass}__heading`}>{translate(t, 'preview-heading')}</h4>
        {state.status === 'loading' && (
          <span className={`${baseClass}__loading`} data-testid="attribution-loading" role="status">
            {translate(t, attribution ? 'preview-updating' : 'preview-loading')}
          </span>
        )}
      </div>
      <label className={`${baseClass}__as-of`}>
        <span>{translate(t, 'preview-asOf')}</span>
        <input
          data-testid="attribution-as-of"
          onChange={(event) => setAsOf(event.target.value)}
          type="datetime-local"
          value={asOf}
        />
        {asOf && (
          <button className={`${baseClass}__now`} onClick={() => setAsOf('')} type="button">
            {translate(t, 'preview-now')}
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
            <dt>{translate(t, 'preview-credit')}</dt>
            <dd data-testid="attribution-credit">{attribution.credit}</dd>
            <dt>{translate(t, 'preview-byline')}</dt>
            <dd data-testid="attribution-byline">{attribution.byline}</dd>
            <dt>{translate(t, 'preview-copyright')}</dt>
            <dd data-testid="attribution-copyright">
              {attribution.copyrightHolder === null
                ? translate(t, 'preview-publicDomain')
                : `© ${attribution.copyrightYear} ${attribution.copyrightHolder}`}
            </dd>
            <dt>{translate(t, 'preview-license')}</dt>
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
