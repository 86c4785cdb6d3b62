import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedOptions } from '../options.ts'
import type { Id } from '../types.ts'

import { attributionsFor } from '../attach.ts'
import { translate } from '../translations/translate.ts'
import { isIdOf } from '../utilities/isId.ts'
import { jsonBody, ok, refusals, schema } from './openapi.ts'
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
  /** The rights holder the wire named: it holds the copyright when there is no source. */
  wireRights?: { holder?: string }
  at?: string
} & Record<string, unknown>

const absent = (value: unknown) => value === undefined || value === null || value === ''

const isDate = (value: unknown) =>
  absent(value) || ((typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime()))

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** What is malformed in a preview body, as the 400 that names it; null when it is well-formed. */
const malformed = (req: PayloadRequest, body: PreviewBody, sourcesSlug: string, site?: { field: string; collection: string }): null | Response => {
  const t = req.t
  const notAnId = (field: string, value: unknown) => problem(400, translate(t, 'error-notAnId', { field, value: JSON.stringify(value) }))
  for (const field of ['sources', 'additionalSources'] as const) {
    const value = body[field]
    if (value === undefined) continue
    if (!Array.isArray(value)) return problem(400, translate(t, 'error-sourceIds', { field }))
    const bad = value.find((id) => !isIdOf(req.payload, sourcesSlug, id))
    if (bad !== undefined) return notAnId(field, bad)
  }
  if (!absent(body.source) && !isIdOf(req.payload, sourcesSlug, body.source)) return notAnId('source', body.source)
  if (site && !absent(body[site.field]) && !isIdOf(req.payload, site.collection, body[site.field])) return notAnId(site.field, body[site.field])
  if (!absent(body.byline) && typeof body.byline !== 'string') return problem(400, translate(t, 'error-notText', { field: 'byline' }))
  if (!absent(body.dateline)) {
    if (!isPlainObject(body.dateline)) return problem(400, translate(t, 'error-notAnObject', { field: 'dateline' }))
    if (!absent(body.dateline.place) && typeof body.dateline.place !== 'string') return problem(400, translate(t, 'error-notText', { field: 'dateline.place' }))
  }
  if (!absent(body.wireRights)) {
    if (!isPlainObject(body.wireRights)) return problem(400, translate(t, 'error-notAnObject', { field: 'wireRights' }))
    if (!absent(body.wireRights.holder) && typeof body.wireRights.holder !== 'string') return problem(400, translate(t, 'error-notText', { field: 'wireRights.holder' }))
  }
  for (const [field, value] of [['at', body.at], ['publishedAt', body.publishedAt], ['dateline.date', body.dateline?.date]]) {
    if (!isDate(value)) return problem(400, translate(t, 'error-notADate', { field, value: String(value) }))
  }
  return null
}

/**
 * `POST /api/attribution/preview`: the attribution a document would get, before it is saved.
 * Body: `{ collection, source, additionalSources, byline, publishedAt, dateline, wireRights, <site field>, at }`
 * (or `sources`), whatever the collection calls its fields.
 */
export const previewEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/attribution/preview',
  method: 'post',
  custom: {
    openapi: {
      summary: 'Preview an attribution',
      description:
        "The attribution a document would get, before it is saved (the admin's live panel): its sources, byline, dates, wire rights and site, as at `at` (default now). Field names as the attributed collection (`collection`, default the first) calls them; `sources` is shorthand for the primary source then the others. Throttled per account and per address.",
      requestBody: jsonBody(
        {
          type: 'object',
          properties: {
            collection: { type: 'string', enum: options.targets.map((t) => t.slug) },
            source: { oneOf: [{ type: ['string', 'number'] }, { type: 'null' }] },
            additionalSources: { type: 'array', items: { type: ['string', 'number'] } },
            sources: { type: 'array', items: { type: ['string', 'number'] } },
            byline: { type: 'string' },
            publishedAt: { type: 'string', format: 'date-time' },
            dateline: { type: 'object', properties: { date: { type: 'string', format: 'date-time' }, place: { type: 'string' } } },
            wireRights: { type: 'object', properties: { holder: { type: 'string' } } },
            at: { type: 'string', format: 'date-time' },
          },
          additionalProperties: true,
        },
        true,
        { source: 1, byline: 'by AFP Staff Writers', publishedAt: '2024-07-03T08:00:00.000Z' },
      ),
      responses: { 200: ok('The attribution (lean form, notices with their texts in `text` and `html`).', schema('Attribution')), ...refusals(400, 401, 429) },
    },
  },
  handler: async (req: PayloadRequest) => {
    const t = req.t
    if (!req.user) return problem(401, translate(t, 'error-signInPreview'))
    const wait = await options.throttle({ endpoint: 'preview', req })
    if (wait) return problem(429, translate(t, 'error-tooManyPreviews', { seconds: String(wait) }), { 'Retry-After': String(wait) })
    let body: PreviewBody
    try {
      body = (req.json ? await req.json() : {}) as PreviewBody
    } catch {
      return problem(400, translate(t, 'error-previewBody'))
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return problem(400, translate(t, 'error-previewObject'))
    const target = targetOf(req, options, body.collection)
    if (target instanceof Response) return target
    const { fields, hops } = target
    const siteField = hops[0]?.field
    const invalid = malformed(req, body, options.sourcesSlug, hops[0])
    if (invalid) return invalid
    const [first, ...rest] = body.sources ?? []
    const doc = {
      id: 'preview',
      [fields.source]: body.source ?? first ?? null,
      [fields.additionalSources]: body.additionalSources ?? rest,
      ...(fields.byline && { [fields.byline]: body.byline }),
      ...(fields.publishedAt && { [fields.publishedAt]: body.publishedAt || undefined }),
      ...(fields.dateline && { [fields.dateline]: body.dateline }),
      ...(fields.wireRights && { [fields.wireRights]: body.wireRights ?? null }),
      ...(siteField && { [siteField]: body[siteField] ?? null }),
    }
    const [attribution] = await attributionsFor(req, options, target, [doc], { at: body.at ? new Date(body.at) : undefined, unsaved: true })
    return json(attribution)
  },
})
