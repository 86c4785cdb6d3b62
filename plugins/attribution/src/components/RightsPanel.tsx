'use client'

import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useEffect, useState } from 'react'

import type { LifecycleAction } from '../endpoints/lifecycle.ts'
import type { RightsPanelProps } from '../fields/lifecycle.ts'
import type { Availability } from '../types.ts'

import { translate } from '../translations/translate.ts'
import { AvailabilityBadge } from './AvailabilityBadge.tsx'
import './Rights.css'

const baseClass = 'rights-panel'

/** What `GET /api/<collection>/:id/lifecycle` answers. */
type Status = {
  availability: Availability | null
  embargoUntil: null | string
  withdrawn: null | { at: string; reason: string; message?: null | string; by: null | { id: number | string; email: null | string } }
  actions: LifecycleAction[]
}

const MANUAL = ['manual', 'expired'] as const

/**
 * Rights in the edit view's sidebar: where the story stands for readers (the badge, the
 * withdrawal's message and who withdrew it) and, for whom the server allows, Withdraw (with a
 * reason and a message) or Restore. An action calls its endpoint and reloads the document.
 */
export const RightsPanel = ({ collection }: RightsPanelProps) => {
  const { id, savedDocumentData } = useDocumentInfo()
  const {
    config: { routes, serverURL },
  } = useConfig()
  const { i18n, t } = useTranslation()
  const [status, setStatus] = useState<null | Status>(null)
  const [error, setError] = useState<null | string>(null)
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState<(typeof MANUAL)[number]>('manual')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  const url = useCallback(
    (path: string) => formatAdminURL({ apiRoute: routes.api, serverURL, path: `/${collection}/${id}${path}` as `/${string}` }),
    [routes.api, serverURL, collection, id],
  )

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    fetch(url('/lifecycle'), { credentials: 'include', signal: controller.signal, headers: { 'Accept-Language': i18n.language } })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
        setStatus(body as Status)
      })
      .catch((err: Error) => !controller.signal.aborted && setError(err.message))
    return () => controller.abort()
    // A save may set or clear the embargo: ask again.
  }, [id, url, savedDocumentData, i18n.language])

  const act = async (action: LifecycleAction) => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(url(`/${action}`), {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': i18n.language },
        body: JSON.stringify(action === 'withdraw' ? { reason, ...(message.trim() && { message }) } : {}),
      })
      const body = await response.json()
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
      // The document changed on the server (a version more): show it as it is now.
      window.location.reload()
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }

  if (!id) return null
  const withdrawn = Boolean(status?.withdrawn?.at)
  const canWithdraw = Boolean(status?.actions.includes('withdraw')) && !withdrawn
  const canRestore = Boolean(status?.actions.includes('restore')) && withdrawn
  return (
    <div aria-busy={busy} className={`field-type ${baseClass}`} data-testid="rights-panel">
      <div className={`${baseClass}__header`}>
        <h4 className={`${baseClass}__heading`}>{translate(t, 'rights-heading')}</h4>
        <AvailabilityBadge availability={status?.availability} />
      </div>
      {error && (
        <p className={`${baseClass}__error`} role="alert">
          {error}
        </p>
      )}
      {!status && !error && <p role="status">{translate(t, 'rights-loading')}</p>}
      {status?.withdrawn && (
        <>
          {status.withdrawn.message && (
            <blockquote className={`${baseClass}__message`} data-testid="rights-message">
              {status.withdrawn.message}
            </blockquote>
          )}
          <p data-testid="rights-by">
            {status.withdrawn.by
              ? translate(t, 'rights-withdrawnBy', { who: status.withdrawn.by.email ?? String(status.withdrawn.by.id) })
              : translate(t, 'rights-withdrawnByWire')}
          </p>
        </>
      )}
      {canWithdraw && !asking && (
        <div className={`${baseClass}__buttons`}>
          <button className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => setAsking(true)} type="button">
            {translate(t, 'rights-withdraw')}
          </button>
        </div>
      )}
      {canWithdraw && asking && (
        <div className={`${baseClass}__form`}>
          <label htmlFor="rights-reason">{translate(t, 'rights-reason')}</label>
          <select id="rights-reason" onChange={(e) => setReason(e.target.value as (typeof MANUAL)[number])} value={reason}>
            {MANUAL.map((value) => (
              <option key={value} value={value}>
                {translate(t, `withdrawReason-${value}`)}
              </option>
            ))}
          </select>
          <label htmlFor="rights-message-input">{translate(t, 'rights-message')}</label>
          <textarea id="rights-message-input" maxLength={2000} onChange={(e) => setMessage(e.target.value)} rows={3} value={message} />
          <div className={`${baseClass}__buttons`}>
            <button className="btn btn--style-primary btn--size-small" disabled={busy} onClick={() => act('withdraw')} type="button">
              {translate(t, 'rights-confirmWithdraw')}
            </button>
            <button className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => setAsking(false)} type="button">
              {translate(t, 'rights-cancel')}
            </button>
          </div>
        </div>
      )}
      {canRestore && (
        <div className={`${baseClass}__buttons`}>
          <button className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => act('restore')} type="button">
            {translate(t, 'rights-restore')}
          </button>
        </div>
      )}
    </div>
  )
}
