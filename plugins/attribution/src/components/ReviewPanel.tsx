'use client'

import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useEffect, useState } from 'react'

import type { ReviewPanelProps } from '../fields/reviewPanel.ts'

import { translate, type TranslationKey } from '../translations/translate.ts'
import './AttributionPreview.css'

const baseClass = 'attribution-preview'

type Who = null | number | string | { id: number | string; email?: string }
type Status = {
  actions: ('approve' | 'reject' | 'submit')[]
  canSubmitChange?: boolean
  canUnpublish?: boolean
  status?: string
  review: {
    state?: null | string
    comment?: null | string
    unpublish?: boolean
    bypass?: boolean
    reviewedAt?: null | string
    reviewedBy?: Who
    [key: string]: unknown
  }
}

const nameOf = (who: unknown) => (who && typeof who === 'object' ? String((who as { email?: string }).email ?? (who as { id: unknown }).id) : String(who))

/**
 * The review of a notice or of a source's rights in the edit view's sidebar: where it stands, who
 * submitted and who decided it and when, and the actions the signed-in user may take (the server
 * says which, asked again after each save). An action calls its endpoint and reloads the document.
 */
export const ReviewPanel = ({ by, at, collection }: ReviewPanelProps) => {
  const { id, savedDocumentData } = useDocumentInfo()
  const {
    config: { routes, serverURL },
  } = useConfig()
  const { i18n, t } = useTranslation()
  const [status, setStatus] = useState<null | Status>(null)
  const [error, setError] = useState<null | string>(null)
  const [comment, setComment] = useState('')
  const [unpublish, setUnpublish] = useState(false)
  const [busy, setBusy] = useState(false)

  const url = useCallback(
    (path: string) => formatAdminURL({ apiRoute: routes.api, serverURL, path: `/${collection}/${id}/review${path}` as `/${string}` }),
    [routes.api, serverURL, collection, id],
  )

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    fetch(url(''), { credentials: 'include', signal: controller.signal })
      .then(async (response) => {
        const body = await response.json()
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
        setStatus(body as Status)
      })
      .catch((err: Error) => !controller.signal.aborted && setError(err.message))
    return () => controller.abort()
    // A save may leave something new to submit, or void a submission: ask again.
  }, [id, url, savedDocumentData])

  const act = async (action: 'approve' | 'reject' | 'submit') => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(url(`/${action}`), {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': i18n.language },
        body: JSON.stringify({ comment: comment || undefined, ...(action === 'submit' && (unpublish || onlyUnpublish) && { unpublish: true }) }),
      })
      const body = await response.json()
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
      window.location.reload()
    } catch (err) {
      setError((err as Error).message)
      setBusy(false)
    }
  }

  if (!id) return null
  const review = status?.review ?? {}
  const state = review.state ?? 'draft'
  const when = (value: unknown) => (value ? new Date(value as string).toLocaleString(i18n.language) : '')
  const actions = status?.actions ?? []
  // A published notice with no change to submit can still be submitted for unpublishing.
  const onlyUnpublish = Boolean(status?.canUnpublish && !status.canSubmitChange)
  return (
    <div className={`field-type ${baseClass}`} data-testid="review-panel" aria-busy={busy}>
      <div className={`${baseClass}__header`}>
        <h4 className={`${baseClass}__heading`}>{translate(t, 'review-heading')}</h4>
        <strong data-testid="review-state">{translate(t, `reviewState-${state}` as TranslationKey)}</strong>
      </div>
      {error && (
        <p className={`${baseClass}__error`} role="alert">
          {error}
        </p>
      )}
      {!status && !error && <p role="status">{translate(t, 'preview-loading')}</p>}
      {Boolean(review[by]) && (
        <p data-testid="review-submitted">
          {translate(t, review.unpublish ? 'review-submittedUnpublish' : 'review-submitted', { who: nameOf(review[by]), at: when(review[at]) })}
        </p>
      )}
      {Boolean(review.reviewedBy) && (state === 'approved' || state === 'rejected') && (
        <p data-testid="review-decided">
          {translate(t, review.bypass ? 'review-approvedAlone' : state === 'approved' ? 'review-approved' : 'review-rejected', {
            who: nameOf(review.reviewedBy),
            at: when(review.reviewedAt),
          })}
        </p>
      )}
      {review.comment && <blockquote data-testid="review-comment">{review.comment}</blockquote>}
      {actions.length > 0 && (
        <div className={`${baseClass}__body`}>
          <label htmlFor="review-comment-input">{translate(t, 'review-commentLabel')}</label>
          <textarea id="review-comment-input" onChange={(e) => setComment(e.target.value)} rows={3} style={{ width: '100%' }} value={comment} />
          {status?.canUnpublish && actions.includes('submit') && (
            <label>
              <input
                checked={unpublish || onlyUnpublish}
                disabled={onlyUnpublish}
                onChange={(e) => setUnpublish(e.target.checked)}
                type="checkbox"
              />{' '}
              {translate(t, 'review-askUnpublish')}
            </label>
          )}
          <div style={{ display: 'flex', gap: 'calc(var(--base) * 0.5)', marginTop: 'calc(var(--base) * 0.5)' }}>
            {actions.map((action) => (
              <button className="btn btn--style-secondary btn--size-small" disabled={busy} key={action} onClick={() => act(action)} type="button">
                {translate(t, `review-${action}`)}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  )
}
