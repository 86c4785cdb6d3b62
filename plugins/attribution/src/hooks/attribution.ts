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

import type { Wanted } from '../resolve.ts'

import { attributionsFor } from '../attach.ts'
import { forgetRequest } from '../caches.ts'
import { ATTRIBUTION_SHAPES, RULES_GENERATION } from '../constants.ts'
import { defaultWanted, FIELD, type SelectPlan, wantedBy, widenSelect } from '../select.ts'
import { translate } from '../translations/translate.ts'
import { bumpGeneration } from '../utilities/generation.ts'
import { sameId } from '../utilities/idOf.ts'

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

/**
 * The shape asked for: `?attribution=` (REST) or `context.attribution` (Local API); `full` adds
 * each notice's own text and HTML. Anything else is the caller's error, named.
 */
const askedShape = (req: PayloadRequest): boolean => {
  const raw = req.context.attribution ?? (req.query as Record<string, unknown> | undefined)?.attribution
  if (raw === undefined) return false
  if (typeof raw === 'string' && (ATTRIBUTION_SHAPES as readonly string[]).includes(raw)) return true
  const value = typeof raw === 'string' ? raw : JSON.stringify(raw)
  throw new APIError(translate(req.t, 'error-attributionShape', { value, shapes: ATTRIBUTION_SHAPES.join(', ') }), 400, undefined, true)
}

/** What a GraphQL operation selects of `attribution`, as the query wrapper found it (graphql.ts). */
export const GRAPHQL_SELECTION = 'attributionSelection'

/** What this read asks of `attribution`: its select, else the GraphQL selection, else the shape asked for. */
const wantedIn = (req: PayloadRequest, select: SelectType | undefined): null | Wanted => {
  const base = defaultWanted(askedShape(req))
  const selection = req.context[GRAPHQL_SELECTION] as null | undefined | Wanted
  if (selection !== undefined && (!select || !Object.keys(select).length)) return selection
  return wantedBy(select, base)
}

/** Reads that select `attribution` also read the fields it is computed from; a malformed `?attribution=` is a 400. */
export const selectWhatAttributionNeeds =
  (target: Target, options: Pick<ResolvedOptions, 'publicUrl'>): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    const { select } = args as { select?: SelectType }
    if (!['create', 'read', 'update'].includes(operation)) return args
    askedShape(req)
    if (!select || !Object.keys(select).length) return args
    const widened = widenSelect(select, needs(target, Boolean(options.publicUrl)))
    const next = { ...args, select: widened.select }
    plans.set(next, widened.plan)
    return next
  }

/**
 * The moment to resolve at, when asked: `?attributionAt=` (REST), `context.attributionAt` (Local
 * API, and GraphQL's `attributionAt` argument). A bad date is the caller's error.
 */
export const requestedMoment = (req: PayloadRequest): Date | undefined => {
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
    const plan = plans.get(args)
    const want = wantedIn(req, (args as { select?: SelectType }).select)
    if (plan && !plan.wanted) return result
    if (want) {
      const attributions = await attributionsFor(req, options, target, docs as never, { at: requestedMoment(req), want })
      docs.forEach((doc, index) => {
        doc[FIELD] = attributions[index]
      })
    }
    for (const doc of docs) for (const name of plan?.added ?? []) delete doc[name]
    return result
  }

/**
 * After a change of what attributions are made of (a notice, a source, the publisher, a document
 * along the site path): a new rules generation, in the change's transaction, so every instance
 * reloads the rules at its next read; and this request, which may read articles next in the same
 * transaction, reads them afresh.
 */
export const bumpOnChange: CollectionAfterChangeHook & CollectionAfterDeleteHook & GlobalAfterChangeHook = async ({ doc, req }) => {
  forgetRequest(req)
  await bumpGeneration(req.payload, RULES_GENERATION, req)
  return doc
}

/** A change of an upload that is the publisher's logo (its URL or size may have changed) is a change of the rules. */
export const bumpOnLogoChange =
  (options: ResolvedOptions): CollectionAfterChangeHook & CollectionAfterDeleteHook =>
  async (args) => {
    const { doc, req } = args
    const publisher = (await req.payload.db.findGlobal({ slug: options.publisherSlug, req })) as { logo?: unknown }
    return sameId(publisher?.logo, doc?.id) ? bumpOnChange(args as never) : doc
  }
