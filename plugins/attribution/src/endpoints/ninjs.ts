import type { Endpoint, PayloadRequest } from 'payload'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import type { Target } from '../options.ts'
import type { Attribution } from '../types.ts'

import { sanitizeHtmlOutput } from '../html.ts'
import { translate } from '../translations/translate.ts'
import { isIdOf } from '../utilities/isId.ts'
import { json, problem } from './respond.ts'

type Doc = Record<string, any>

/** `GET /api/<collection>/:id/ninjs`: the document as IPTC ninjs 2.x, rights fields from its attribution. */
export const ninjsEndpoint = (target: Target): Endpoint => ({
  path: '/:id/ninjs',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const { fields, slug } = target
    const id = req.routeParams?.id as string
    if (!isIdOf(req.payload, slug, id)) return problem(404, translate(req.t, 'error-noSuchId', { value: id, collection: slug }))
    let doc: Doc
    try {
      doc = await req.payload.findByID({ collection: slug, id, depth: 1, overrideAccess: false, user: req.user, req })
    } catch {
      return problem(404, translate(req.t, 'error-notFound'))
    }
    const field = (name: false | string) => (name ? doc[name] : undefined)
    const attribution = doc.attribution as Attribution | undefined
    const sourceName = (ref: unknown) => (ref && typeof ref === 'object' ? (ref as { name?: string }).name : undefined)
    const infosources = [doc[fields.source], ...(doc[fields.additionalSources] ?? [])]
      .map(sourceName)
      .filter(Boolean)
      .map((name) => ({ name, role: 'originfo' }))
    const body = field(fields.body)
    return json({
      uri: `urn:wirehouse:${slug}:${doc.id}`,
      type: 'text',
      representationtype: 'complete',
      profile: 'wirehouse-article',
      versioncreated: doc.updatedAt,
      firstcreated: field(fields.publishedAt) ?? doc.createdAt,
      pubstatus: doc._status === 'draft' ? 'withheld' : 'usable',
      headline: field(fields.headline),
      byline: attribution?.byline ?? field(fields.byline),
      located: field(fields.dateline)?.place ?? undefined,
      description_text: field(fields.summary) ?? undefined,
      body_html: body ? sanitizeHtmlOutput(convertLexicalToHTML({ data: body, disableContainer: true })) : undefined,
      copyrightholder: attribution?.copyrightHolder ?? undefined,
      copyrightnotice: attribution?.text,
      usageterms: attribution?.license === 'public-domain' ? 'Public domain.' : `Licence: ${attribution?.license}.`,
      infosource: infosources.length ? infosources : undefined,
    })
  },
})
