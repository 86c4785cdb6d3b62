'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useState } from 'react'

import type { NoticeReachProps } from '../fields/reach.ts'

import './AttributionPreview.css'

const baseClass = 'attribution-preview'

type Reach = {
  inForce: boolean
  reason?: string
  totalDocs: number
  docs: { id: number | string; headline?: string }[]
}

const articles = (n: number) => `${n} article${n === 1 ? '' : 's'}`

/** The notice's reach now: how many articles carry it, and the latest of them. */
export const NoticeReach = ({ articlesSlug, noticesSlug }: NoticeReachProps) => {
  const { id } = useDocumentInfo()
  const {
    config: {
      routes: { admin, api },
      serverURL,
    },
  } = useConfig()
  const [reach, setReach] = useState<null | Reach>(null)
  const [error, setError] = useState<null | string>(null)

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    fetch(formatAdminURL({ apiRoute: api, serverURL, path: `/${noticesSlug}/${id}/reach?limit=5&draft=true` }), {
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        setReach((await response.json()) as Reach)
      })
      .catch((err: Error) => !controller.signal.aborted && setError(`Reach unavailable: ${err.message}`))
    return () => controller.abort()
  }, [api, serverURL, noticesSlug, id])

  if (!id) return null
  return (
    <div className={`field-type ${baseClass}`} data-testid="notice-reach">
      <div className={`${baseClass}__header`}>
        <h4 className={`${baseClass}__heading`}>Reach</h4>
      </div>
      {error && <p className={`${baseClass}__error`}>{error}</p>}
      {!reach && !error && <p role="status">Counting…</p>}
      {reach && (
        <>
          <p data-testid="notice-reach-count">
            {reach.inForce
              ? `Attached to ${articles(reach.totalDocs)} now.`
              : `Not attached now (${reach.reason}); would reach ${articles(reach.totalDocs)}.`}
          </p>
          {reach.docs.length > 0 && (
            <ul className={`${baseClass}__notices`}>
              {reach.docs.map((doc) => (
                <li key={String(doc.id)}>
                  <a href={formatAdminURL({ adminRoute: admin, path: `/collections/${articlesSlug}/${doc.id}`, serverURL })}>
                    {doc.headline ?? String(doc.id)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
