import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
  GlobalAfterChangeHook,
  PayloadRequest,
  SelectType,
} from 'payload'

import { APIError } from 'payload'

import type { ResolvedOptions, Target } from '../options.ts'

import { attributionsFor } from '../attach.ts'
import { forgetRequest } from '../caches.ts'
import { FIELD, type SelectPlan, selectPlan, widenSelect } from '../select.ts'
import { translate } from '../translations/translate.ts'

// Operation args as returned by `selectWhatAttributionNeeds`, which Payload hands to afterOperation.
const plans = new WeakMap<object, SelectPlan>()

/**
 * The fields an attribution and its JSON-LD are computed from; with a `publicUrl`, the slug and
 * `_status` too, which the host's function reads.
 */
const needs = ({ drafts, fields, hops }: Target, publicUrl: boolean): string[] =>
  [
    fields.source,
    fields.additionalSources,
    fields.byline,
    fields.publishedAt,
    fields.dateline,
    fields.headline,
    fields.summary,
    fields.wireRights,
    'updatedAt',
    hops[0]?.field,
    ...(publicUrl ? [fields.slug, drafts && '_status'] : []),
  ].filter((name): name is string => Boolean(name))

/** Reads that select `attribution` also read the fields it is computed from. */
export const selectWhatAttributionNeeds =
  (target: Target, options: Pick<ResolvedOptions, 'publicUrl'>): CollectionBeforeOperationHook =>
  ({ args, operation }) => {
    const { select } = args as { select?: SelectType }
    if (!['create', 'read', 'update'].includes(operation) || !select || !Object.keys(select).length) return args
    const widened = widenSelect(select, needs(target, Boolean(options.publicUrl)))
    const next = { ...args, select: widened.select }
    plans.set(next, widened.plan)
    return next
  }

/**
 * The moment to resolve at, when asked: `?attributionAt=` (REST), `context.attributionAt` (Local
 * API, and GraphQL's `attributionAt` argument). A bad date is the caller's error.
 */
const requestedMoment = (req: PayloadRequest): Date | undefined => {
  const raw = req.context.attributionAt ?? (req.query as Record<string, unknown> | undefined)?.attributionAt
  if (raw === undefined || raw === null || raw === '') return undefined
  const at = raw instanceof Date ? raw : new Date(String(raw))
  if (Number.isNaN(at.getTime())) {
    throw new APIError(translate(req.t, 'error-notADate', { field: 'attributionAt', value: String(raw) }), 400, undefined, true)
  }
  return at
}

const DOC_OPERATIONS = new Set(['create', 'findByID', 'updateByID'])
const LIST_OPERATIONS = new Set(['find', 'update'])

/**
 * Attaches `attribution` to every document an operation returns, resolved for all of them at
 * once, after relationships are populated: no query per document.
 */
export const attachAttribution =
  (options: ResolvedOptions, target: Target): CollectionAfterOperationHook =>
  async ({ args, operation, req, result }) => {
    const docs = (
      LIST_OPERATIONS.has(operation)
        ? (result as { docs?: unknown[] }).docs
        : DOC_OPERATIONS.has(operation)
          ? [result]
          : undefined
    )?.filter(Boolean) as Record<string, any>[] | undefined
    if (!docs?.length) return result
    const plan = plans.get(args) ?? selectPlan((args as { select?: SelectType }).select)
    if (!plan.wanted) return result
    const attributions = await attributionsFor(req, options, target, docs as never, { at: requestedMoment(req) })
    docs.forEach((doc, index) => {
      const attribution: Record<string, unknown> = { ...attributions[index] }
      doc[FIELD] = plan.only ? Object.fromEntries(plan.only.map((key) => [key, attribution[key]])) : attribution
      for (const name of plan.added) delete doc[name]
    })
    return result
  }

/** A request that changes rules and then reads articles sees the change. */
export const forgetOnChange: CollectionAfterChangeHook & CollectionAfterDeleteHook & GlobalAfterChangeHook = ({ doc, req }) => {
  forgetRequest(req)
  return doc
}
