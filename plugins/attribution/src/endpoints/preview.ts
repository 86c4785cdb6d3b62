import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedOptions } from '../options.ts'
import type { Id } from '../types.ts'

import { attributionsFor } from '../attach.ts'
import { translate } from '../translations/translate.ts'
import { json, problem, targetOf } from './respond.ts'

type PreviewBody = {
  /** The attributed collection whose field names and site path apply; the first one by default. */
  collection?: string
  source?: Id | null
  additionalSources?: Id[]
  /** Shorthand: the primary source first, then the additional ones. */
  sources?: Id[]
  byline?: string
  publishedAt?: string
  dateline?: { date?: string; place?: string }
  at?: string
} & Record<string, unknown>

const isDate = (value: unknown) =>
  value === undefined || value === null || value === '' || !Number.isNaN(new Date(value as string).getTime())

/**
 * `POST /api/attribution/preview`: the attribution a document would get, before it is saved.
 * Body: `{ collection, source, additionalSources, byline, publishedAt, dateline, <site field>, at }`
 * (or `sources`), whatever the collection calls its fields.
 */
export const previewEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/attribution/preview',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const t = req.t
    if (!req.user) return problem(401, translate(t, 'error-signInPreview'))
    const wait = await options.throttle({ endpoint: 'preview', req })
    if (wait) return problem(429, translate(t, 'error-tooManyPreviews', { seconds: String(wait) }), { 'Retry-After': String(wait) })
    let body: PreviewBody
    try {
      body = ((await req.json?.()) ?? {}) as PreviewBody
    } catch {
      return problem(400, translate(t, 'error-previewBody'))
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return problem(400, translate(t, 'error-previewObject'))
    const target = targetOf(req, options, body.collection)
    if (target instanceof Response) return target
    for (const field of ['sources', 'additionalSources'] as const) {
      if (body[field] !== undefined && !Array.isArray(body[field])) return problem(400, translate(t, 'error-sourceIds', { field }))
    }
    for (const [field, value] of [['at', body.at], ['publishedAt', body.publishedAt], ['dateline.date', body.dateline?.date]]) {
      if (!isDate(value)) return problem(400, translate(t, 'error-notADate', { field, value: String(value) }))
    }
    const [first, ...rest] = body.sources ?? []
    const { fields, hops } = target
    const siteField = hops[0]?.field
    const doc = {
      id: 'preview',
      [fields.source]: body.source ?? first ?? null,
      [fields.additionalSources]: body.additionalSources ?? rest,
      ...(fields.byline && { [fields.byline]: body.byline }),
      ...(fields.publishedAt && { [fields.publishedAt]: body.publishedAt || undefined }),
      ...(fields.dateline && { [fields.dateline]: body.dateline }),
      ...(siteField && { [siteField]: body[siteField] ?? null }),
    }
    const [attribution] = await attributionsFor(req, options, target, [doc], { at: body.at ? new Date(body.at) : undefined })
    return json(attribution)
  },
})
