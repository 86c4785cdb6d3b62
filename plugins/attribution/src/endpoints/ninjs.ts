import type { Endpoint, PayloadRequest, Where } from 'payload'

import type { Target } from '../options.ts'
import type { Attribution } from '../types.ts'

import { buildNinjs } from '../ninjs/build.ts'
import { type Negotiation, negotiateNinjs } from '../ninjs/negotiate.ts'
import { NINJS_MEDIA_TYPE, type NinjsVersion, ninjsStandard, SUPPORTED_NINJS_VERSIONS } from '../ninjs/versions.ts'
import { translate } from '../translations/translate.ts'
import { isIdOf } from '../utilities/isId.ts'
import { idParameter, ok, query, refusals } from './openapi.ts'
import { json, problem } from './respond.ts'

type Doc = Record<string, any>
type Query = Record<string, unknown>

/** The most items one page of the feed holds, as the app's REST lists. */
export const NINJS_FEED_MAX_LIMIT = 100
const NINJS_FEED_DEFAULT_LIMIT = 10

/** The version the request asks for, or the 400/406 naming the versions there are. */
const versionFor = (req: PayloadRequest): Extract<Negotiation, { version: NinjsVersion }> | Response => {
  const negotiation = negotiateNinjs((req.query as Query | undefined)?.version, req.headers.get('accept'))
  if ('version' in negotiation) return negotiation
  const key = negotiation.refused === 400 ? 'error-ninjsVersionMalformed' : 'error-ninjsVersionUnsupported'
  return problem(negotiation.refused, translate(req.t, key, { value: negotiation.asked, supported: SUPPORTED_NINJS_VERSIONS.join(', ') }))
}

const answer = (body: unknown, { version, ninjsMediaType }: { version: NinjsVersion; ninjsMediaType: boolean }) =>
  json(body, 200, { 'Content-Type': ninjsMediaType ? `${NINJS_MEDIA_TYPE}; version=${version}` : 'application/json', Vary: 'Accept' })

/** The collection `target`'s section field points to, for the subjects' `uri`. */
const sectionCollection = (req: PayloadRequest, target: Target): string | undefined => {
  const { section } = target.fields
  const field = section ? req.payload.collections[target.slug]?.config.flattenedFields.find((f) => f.name === section) : undefined
  return field && 'relationTo' in field && typeof field.relationTo === 'string' ? field.relationTo : undefined
}

/**
 * The rights notices' own texts go into ninjs `rights`. A new object per read: Payload may adopt the object
 * given as the request's `context`, and the plugin keeps per-request caches there (a shared
 * constant kept one request's rules for every later one).
 */
const full = () => ({ attribution: 'full' })

const itemOf = (req: PayloadRequest, target: Target, version: NinjsVersion) => {
  const sections = sectionCollection(req, target)
  return (doc: Doc) =>
    buildNinjs({ doc, attribution: doc.attribution as Attribution | undefined, collection: target.slug, fields: target.fields, version, sectionCollection: sections })
}

const versionParameter = query('version', `The ninjs version (${SUPPORTED_NINJS_VERSIONS.join(', ')}; default 2.2). Or \`Accept: ${NINJS_MEDIA_TYPE}; version=3.1\`.`, {
  type: 'string',
  enum: SUPPORTED_NINJS_VERSIONS,
})
const NINJS_ITEM = {
  type: 'object',
  description: 'An IPTC ninjs item (https://iptc.org/standards/ninjs/): `uri`, `headlines`/`headline`, `bodies`/`body_html`, `rights` from the attribution, `subjects`, `altids`…',
  additionalProperties: true,
}

/** `GET /api/<collection>/:id/ninjs`: the document as IPTC ninjs (2.2, or 3.1 on request), as its read access allows. */
export const ninjsEndpoint = (target: Target): Endpoint => ({
  path: '/:id/ninjs',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Read a document as ninjs',
      description: `The document as an IPTC ninjs item (2.2 by default, 3.1 on request), its rights from the full attribution; as the caller's read access allows. Labelled \`${NINJS_MEDIA_TYPE}; version=…\` when asked for by \`Accept\`, else \`application/json\`.`,
      parameters: [idParameter(), versionParameter, query('attributionAt', 'Resolve the rights as at this moment (ISO 8601).', { type: 'string', format: 'date-time' })],
      responses: {
        200: { description: 'The ninjs item.', content: { 'application/json': { schema: NINJS_ITEM }, [NINJS_MEDIA_TYPE]: { schema: NINJS_ITEM } } },
        ...refusals(400, 404, 406),
      },
    },
  },
  handler: async (req: PayloadRequest) => {
    const { slug } = target
    const id = req.routeParams?.id as string
    if (!isIdOf(req.payload, slug, id)) return problem(404, translate(req.t, 'error-noSuchId', { value: id, collection: slug }))
    const asked = versionFor(req)
    if (asked instanceof Response) return asked
    let doc: Doc
    try {
      doc = await req.payload.findByID({ collection: slug, id, depth: 1, overrideAccess: false, user: req.user, req, context: full() })
    } catch (error) {
      // A malformed request (a moment that is not a date: `?attributionAt=`) is the caller's; anything else is not found.
      if ((error as { status?: number }).status === 400) return problem(400, (error as Error).message)
      return problem(404, translate(req.t, 'error-notFound'))
    }
    return answer(itemOf(req, target, asked.version)(doc), asked)
  },
})

const WHOLE = (value: string) => value.length > 0 && value.length < 10 && [...value].every((c) => c >= '0' && c <= '9')

/** `limit`, `page`, `where` and `sort` of the feed as `find` takes them, or the 400 naming the first that is wrong. */
const feedQuery = (req: PayloadRequest, query: Query) => {
  const { limit = String(NINJS_FEED_DEFAULT_LIMIT), page = '1', sort, where } = query
  if (typeof limit !== 'string' || !WHOLE(limit) || Number(limit) < 1 || Number(limit) > NINJS_FEED_MAX_LIMIT) {
    return problem(400, translate(req.t, 'error-limit', { value: String(limit) }))
  }
  if (typeof page !== 'string' || !WHOLE(page) || Number(page) < 1) return problem(400, translate(req.t, 'error-page', { value: String(page) }))
  let parsed: unknown = where
  if (typeof where === 'string') {
    try {
      parsed = where ? JSON.parse(where) : undefined
    } catch {
      parsed = null
    }
  }
  if (parsed !== undefined && (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))) {
    return problem(400, translate(req.t, 'error-where'))
  }
  if (sort !== undefined && typeof sort !== 'string' && !(Array.isArray(sort) && sort.every((s) => typeof s === 'string'))) {
    return problem(400, translate(req.t, 'error-notText', { field: 'sort' }))
  }
  return { limit: Number(limit), page: Number(page), sort: sort as string | string[] | undefined, where: parsed as undefined | Where }
}

/**
 * `GET /api/<collection>/ninjs?where=&sort=&limit=&page=&version=`: a page of the documents the
 * caller may read (anonymous readers: published ones), each as a ninjs item, for partners to poll.
 */
export const ninjsFeedEndpoint = (target: Target): Endpoint => ({
  path: '/ninjs',
  method: 'get',
  custom: {
    openapi: {
      summary: 'A feed page of ninjs items',
      description: 'A page of the documents the caller may read (anonymous readers: the published and public ones), newest first by the given sort, each as a ninjs item: for partners to poll.',
      parameters: [
        query('where', 'A query as a JSON object (or qs `where[field][op]=`), as the REST lists take it.'),
        query('sort', 'A field to sort by; `-field` descending.'),
        query('limit', `Items per page (1 to ${NINJS_FEED_MAX_LIMIT}; default ${NINJS_FEED_DEFAULT_LIMIT}).`, { type: 'integer', minimum: 1, maximum: NINJS_FEED_MAX_LIMIT }),
        query('page', 'The page, from 1.', { type: 'integer', minimum: 1 }),
        versionParameter,
      ],
      responses: {
        200: ok('A page of ninjs items (always `application/json`).', {
          type: 'object',
          properties: {
            standard: { type: 'object', properties: { name: { type: 'string' }, version: { type: 'string' }, schema: { type: 'string' } } },
            items: { type: 'array', items: NINJS_ITEM },
            page: { type: 'integer' },
            limit: { type: 'integer' },
            totalDocs: { type: 'integer' },
            totalPages: { type: 'integer' },
            nextPage: { type: ['integer', 'null'] },
            prevPage: { type: ['integer', 'null'] },
          },
          required: ['standard', 'items', 'page', 'limit', 'totalDocs', 'totalPages'],
        }),
        ...refusals(400, 406),
      },
    },
  },
  handler: async (req: PayloadRequest) => {
    const asked = versionFor(req)
    if (asked instanceof Response) return asked
    const query = feedQuery(req, (req.query ?? {}) as Query)
    if (query instanceof Response) return query
    let found
    try {
      found = await req.payload.find({ collection: target.slug, ...query, depth: 1, overrideAccess: false, user: req.user, req, context: full() })
    } catch (error) {
      // A query the collection refuses (a path that is not one, a value of the wrong type) is the caller's.
      const status = (error as { status?: number }).status
      if (status && status >= 400 && status < 500) return problem(status, (error as Error).message)
      throw error
    }
    return answer(
      {
        standard: ninjsStandard(asked.version),
        items: found.docs.map(itemOf(req, target, asked.version)),
        page: found.page,
        limit: found.limit,
        totalDocs: found.totalDocs,
        totalPages: found.totalPages,
        nextPage: found.nextPage ?? null,
        prevPage: found.prevPage ?? null,
      },
      // A page is not a ninjs item: always labelled plain JSON.
      { ...asked, ninjsMediaType: false },
    )
  },
})
