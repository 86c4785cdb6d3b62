import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedOptions } from './options'
import type { NoticeInput, PublisherInput } from './types'

import { variablesIn } from './template'
import { bodyText } from './render'

export type Rules = { notices: NoticeInput[]; publisher: PublisherInput; usesSite: boolean }

type Doc = Record<string, unknown> & { id: number | string }

const RULES_KEY = 'attributionRules'
const DOCS_KEY = 'attributionDocs'

/**
 * The published notices and the publisher, loaded once per request and shared by every
 * document the request reads (lists, populated relationships): two queries, whatever the page size.
 */
export const loadRules = (req: PayloadRequest, options: ResolvedOptions): Promise<Rules> => {
  const cached = req.context[RULES_KEY] as Promise<Rules> | undefined
  if (cached) return cached
  const loading = (async () => {
    const [notices, publisher] = await Promise.all([
      req.payload.find({
        collection: options.noticesSlug,
        depth: 0,
        limit: 0,
        pagination: false,
        where: { _status: { equals: 'published' } },
        req,
      }),
      req.payload.findGlobal({ slug: options.publisherSlug, depth: 0, req }),
    ])
    const docs = notices.docs as unknown as NoticeInput[]
    return {
      notices: docs,
      publisher: publisher as unknown as PublisherInput,
      usesSite: docs.some((n) => variablesIn(bodyText(n.body)).some((name) => name.startsWith('site.'))),
    }
  })()
  req.context[RULES_KEY] = loading
  return loading
}

const cacheFor = (req: PayloadRequest, slug: string): Map<string, Doc | null> => {
  const all = (req.context[DOCS_KEY] ??= new Map()) as Map<string, Map<string, Doc | null>>
  if (!all.has(slug)) all.set(slug, new Map())
  return all.get(slug)!
}

/** Documents we already hold (populated relationships) spare a query. */
export const remember = (req: PayloadRequest, slug: string, docs: Doc[]): void => {
  const cache = cacheFor(req, slug)
  for (const doc of docs) if (!cache.has(String(doc.id))) cache.set(String(doc.id), doc)
}

/**
 * The documents of `slug` with these ids, by id, from one query for all the ids this request has
 * not seen yet (trashed ones included, so a trashed reference can be reported as such).
 */
export const loadByIds = async (req: PayloadRequest, slug: CollectionSlug, ids: string[]): Promise<Map<string, Doc | null>> => {
  const cache = cacheFor(req, slug)
  const missing = [...new Set(ids)].filter((id) => !cache.has(id))
  if (missing.length) {
    const trash = Boolean(req.payload.collections[slug]?.config.trash)
    const { docs } = await req.payload.find({
      collection: slug,
      depth: 0,
      limit: 0,
      pagination: false,
      trash,
      where: { id: { in: missing } },
      req,
    })
    for (const id of missing) cache.set(id, null)
    for (const doc of docs as unknown as Doc[]) cache.set(String(doc.id), doc)
  }
  return cache
}

export const forgetLoaded = (req: PayloadRequest): void => {
  delete req.context[RULES_KEY]
  delete req.context[DOCS_KEY]
}
