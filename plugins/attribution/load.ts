import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedOptions } from './options'
import type { NoticeInput, PublisherInput } from './types'

import { variablesIn } from './template'
import { bodyText } from './render'

export type Rules = { notices: NoticeInput[]; publisher: PublisherInput; usesSite: boolean }

type Doc = Record<string, unknown> & { id: number | string }

const RULES_KEY = 'attributionRules'
const DOCS_KEY = 'attributionDocs'

type Stamp = { id: number | string; updatedAt?: string }
type Loaded = { fingerprint: string; notices: NoticeInput[]; usesSite: boolean }

// Parsed notices per Payload instance, reused while the notices' ids and updatedAt stay the same.
const loadedNotices = new WeakMap<object, Loaded>()

/**
 * The published notices and the publisher, for every document the request reads (lists,
 * populated relationships): two small statements per request, whatever the page size. The
 * notices themselves are read again only when one was added, changed, trashed or deleted, as
 * their ids and `updatedAt` show, so every instance sees a change on its next read. Read from the
 * adapter: the rules are ours to read whoever asks, and hooks, access and rich-text processing
 * would cost more than the whole resolution.
 */
export const loadRules = (req: PayloadRequest, options: ResolvedOptions): Promise<Rules> => {
  const cached = req.context[RULES_KEY] as Promise<Rules> | undefined
  if (cached) return cached
  const { db } = req.payload
  const drafts = Boolean(req.payload.collections[options.noticesSlug]?.config.versions?.drafts)
  const query = {
    collection: options.noticesSlug,
    limit: 0,
    pagination: false,
    ...(drafts && { where: { _status: { equals: 'published' } } }),
    req,
  }
  const loading = (async () => {
    const [stamps, publisher] = await Promise.all([
      db.find<Stamp>({ ...query, select: { updatedAt: true } }),
      db.findGlobal({ slug: options.publisherSlug, req }),
    ])
    const fingerprint = stamps.docs.map((s) => `${s.id}@${s.updatedAt}`).join(',')
    let loaded = loadedNotices.get(req.payload)
    if (loaded?.fingerprint !== fingerprint) {
      const notices = (await db.find(query)).docs as unknown as NoticeInput[]
      const usesSite = notices.some((n) => variablesIn(bodyText(n.body)).some((name) => name.startsWith('site.')))
      loaded = { fingerprint, notices, usesSite }
      loadedNotices.set(req.payload, loaded)
    }
    return { notices: loaded.notices, publisher: publisher as unknown as PublisherInput, usesSite: loaded.usesSite }
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
 * not seen yet, read from the adapter (trashed ones included, so a trashed reference can be
 * reported as such).
 */
export const loadByIds = async (req: PayloadRequest, slug: CollectionSlug, ids: string[]): Promise<Map<string, Doc | null>> => {
  const cache = cacheFor(req, slug)
  const missing = [...new Set(ids)].filter((id) => !cache.has(id))
  if (missing.length) {
    const { docs } = await req.payload.db.find({
      collection: slug,
      limit: 0,
      pagination: false,
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
