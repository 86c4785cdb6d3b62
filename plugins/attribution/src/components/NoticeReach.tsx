'use client'

import { getTranslation } from '@payloadcms/translations'
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useState } from 'react'

import type { NoticeReachProps } from '../fields/reach.ts'

import { translate } from '../translations/translate.ts'
import './AttributionPreview.css'

const baseClass = 'attribution-preview'

type Reach = {
  collection: string
  inForce: boolean
  reason?: string
  totalDocs: number
  docs: ({ id: number | string } & Record<string, unknown>)[]
}

/** The notice's reach now in each attributed collection: how many documents carry it, and the latest of them. */
export const NoticeReach = ({ collections, noticesSlug }: NoticeReachProps) => {
  const { id } = useDocumentInfo()
  const { config, getEntityConfig } = useConfig()
  const {
    routes: { admin, api },
    serverURL,
  } = config
  const { i18n, t } = useTranslation()
  const [reach, setReach] = useState<null | Reach[]>(null)
  const [error, setError] = useState<null | string>(null)

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    Promise.all(
      collections.map(async (collection) => {
        const path = `/${noticesSlug}/${id}/reach?collection=${encodeURIComponent(collection)}&limit=5&draft=true` as const
        const response = await fetch(formatAdminURL({ apiRoute: api, serverURL, path }), {
          credentials: 'include',
          signal: controller.signal,
        })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        return (await response.json()) as Reach
      }),
    )
      .then(setReach)
      .catch((err: Error) => !controller.signal.aborted && setError(translate(t, 'reach-unavailable', { message: err.message })))
    return () => controller.abort()
  }, [api, serverURL, noticesSlug, collections, id, t])

  if (!id) return null
  return (
    <div className={`field-type ${baseClass}`} data-testid="notice-reach">
      <div className={`${baseClass}__header`}>
        <h4 className={`${baseClass}__heading`}>{translate(t, 'reach-heading')}</h4>
      </div>
      {error && <p className={`${baseClass}__error`}>{error}</p>}
      {!reach && !error && <p role="status">{translate(t, 'reach-counting')}</p>}
      {reach?.map((found) => {
        const entity = getEntityConfig({ collectionSlug: found.collection })
        const labels = entity?.labels
        const label = labels ? getTranslation(found.totalDocs === 1 ? labels.singular : labels.plural, i18n) : found.collection
        const title = (entity?.admin?.useAsTitle as string | undefined) ?? 'id'
        const vars = { count: found.totalDocs, label, reason: found.reason }
        return (
          <div data-collection={found.collection} key={found.collection}>
            <p data-testid="notice-reach-count">{translate(t, found.inForce ? 'reach-attached' : 'reach-notAttached', vars)}</p>
            {found.docs.length > 0 && (
              <ul className={`${baseClass}__notices`}>
                {found.docs.map((doc) => (
                  <li key={String(doc.id)}>
                    <a href={formatAdminURL({ adminRoute: admin, path: `/collections/${found.collection}/${doc.id}`, serverURL })}>
                      {String(doc[title] ?? doc.id)}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )
      })}
    </div>
  )
}
