import type { Where } from 'payload'

import type { Target } from '../options.ts'
import type { ArticleInput, Availability, SourceInput, WithdrawnInput } from '../types.ts'

import { idOf } from '../utilities/idOf.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The story's own date: its dateline's date (ingest keeps the wire's first-created date there), else when it was published. */
export const storyDate = (article: Pick<ArticleInput, 'dateline' | 'publishedAt'>): null | string => {
  const dated = article.dateline?.date ?? article.publishedAt
  return dated && !Number.isNaN(new Date(dated).getTime()) ? dated : null
}

/**
 * When a story leaves public reads under its source's usage terms; null without a limit (or a
 * date), or when the source is in the trash (as `availableWhere`: a trashed source's terms are gone
 * with it, as its notices are).
 */
export const windowEnd = (
  article: Pick<ArticleInput, 'dateline' | 'publishedAt'>,
  source: null | Pick<SourceInput, 'deletedAt' | 'usage'> | undefined,
): Date | null => {
  const days = source?.deletedAt ? null : source?.usage?.maxAgeDays
  const dated = storyDate(article)
  if (!days || !dated) return null
  return new Date(new Date(dated).getTime() + days * DAY_MS)
}

export type LifecycleInput = Pick<ArticleInput, 'dateline' | 'publishedAt'> & { embargoUntil?: null | string; withdrawn?: null | WithdrawnInput }

const iso = (date: Date | null): null | string => (date ? date.toISOString() : null)

/**
 * Where a story stands for readers at `at`: withdrawn from the moment it was, embargoed until its
 * embargo lifts, expired from the end of its source's usage window, public otherwise.
 */
export const availabilityAt = (article: LifecycleInput, source: null | SourceInput | undefined, at: Date): Availability => {
  const end = windowEnd(article, source)
  const archive = end ? (source?.usage?.archive ?? 'allowed') : null
  const withdrawn = article.withdrawn?.at ? new Date(article.withdrawn.at) : null
  if (withdrawn && withdrawn <= at) {
    return { state: 'withdrawn', reason: article.withdrawn?.reason ?? 'manual', since: iso(withdrawn), until: null, archive }
  }
  const embargo = article.embargoUntil ? new Date(article.embargoUntil) : null
  if (embargo && embargo > at) return { state: 'embargoed', reason: null, since: null, until: iso(embargo), archive }
  if (end && end <= at) return { state: 'expired', reason: 'expired', since: iso(end), until: null, archive }
  return { state: 'public', reason: null, since: null, until: iso(end), archive }
}

/** What a reader's query adds for a story to be public at `at`, for the sources as they are now. */
export const availableWhere = (target: Target, sources: Iterable<SourceInput>, at: Date): Where => {
  const { fields } = target
  const moment = at.toISOString()
  const and: Where[] = [
    { or: [{ [fields.embargoUntil]: { exists: false } }, { [fields.embargoUntil]: { less_than_equal: moment } }] },
    { [`${fields.withdrawn}.at`]: { exists: false } },
  ]
  const limited = [...sources].filter((source) => source.usage?.maxAgeDays && !source.deletedAt)
  if (limited.length) {
    const fresh = (days: number): Where => {
      const cutoff = new Date(at.getTime() - days * DAY_MS).toISOString()
      const dated: Where[] = []
      if (fields.dateline) dated.push({ [`${fields.dateline}.date`]: { greater_than: cutoff } })
      if (fields.publishedAt) {
        const published: Where = { [fields.publishedAt]: { greater_than: cutoff } }
        dated.push(fields.dateline ? { and: [{ [`${fields.dateline}.date`]: { exists: false } }, published] } : published)
      }
      // Without a date the window cannot end (as `windowEnd` says).
      if (fields.dateline) dated.push({ and: [{ [`${fields.dateline}.date`]: { exists: false } }, ...(fields.publishedAt ? [{ [fields.publishedAt]: { exists: false } }] : [])] })
      else if (fields.publishedAt) dated.push({ [fields.publishedAt]: { exists: false } })
      return { or: dated }
    }
    and.push({
      or: [
        { [fields.source]: { exists: false } },
        { [fields.source]: { not_in: limited.map((source) => idOf(source.id)) } },
        ...limited.map((source): Where => ({ and: [{ [fields.source]: { equals: source.id } }, fresh(source.usage!.maxAgeDays!)] })),
      ],
    })
  }
  return { and }
}
