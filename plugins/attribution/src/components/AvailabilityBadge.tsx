'use client'

import type { DefaultCellComponentProps } from 'payload'

import { useTranslation } from '@payloadcms/ui'

import type { Availability } from '../types.ts'

import { translate } from '../translations/translate.ts'
import './Rights.css'

const baseClass = 'availability-badge'

/** A moment as staff read it, in their language. */
export const formatMoment = (value: null | string | undefined, language: string): string =>
  value ? new Date(value).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' }) : ''

/**
 * Where a story stands for readers, in a word and a date: Public (until its usage window ends),
 * Embargoed until …, Expired since …, Withdrawn (why) since ….
 */
export const AvailabilityBadge = ({ availability }: { availability: null | Partial<Availability> | undefined }) => {
  const { i18n, t } = useTranslation()
  if (!availability?.state) return null
  const at = (value: null | string | undefined) => formatMoment(value, i18n.language)
  const { reason, since, state, until } = availability
  const text =
    state === 'embargoed'
      ? translate(t, 'rights-embargoedUntil', { at: at(until) })
      : state === 'expired'
        ? translate(t, 'rights-expiredSince', { at: at(since) })
        : state === 'withdrawn'
          ? translate(t, 'rights-withdrawnSince', { reason: translate(t, `reasonShort-${reason ?? 'manual'}`), at: at(since) })
          : until
            ? translate(t, 'rights-publicUntil', { at: at(until) })
            : translate(t, 'rights-public')
  return (
    // Dates in the reader's time zone: the server's rendering may differ by it.
    <span className={`${baseClass} ${baseClass}--${state}`} data-state={state} data-testid="availability-badge" suppressHydrationWarning>
      {text}
    </span>
  )
}

/** The badge in the list view's column (the `rights` ui field's Cell), from the row's `availability`. */
export const AvailabilityCell = ({ rowData }: DefaultCellComponentProps) => (
  <AvailabilityBadge availability={(rowData as { availability?: Availability } | undefined)?.availability} />
)
