import type { Endpoint, PayloadRequest } from 'payload'

import { problem as fail } from '../api/problem'
import { WIRE_PAGE_EXAMPLE } from '../openapi/examples'
import { jsonResponse, queryParameter, refusals, schemaRef } from '../openapi/refs'
import { limiter, tooManyRequests } from '../rateLimit/limiter'

import { createIngester, INGEST_DEFAULTS, type IngestOptions, type IngestResult } from './ingest'
import { type Deadline, IngestError, tooLarge } from './types'

/** The request body, refused as soon as it passes `maxBytes` or its deadline: never buffered whole. */
const readBody = async (req: PayloadRequest, maxBytes: number, deadline: Deadline): Promise<Uint8Array> => {
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > maxBytes) throw tooLarge(maxBytes, declared)
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of (req.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length
    if (size > maxBytes) throw tooLarge(maxBytes)
    deadline.check()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

const messageOf = ({ outcome, review, versions, kill }: IngestResult) => {
  if (versions) return `Article stale: this is the wire's version of ${versions.received}, older than the stored version of ${versions.stored}; nothing was changed.`
  if (kill) {
    if (outcome === 'kill-unknown') return `Kill (${kill.signal}) for a story we do not hold (${kill.named}); nothing was written.`
    if (outcome === 'killed') return `Article withdrawn: a kill (${kill.signal}) from the wire.`
    return `Article already withdrawn${kill.withdrawnAt ? ` on ${kill.withdrawnAt}` : ''}; nothing was changed.`
  }
  return review && outcome !== 'unchanged' ? `Article ${outcome} as a draft for review: ${review}` : `Article ${outcome}.`
}

const INGESTED = {
  type: 'object',
  properties: {
    message: { type: 'string' },
    outcome: { type: 'string', enum: ['created', 'updated', 'unchanged', 'stale', 'killed', 'kill-unknown'] },
    doc: { oneOf: [schemaRef('articles'), { type: 'null' }] },
    review: { type: ['string', 'null'], description: 'Why the article waits as a draft for review, when it does.' },
    notes: { type: ['array', 'null'], items: { type: 'string' } },
    versions: { type: ['object', 'null'], description: 'The stale case: the received and the stored version times.' },
    kill: { type: ['object', 'null'], description: 'The kill case: its signal and the story it named.' },
  },
  required: ['message', 'outcome', 'doc'],
}

const ingestDescription = (maxBytes: number) => ({
  summary: 'Ingest one wire story',
  description:
    'One story as a wire page (`text/plain`), NITF (`application/xml`) or ninjs (`application/json`), or a kill in any of them. Creates the article (201) or updates the one with the same wire id (200); `unchanged` and `stale` (older than the stored version) write nothing. Editors and admins, signed in or with an API key; throttled per account. See docs/ingest.md.',
  parameters: [
    queryParameter('site', "The site (domain or id) whose sections the story's section is looked up in."),
    queryParameter('draft', 'Hold the article back as a draft.', { type: 'boolean' }),
  ],
  requestBody: {
    required: true,
    description: `At most ${maxBytes} bytes.`,
    content: {
      'text/plain': { schema: { type: 'string' }, example: WIRE_PAGE_EXAMPLE },
      'application/xml': { schema: { type: 'string', description: 'NITF 3.x' } },
      'application/json': { schema: { type: 'object', description: 'An IPTC ninjs 1.x/2.x/3.x item.', additionalProperties: true } },
    },
  },
  responses: {
    201: jsonResponse('Created.', INGESTED),
    200: jsonResponse('Updated, unchanged, stale, or a kill applied.', INGESTED),
    ...refusals(400, 401, 403, 429),
    413: { $ref: '#/components/responses/Error' },
    415: { $ref: '#/components/responses/Error' },
    422: { $ref: '#/components/responses/Error' },
  },
})

/**
 * `POST /api/articles/ingest`: one story as a wire page (text/plain), NITF (application/xml)
 * or ninjs (application/json), or a kill in any of them (200, `outcome: 'killed'`, or
 * `'kill-unknown'` with `doc: null` for a story we never held; editors may send kills: an agency's
 * kill is applied at once, and audited). `?site=` names the site for the section, `?draft=true` holds it
 * back. 201 with the new article; 200 when it updated one, found it unchanged, or found the
 * story stale (`outcome: 'stale'`: an older version than the one stored, by the wire's version
 * time; nothing written). Stale is an answer, not an error: a client polling a feed that
 * delivers versions out of order goes on to its next item.
 */
export const ingestEndpoint = (options: Pick<IngestOptions, 'maxBytes' | 'timeoutMs'> = {}): Endpoint => ({
  path: '/ingest',
  method: 'post',
  custom: { openapi: ingestDescription(options.maxBytes ?? INGEST_DEFAULTS.maxBytes) },
  handler: async (req) => {
    const startedAt = performance.now()
    if (!req.user) return fail(401, 'Sign in (or send an API key) to ingest wire copy.')
    const wait = await limiter('INGEST_USER').consume(`${req.user.collection}:${req.user.id}`)
    if (wait !== null) return tooManyRequests('ingest requests for this account', wait)
    const canCreate = await req.payload.collections.articles.config.access.create?.({ req })
    if (!canCreate) return fail(403, 'Only editors and admins ingest wire copy.')
    const contentType = req.headers.get('content-type') ?? undefined
    if (!contentType) return fail(415, 'Send a Content-Type: text/plain, application/xml or application/json.')
    const maxBytes = options.maxBytes ?? INGEST_DEFAULTS.maxBytes
    const ingester = createIngester(req.payload, {
      ...options,
      user: req.user,
      site: req.searchParams.get('site') ?? undefined,
      draft: req.searchParams.get('draft') === 'true',
    })
    // The time limit counts from the request, reading and parsing included.
    const deadline = ingester.deadline(startedAt)
    try {
      const bytes = await readBody(req, maxBytes, deadline)
      const result = await ingester.receive({ bytes, contentType }, deadline)
      const { outcome, article, review, notes, versions, kill } = result
      const written = outcome === 'created' || outcome === 'updated'
      const doc = !article
        ? null
        : written
          ? article
          : await req.payload.findByID({ collection: 'articles', id: article.id, draft: true, depth: 0, user: req.user, overrideAccess: false })
      return Response.json({ message: messageOf(result), outcome, doc, review, notes, versions, kill }, { status: outcome === 'created' ? 201 : 200 })
    } catch (error) {
      if (error instanceof IngestError) return fail(error.status, error.message)
      throw error
    }
  },
})
