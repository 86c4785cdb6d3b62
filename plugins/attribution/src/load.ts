import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedOptions } from './options.ts'
import type { NoticeInput, PublisherInput } from './types.ts'

import { variablesIn } from './template.ts'
import { bodyText } from './render.ts'

export type Rules = {
  notices: NoticeInput[]
  publisher: PublisherInput
  usesSite: boolean
  /** What the article should know about these rules (e.g. a moment before any recorded history). */
  warnings?: string[]
}

type Doc = Record<string, unknown> & { id: number | string }

const RULES_KEY = 'attributionRules'
const DOCS_KEY = 'attributionDocs'

/** Whether articles' sites matter: a notice kept to some sites, or one that says `{{site.*}}`. */
const usesSite = (notices: NoticeInput[]): boolean =>
  notices.some(
    (n) => Boolean(n.appliesTo?.sites?.length) || variablesIn(bodyText(n.body)).some((name) => name.startsWith('site.')),
  )

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
const currentRules = (req: PayloadRequest, options: ResolvedOptions): Promise<Rules> => {
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
      loaded = { fingerprint, notices, usesSite: usesSite(notices) }
      loadedNotices.set(req.payload, loaded)
    }
    return { notices: loaded.notices, publisher: publisher as unknown as PublisherInput, usesSite: loaded.usesSite }
  })()
  return loading
}

type NoticeVersion = { parent: number | string; updatedAt: string; version: NoticeInput }

/** The publisher global as it stood at `at`, from its versions when it keeps them. */
const publisherAt = async (req: PayloadRequest, options: ResolvedOptions, at: Date): Promise<unknown> => {
  const { db } = req.payload
  if (req.payload.globals.config.find((g) => g.slug === options.publisherSlug)?.versions) {
    const { docs } = await db.findGlobalVersions({
      global: options.publisherSlug,
      limit: 1,
      sort: '-updatedAt',
      where: { updatedAt: { less_than_equal: at.toISOString() } },
      req,
    })
    if (docs[0]) return docs[0].version
  }
  return db.findGlobal({ slug: options.publisherSlug, req })
}

/**
 * The notices as they stood at `at`: of each notice, its last published version saved by then
 * (a trashed one included, so the trash counts from the moment it happened), and the publisher's
 * version of then. Sources are taken as they are now: they keep no versions.
 */
const rulesAt = async (req: PayloadRequest, options: ResolvedOptions, at: Date): Promise<Rules> => {
  const { db } = req.payload
  const [first, versions, publisher] = await Promise.all([
    db.findVersions<NoticeInput>({ collection: options.noticesSlug, limit: 1, sort: 'updatedAt', req }),
    db.findVersions<NoticeInput>({
      collection: options.noticesSlug,
      limit: 0,
      pagination: false,
      sort: '-updatedAt',
      where: {
        and: [{ updatedAt: { less_than_equal: at.toISOString() } }, { 'version._status': { equals: 'published' } }],
      },
      req,
    }),
    publisherAt(req, options, at),
  ])
  const latest = new Map<string, NoticeInput>()
  for (const { parent, version } of versions.docs as unknown as NoticeVersion[]) {
    const id = String(typeof parent === 'object' && parent ? (parent as { id: number | string }).id : parent)
    if (!latest.has(id)) latest.set(id, { ...version, id: typeof parent === 'object' ? id : parent })
  }
  const notices = [...latest.values()]
  const since = (first.docs[0] as undefined | { updatedAt: string })?.updatedAt
  const warnings =
    !since || new Date(since) > at
      ? [`no notice history before ${since ?? 'now'}: nothing recorded was in force at ${at.toISOString()}`]
      : []
  return { notices, publisher: publisher as unknown as PublisherInput, usesSite: usesSite(notices), warnings }
}

/**
 * The rules in force at `at`: the published notices now, or, for a moment in the past, the
 * notices as they stood then. Once per request and moment.
 */
export const loadRules = (req: PayloadRequest, options: ResolvedOptions, at?: Date): Promise<Rules> => {
  const past = at && at.getTime() < Date.now() && Boolean(req.payload.collections[options.noticesSlug]?.config.versions)
  const key = past ? `${RULES_KEY}@${at.toISOString()}` : RULES_KEY
  const cached = req.context[key] as Promise<Rules> | undefined
  if (cached) return cached
  const loading = past ? rulesAt(req, options, at) : currentRules(req, options)
  req.context[key] = loading
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
  for (const key of Object.keys(req.context)) if (key.startsWith(RULES_KEY)) delete req.context[key]
  delete req.context[DOCS_KEY]
}
