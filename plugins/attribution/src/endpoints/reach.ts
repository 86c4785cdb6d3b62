import type { Endpoint, PayloadRequest, Where } from 'payload'

import type { ResolvedOptions, Target } from '../options.ts'
import type { NoticeInput, SourceInput } from '../types.ts'

import { requestedMoment } from '../hooks/attribution.ts'
import { availableWhere } from '../lifecycle/rule.ts'
import { currentSnapshot } from '../load.ts'
import { noticeState } from '../noticeState.ts'
import { translate } from '../translations/translate.ts'
import { idsOf } from '../utilities/idOf.ts'
import { isIdOf } from '../utilities/isId.ts'
import { idParameter, ok, query, refusals } from './openapi.ts'
import { json, problem, targetOf } from './respond.ts'

/** Why a notice reaches no document right now, or null when it is in force. */
const notInForce = (req: PayloadRequest, notice: NoticeInput, at: Date): null | string => {
  const state = noticeState(notice, at)
  if (state === 'in-force') return null
  const moment = state === 'scheduled' ? notice.effectiveFrom : state === 'expired' ? notice.effectiveUntil : undefined
  return translate(req.t, `reason-${state}`, { at: moment })
}

/**
 * The documents whose sources a notice's rule matches, as a query: by source ids, or by the ids of
 * the sources of the kinds or licences it names. Null when it matches none. Mirrors `resolve.ts`'s
 * matching; the reach test holds the two together.
 */
const sourceWhere = async (req: PayloadRequest, options: ResolvedOptions, target: Target, notice: NoticeInput): Promise<null | Where> => {
  const rule = notice.appliesTo ?? {}
  const scope = rule.scope ?? 'all'
  if (scope === 'all') return {}
  // Through the sources collection even for a list of ids: trashed sources match nothing, as in the resolver.
  const [field, values] =
    scope === 'sources'
      ? ['id', idsOf(rule.sources)]
      : scope === 'source-kinds'
        ? ['kind', rule.sourceKinds ?? []]
        : ['license', rule.licenses ?? []]
  const { docs } = await req.payload.find({
    collection: options.sourcesSlug,
    depth: 0,
    limit: 0,
    pagination: false,
    where: { [field]: { in: values } },
    req,
  })
  const sourceIds = docs.map((doc) => doc.id)
  if (!sourceIds.length) return null
  return { or: [{ [target.fields.source]: { in: sourceIds } }, { [target.fields.additionalSources]: { in: sourceIds } }] }
}

/** The same, kept to the notice's sites through the collection's site path. */
const documentsWhere = async (req: PayloadRequest, options: ResolvedOptions, target: Target, notice: NoticeInput): Promise<null | Where> => {
  const sites = idsOf(notice.appliesTo?.sites)
  const sitePath = target.hops.map((hop) => hop.field).join('.')
  if (sites.length && !sitePath) return null
  const bySource = await sourceWhere(req, options, target, notice)
  if (!bySource) return null
  const all = [...(sites.length ? [{ [sitePath]: { in: sites } }] : []), ...(Object.keys(bySource).length ? [bySource] : [])]
  return all.length ? { and: all } : {}
}

/**
 * THE reach rule, one home: the documents of `target` a notice's rule matches that are public at
 * `at` (`availableWhere`), as a query; null when it matches none. The reach endpoint pages it; the
 * host reads it through `noticeReachWhere` (its webhooks list the articles a notice change reaches).
 */
export const reachWhere = async (req: PayloadRequest, options: ResolvedOptions, target: Target, notice: NoticeInput, at: Date): Promise<null | Where> => {
  const matched = await documentsWhere(req, options, target, notice)
  if (!matched) return null
  // Sources as they are now, from the rules' cache: no statement more.
  const sources = [...(await currentSnapshot(req, options)).sources.values()] as unknown as SourceInput[]
  return { and: [...(Object.keys(matched).length ? [matched] : []), availableWhere(target, sources, at)] }
}

/** Where the notices collection keeps its reach rule (`custom`), for `noticeReachWhere`. */
export const REACH_CUSTOM = 'attributionReach'

export type ReachRule = (req: PayloadRequest, notice: Pick<NoticeInput, 'appliesTo'>, options?: { at?: Date; collection?: string }) => Promise<null | Where>

/** The rule bound to the plugin's options, kept in the notices collection's `custom`. */
export const reachRule =
  (options: ResolvedOptions): ReachRule =>
  async (req, notice, { at = new Date(), collection } = {}) => {
    const target = collection === undefined ? options.targets[0] : options.targets.find((t) => t.slug === collection)
    if (!target) throw new Error(`${String(collection)} is not an attributed collection`)
    return reachWhere(req, options, target, notice as NoticeInput, at)
  }

/**
 * The documents (of the first attributed collection, or `collection`) a notice with this
 * `appliesTo` reaches at `at` (now by default), as a query the caller adds its own conditions to
 * (e.g. `_status`); null when none. The same rule as `GET /api/<notices>/:id/reach`.
 */
export const noticeReachWhere: ReachRule = async (req, notice, options) => {
  const holder = Object.values(req.payload.collections).find((c) => typeof c.config.custom?.[REACH_CUSTOM] === 'function')
  if (!holder) throw new Error('the attribution plugin is disabled or not installed: no notice reach rule')
  return (holder.config.custom[REACH_CUSTOM] as ReachRule)(req, notice, options)
}

/** The moment a reach is asked for (`?attributionAt=`, else now), to the second as every reader's query. */
const momentOf = (req: PayloadRequest): Date | Response => {
  let at: Date | undefined
  try {
    at = requestedMoment(req)
  } catch (error) {
    return problem(400, (error as Error).message)
  }
  return new Date(Math.floor((at ?? new Date()).getTime() / 1000) * 1000)
}

const positive = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value))

/**
 * `GET /api/<notices>/:id/reach?collection=&page=&limit=&draft=&attributionAt=`: the documents of
 * an attributed collection (the first by default) that a notice's rule matches and that are public
 * at the moment asked (now by default: not embargoed, withdrawn or past their source's usage
 * window, by the one rule `availableWhere`, in the query), counted and paged by the database, and
 * whether it is attached to them then (`inForce`, with the `reason` when not): a scheduled notice
 * or a draft (`draft=true`: its latest version) shows whom it will reach. Documents are those the
 * caller may read.
 */
export const reachEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/:id/reach',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Which documents a notice reaches',
      description:
        "The documents of an attributed collection that the notice's rule matches and that are public at the moment asked (now by default), paged; and whether the notice is attached to them then (`inForce`, else the `reason`). `draft=true` shows whom the notice's latest draft will reach. Only documents the caller may read.",
      parameters: [
        idParameter("The notice's id."),
        query('collection', `The attributed collection (default: ${options.targets[0]?.slug ?? 'the first'}).`, { type: 'string', enum: options.targets.map((t) => t.slug) }),
        query('page', 'The page, from 1.', { type: 'integer', minimum: 1 }),
        query('limit', 'Documents per page (1 to 100; default 10).', { type: 'integer', minimum: 1, maximum: 100 }),
        query('draft', "The notice's latest draft rather than its published version.", { type: 'boolean' }),
        query('attributionAt', 'The moment (ISO 8601; default now).', { type: 'string', format: 'date-time' }),
      ],
      responses: {
        200: ok('The reach.', {
          type: 'object',
          properties: {
            notice: { type: 'object', properties: { id: { type: ['string', 'number'] }, title: { type: ['string', 'null'] } } },
            collection: { type: 'string' },
            inForce: { type: 'boolean' },
            reason: { type: 'string' },
            totalDocs: { type: 'integer' },
            page: { type: 'integer' },
            limit: { type: 'integer' },
            totalPages: { type: 'integer' },
            hasNextPage: { type: 'boolean' },
            docs: { type: 'array', items: { type: 'object', properties: { id: { type: ['string', 'number'] } }, additionalProperties: true } },
          },
          required: ['notice', 'collection', 'inForce', 'totalDocs', 'page', 'limit', 'docs'],
        }),
        ...refusals(400, 404),
      },
    },
  },
  handler: async (req: PayloadRequest) => {
    const t = req.t
    const id = req.routeParams?.id as string
    if (!isIdOf(req.payload, options.noticesSlug, id)) return problem(404, translate(t, 'error-noSuchId', { value: id, collection: options.noticesSlug }))
    const query = (req.query ?? {}) as Record<string, string | undefined>
    const page = positive(query.page, 1)
    const limit = positive(query.limit, 10)
    if (!Number.isInteger(page) || page < 1) return problem(400, translate(t, 'error-page', { value: query.page }))
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return problem(400, translate(t, 'error-limit', { value: query.limit }))
    const target = targetOf(req, options, query.collection)
    if (target instanceof Response) return target
    const at = momentOf(req)
    if (at instanceof Response) return at
    let notice: NoticeInput
    try {
      notice = (await req.payload.findByID({
        collection: options.noticesSlug,
        id,
        depth: 0,
        draft: query.draft === 'true',
        trash: true,
        overrideAccess: false,
        user: req.user,
        req,
      })) as unknown as NoticeInput
    } catch {
      return problem(404, translate(t, 'error-notFound'))
    }
    const reason = notInForce(req, notice, at)
    const where = await reachWhere(req, options, target, notice, at)
    const { fields } = target
    const result = where
      ? await req.payload.find({
          collection: target.slug,
          depth: 0,
          limit,
          page,
          select: Object.fromEntries(
            [fields.headline, fields.slug, fields.source].filter((name): name is string => Boolean(name)).map((name) => [name, true]),
          ) as never,
          ...(fields.publishedAt && { sort: `-${fields.publishedAt}` }),
          where,
          overrideAccess: false,
          user: req.user,
          req,
        })
      : { docs: [], totalDocs: 0, totalPages: 0, page, limit, hasNextPage: false }
    return json({
      notice: { id: notice.id, title: notice.title },
      collection: target.slug,
      inForce: reason === null,
      ...(reason && { reason }),
      totalDocs: result.totalDocs,
      page: result.page ?? page,
      limit,
      totalPages: result.totalPages,
      hasNextPage: result.hasNextPage,
      docs: result.docs,
    })
  },
})
