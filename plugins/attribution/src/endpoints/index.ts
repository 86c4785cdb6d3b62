import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import type { Hop } from '../attach.ts'
import type { ResolvedOptions } from '../options.ts'
import type { Attribution, Id } from '../types.ts'

import { attributionsFor } from '../attach.ts'
import { complianceReport } from '../report.ts'
import { json, problem } from '../respond.ts'


type PreviewBody = {
  source?: Id | null
  additionalSources?: Id[]
  /** Shorthand: the primary source first, then the additional ones. */
  sources?: Id[]
  byline?: string
  publishedAt?: string
  dateline?: { date?: string; place?: string }
  at?: string
} & Record<string, unknown>

const badDate = (name: string, value: unknown) =>
  value !== undefined && value !== null && value !== '' && Number.isNaN(new Date(value as string).getTime())
    ? problem(400, `${name}: "${value}" is not a date.`)
    : null

/**
 * `POST /api/attribution/preview`: the attribution an article would get, before it is saved.
 * Body: `{ source, additionalSources, byline, publishedAt, dateline, section, at }` (or `sources`).
 */
export const previewEndpoint = (options: ResolvedOptions, siteHops: Hop[]): Endpoint => ({
  path: '/attribution/preview',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return problem(401, 'Sign in to preview attribution.')
    let body: PreviewBody
    try {
      body = ((await req.json?.()) ?? {}) as PreviewBody
    } catch {
      return problem(400, 'The body must be JSON: { "source": id, "additionalSources": [ids], "byline": "...", "at": "ISO date" }.')
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return problem(400, 'The body must be a JSON object.')
    if (body.sources !== undefined && !Array.isArray(body.sources)) return problem(400, 'sources must be an array of source ids.')
    if (body.additionalSources !== undefined && !Array.isArray(body.additionalSources)) {
      return problem(400, 'additionalSources must be an array of source ids.')
    }
    const invalid = badDate('at', body.at) ?? badDate('publishedAt', body.publishedAt) ?? badDate('dateline.date', body.dateline?.date)
    if (invalid) return invalid
    const [first, ...rest] = body.sources ?? []
    const siteField = siteHops[0]?.field
    const article = {
      id: 'preview',
      [options.sourceField]: body.source ?? first ?? null,
      [options.additionalSourcesField]: body.additionalSources ?? rest,
      [options.bylineField]: body.byline,
      publishedAt: body.publishedAt || undefined,
      dateline: body.dateline,
      ...(siteField && { [siteField]: body[siteField] ?? null }),
    }
    const at = body.at ? new Date(body.at) : undefined
    const [attribution] = await attributionsFor(req, options, [article], { at, siteHops })
    return json(attribution)
  },
})

/** `GET /api/<articles>/:id/ninjs`: the article as IPTC ninjs 2.x, rights fields from its attribution. */
export const ninjsEndpoint = (slug: CollectionSlug): Endpoint => ({
  path: '/:id/ninjs',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const id = req.routeParams?.id as string
    let doc: Record<string, any>
    try {
      doc = await req.payload.findByID({ collection: slug, id, depth: 1, overrideAccess: false, user: req.user, req })
    } catch {
      return problem(404, 'Not Found')
    }
    const attribution = doc.attribution as Attribution
    const sourceName = (ref: unknown) => (ref && typeof ref === 'object' ? (ref as { name?: string }).name : undefined)
    const infosources = [doc.source, ...(doc.additionalSources ?? [])]
      .map(sourceName)
      .filter(Boolean)
      .map((name) => ({ name, role: 'originfo' }))
    return json({
      uri: `urn:wirehouse:${slug}:${doc.id}`,
      type: 'text',
      representationtype: 'complete',
      profile: 'wirehouse-article',
      versioncreated: doc.updatedAt,
      firstcreated: doc.publishedAt ?? doc.createdAt,
      pubstatus: doc._status === 'published' ? 'usable' : 'withheld',
      headline: doc.headline,
      byline: attribution?.byline ?? doc.byline,
      located: doc.dateline?.place ?? undefined,
      description_text: doc.summary ?? undefined,
      body_html: doc.body ? convertLexicalToHTML({ data: doc.body, disableContainer: true }) : undefined,
      copyrightholder: attribution?.copyrightHolder ?? undefined,
      copyrightnotice: attribution?.text,
      usageterms: attribution?.license === 'public-domain' ? 'Public domain.' : `Licence: ${attribution?.license}.`,
      infosource: infosources.length ? infosources : undefined,
    })
  },
})

/** `GET /api/attribution/report`: the compliance dashboard's figures, for whom `reportAccess` admits. */
export const reportEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/attribution/report',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return problem(401, 'Sign in to read the compliance report.')
    if (!(await options.reportAccess({ req }))) return problem(403, 'You are not allowed to read the compliance report.')
    return json(await complianceReport(req, options))
  },
})
