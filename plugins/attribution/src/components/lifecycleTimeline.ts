import type { PayloadRequest, Where } from 'payload'

import type { ResolvedOptions, Target } from '../options.ts'
import type { SourceInput } from '../types.ts'

import { storyDate, windowEnd } from '../lifecycle/rule.ts'
import { idOf } from '../utilities/idOf.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** How far the dashboard looks ahead (embargoes lifting, usage windows ending) and back (kills, withdrawals). */
export const AHEAD_DAYS = 7
export const BACK_DAYS = 30

/** Rows per kind at most: the dashboard says when it shows fewer than there are. */
export const ROWS_PER_KIND = 200

export const TIMELINE_KINDS = ['embargo', 'window', 'kill', 'withdrawal'] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]

export type TimelineEvent = {
  kind: TimelineKind
  /** When it happens or happened (ISO). */
  at: string
  collection: string
  id: number | string
  headline: string
  source: null | { id: number | string; label: string }
  /** A withdrawal's reason and message. */
  reason?: null | string
  message?: null | string
}

export type Timeline = {
  from: string
  now: string
  to: string
  events: TimelineEvent[]
  /** The kinds that had more rows than shown. */
  cut: TimelineKind[]
}

type Doc = Record<string, any>

/**
 * The rights lifecycle's moments around `now`, for the compliance view: embargoes lifting and
 * usage windows ending in the next 7 days, kills and withdrawals of the last 30, of every
 * attributed collection (withdrawn stories are left out of what is to come: nothing lifts for
 * them). A few queries (one per kind, one per source with a usage window), each at most
 * ROWS_PER_KIND rows, read as the signed-in user reads.
 */
export const lifecycleTimeline = async (req: PayloadRequest, options: ResolvedOptions, now = new Date()): Promise<Timeline> => {
  const { payload } = req
  const ahead = new Date(now.getTime() + AHEAD_DAYS * DAY_MS)
  const back = new Date(now.getTime() - BACK_DAYS * DAY_MS)
  const sources = (
    await payload.find({ collection: options.sourcesSlug, depth: 0, limit: 0, pagination: false, overrideAccess: false, user: req.user, req })
  ).docs as unknown as SourceInput[]
  const sourceOf = (value: unknown): TimelineEvent['source'] => {
    const id = idOf(value)
    if (id === null) return null
    const source = sources.find((s) => String(s.id) === String(id))
    return { id, label: source ? source.code || source.name : String(id) }
  }
  const cut = new Set<TimelineKind>()
  const events: TimelineEvent[] = []

  const find = async (target: Target, where: Where, sort: string): Promise<{ docs: Doc[]; more: boolean }> => {
    const { fields } = target
    const select: Record<string, true> = { [fields.source]: true, [fields.embargoUntil]: true, [fields.withdrawn]: true }
    for (const name of [fields.headline, fields.dateline, fields.publishedAt]) if (name) select[name] = true
    const found = await payload.find({
      collection: target.slug,
      where,
      sort,
      limit: ROWS_PER_KIND,
      depth: 0,
      select,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return { docs: found.docs as Doc[], more: found.hasNextPage }
  }
  const eventOf = (target: Target, kind: TimelineKind, doc: Doc, at: Date | string): TimelineEvent => ({
    kind,
    at: new Date(at).toISOString(),
    collection: target.slug,
    id: doc.id,
    headline: (target.fields.headline && doc[target.fields.headline]) || String(doc.id),
    source: sourceOf(doc[target.fields.source]),
    ...((kind === 'kill' || kind === 'withdrawal') && { reason: doc[target.fields.withdrawn]?.reason ?? null, message: doc[target.fields.withdrawn]?.message ?? null }),
  })
  const notWithdrawn = (target: Target): Where => ({ [`${target.fields.withdrawn}.at`]: { exists: false } })

  await Promise.all(
    options.targets.map(async (target) => {
      const { fields } = target
      const embargoes = await find(
        target,
        { and: [{ [fields.embargoUntil]: { greater_than: now.toISOString() } }, { [fields.embargoUntil]: { less_than_equal: ahead.toISOString() } }, notWithdrawn(target)] },
        fields.embargoUntil,
      )
      if (embargoes.more) cut.add('embargo')
      for (const doc of embargoes.docs) events.push(eventOf(target, 'embargo', doc, doc[fields.embargoUntil]))

      // A story's window ends `maxAgeDays` after its date (its dateline's, else its publication's):
      // it ends in the next 7 days when that date is in (now − maxAgeDays, now − maxAgeDays + 7 days].
      if (fields.dateline || fields.publishedAt) {
        const windows: TimelineEvent[] = []
        for (const source of sources.filter((s) => s.usage?.maxAgeDays && !s.deletedAt)) {
          const days = source.usage!.maxAgeDays!
          const range = (field: string): Where[] => [
            { [field]: { greater_than: new Date(now.getTime() - days * DAY_MS).toISOString() } },
            { [field]: { less_than_equal: new Date(ahead.getTime() - days * DAY_MS).toISOString() } },
          ]
          const dated: Where[] = []
          if (fields.dateline) dated.push({ and: range(`${fields.dateline}.date`) })
          if (fields.publishedAt) dated.push({ and: [...(fields.dateline ? [{ [`${fields.dateline}.date`]: { exists: false } }] : []), ...range(fields.publishedAt)] })
          const found = await find(target, { and: [{ [fields.source]: { equals: source.id } }, { or: dated }, notWithdrawn(target)] }, fields.publishedAt || 'id')
          if (found.more) cut.add('window')
          for (const doc of found.docs) {
            const end = windowEnd(doc, source)
            if (end && storyDate(doc) && end > now && end <= ahead) windows.push(eventOf(target, 'window', doc, end))
          }
        }
        windows.sort((a, b) => a.at.localeCompare(b.at))
        if (windows.length > ROWS_PER_KIND) cut.add('window')
        events.push(...windows.slice(0, ROWS_PER_KIND))
      }

      for (const kind of ['kill', 'withdrawal'] as const) {
        const reason: Where = { [`${fields.withdrawn}.reason`]: kind === 'kill' ? { equals: 'kill' } : { not_equals: 'kill' } }
        const found = await find(target, { and: [{ [`${fields.withdrawn}.at`]: { greater_than_equal: back.toISOString() } }, reason] }, `-${fields.withdrawn}.at`)
        if (found.more) cut.add(kind)
        for (const doc of found.docs) events.push(eventOf(target, kind, doc, doc[fields.withdrawn].at))
      }
    }),
  )
  events.sort((a, b) => a.at.localeCompare(b.at))
  return { from: back.toISOString(), now: now.toISOString(), to: ahead.toISOString(), events, cut: TIMELINE_KINDS.filter((kind) => cut.has(kind)) }
}
