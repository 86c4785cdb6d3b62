import type { CollectionSlug, Endpoint, PayloadRequest, Where } from 'payload'

import type { ResolvedOptions } from '../options.ts'
import type { NoticeInput } from '../types.ts'

import { noticeState } from '../report.ts'
import { json, problem } from '../respond.ts'


const idsOf = (refs: unknown[] | null | undefined): (number | string)[] =>
  (refs ?? []).map((ref) => (ref && typeof ref === 'object' ? (ref as { id: number | string }).id : (ref as number | string)))

/** Why a notice reaches no article right now, or null when it is in force. */
const notInForce = (notice: NoticeInput, at: Date): null | string => {
  switch (noticeState(notice, at)) {
    case 'trashed':
      return 'in the trash'
    case 'draft':
      return 'not published'
    case 'scheduled':
      return `in force from ${notice.effectiveFrom}`
    case 'expired':
      return `out of force since ${notice.effectiveUntil}`
    default:
      return null
  }
}

/**
 * The articles a notice's rule matches, as a query: by source ids, or by the ids of the sources
 * of the kinds or licences it names, on the sites it is kept to. Mirrors `resolve.ts`'s matching; the reach test holds the two together.
 */
const articlesWhere = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  notice: NoticeInput,
  sitePath: null | string,
): Promise<null | Where> => {
  const sites = idsOf(notice.appliesTo?.sites as unknown[])
  if (sites.length && !sitePath) return null
  const onSites: Where[] = sites.length ? [{ [sitePath!]: { in: sites } }] : []
  const bySource = await sourceWhere(req, options, notice)
  if (!bySource) return null
  const all = [...onSites, ...(Object.keys(bySource).length ? [bySource] : [])]
  return all.length ? { and: all } : {}
}

const sourceWhere = async (req: PayloadRequest, options: ResolvedOptions, notice: NoticeInput): Promise<null | Where> => {
  const rule = notice.appliesTo ?? {}
  const scope = rule.scope ?? 'all'
  if (scope === 'all') return {}
  // Through the sources collection even for a list of ids: trashed sources match nothing, as in the resolver.
  const [field, values] =
    scope === 'sources'
      ? ['id', idsOf(rule.sources as unknown[])]
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
  return {
    or: [
      { [options.sourceField]: { in: sourceIds } },
      { [options.additionalSourcesField]: { in: sourceIds } },
    ],
  }
}

/**
 * `GET /api/<notices>/:id/reach?page=&limit=&draft=`: the articles a notice's rule matches,
 * counted and paged by the database, and whether it is attached to them now (`inForce`, with the
 * `reason` when not): a scheduled notice or a draft (`draft=true`: its latest version) shows whom
 * it will reach. Articles are those the caller may read.
 */
export const reachEndpoint = (options: ResolvedOptions, articles: CollectionSlug, sitePath: null | string): Endpoint => ({
  path: '/:id/reach',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const id = req.routeParams?.id as string
    const query = (req.query ?? {}) as Record<string, string | undefined>
    const page = Number(query.page ?? 1)
    const limit = Number(query.limit ?? 10)
    if (!Number.isInteger(page) || page < 1) return problem(400, `page: "${query.page}" is not a page number.`)
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return problem(400, `limit: "${query.limit}" must be a whole number from 1 to 100.`)
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
      return problem(404, 'Not Found')
    }
    const reason = notInForce(notice, new Date())
    const where = await articlesWhere(req, options, notice, sitePath)
    const result = where
      ? await req.payload.find({
          collection: articles,
          depth: 0,
          limit,
          page,
          select: { headline: true, slug: true, [options.sourceField]: true } as never,
          sort: '-publishedAt',
          where,
          overrideAccess: false,
          user: req.user,
          req,
        })
      : { docs: [], totalDocs: 0, totalPages: 0, page, limit, hasNextPage: false }
    return json({
      notice: { id: notice.id, title: notice.title },
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
