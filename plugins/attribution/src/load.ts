import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedOptions } from './options.ts'
import type { NoticeInput, PublisherInput } from './types.ts'

import { loadedNotices, requestCache } from './caches.ts'
import { variablesOf } from './render.ts'
import { idOf } from './utilities/idOf.ts'

export type Rules = {
  notices: NoticeInput[]
  publisher: PublisherInput
  usesSite: boolean
  /** What the article should know about these rules (e.g. a moment before any recorded history). */
  warnings?: string[]
}

type Doc = Record<string, unknown> & { id: number | string }

/** Whether articles' sites matter: a notice kept to some sites, or one that says `{{site.*}}`. */
const usesSite = (notices: NoticeInput[]): boolean =>
  notices.some(
    (n) => Boolean(n.appliesTo?.sites?.length) || variablesOf(n.body).some((name) => name.startsWith('site.')),
  )

type Stamp = { id: number | string; updatedAt?: string }

type Upload = { url?: null | string; filename?: null | string; width?: null | number; height?: null | number }

/**
 * The publisher with its logo as the JSON-LD needs it: one query for the upload when it is only
 * an id. Payload stores a local file's URL relative (`/api/media/file/logo.png`); it is made
 * absolute with the config's `serverURL`, and stays relative without one (the JSON-LD then puts
 * it on the article's own host). A storage adapter's absolute URL is kept as it is.
 */
const withLogo = async (req: PayloadRequest, options: ResolvedOptions, raw: unknown): Promise<PublisherInput> => {
  const publisher = (raw ?? {}) as Omit<PublisherInput, 'logo'> & { logo?: unknown }
  const slug = options.uploadsCollection
  const ref = publisher.logo
  if (!slug || ref === null || ref === undefined || ref === '') return { ...publisher, logo: null }
  const id = idOf(ref)
  const populated = typeof ref === 'object' && 'filename' in ref
  const upload = (populated ? ref : id === null ? null : (await loadByIds(req, slug, [String(id)])).get(String(id))) as null | undefined | Upload
  if (!upload) return { ...publisher, logo: null }
  const { config } = req.payload
  const stored = upload.url || (upload.filename ? `${config.routes.api}/${slug}/file/${encodeURIComponent(upload.filename)}` : null)
  const server = config.serverURL?.endsWith('/') ? config.serverURL.slice(0, -1) : config.serverURL
  const url = stored?.startsWith('/') && server ? `${server}${stored}` : stored
  return { ...publisher, logo: { url, width: upload.width ?? null, height: upload.height ?? null } }
}

/**
 * The published notices and the publisher, for every document the request reads (lists,
 * populated relationships): two small statements per request, whatever the page size, and a
 * third for the publisher's logo when it has one. The
 * notices themselves are read again only when one was added, changed, trashed or deleted, as
 * their ids and `updatedAt` show, so every instance sees a change on its next read. Read from the
 * adapter: the rules are ours to read whoever asks, and hooks, access and rich-text processing
 * would cost more than the whole resolution.
 */
const currentRules = async (req: PayloadRequest, options: ResolvedOptions): Promise<Rules> => {
  const { db } = req.payload
  const drafts = Boolean(req.payload.collections[options.noticesSlug]?.config.versions?.drafts)
  const query = {
    collection: options.noticesSlug,
    limit: 0,
    pagination: false,
    ...(drafts && { where: { _status: { equals: 'published' } } }),
    req,
  }
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
  return { notices: loaded.notices, publisher: await withLogo(req, options, publisher), usesSite: loaded.usesSite }
}

type NoticeVersion = { parent: unknown; updatedAt: string; version: NoticeInput }

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
    const id = idOf(parent)!
    if (!latest.has(String(id))) latest.set(String(id), { ...version, id })
  }
  const notices = [...latest.values()]
  const since = (first.docs[0] as undefined | { updatedAt: string })?.updatedAt
  const warnings =
    !since || new Date(since) > at
      ? [`no notice history before ${since ?? 'now'}: nothing recorded was in force at ${at.toISOString()}`]
      : []
  return { notices, publisher: await withLogo(req, options, publisher), usesSite: usesSite(notices), warnings }
}

/**
 * The rules in force at `at`: the published notices now, or, for a moment in the past, the
 * notices as they stood then. Once per request and moment.
 */
export const loadRules = (req: PayloadRequest, options: ResolvedOptions, at?: Date): Promise<Rules> => {
  const past = at && at.getTime() < Date.now() && Boolean(req.payload.collections[options.noticesSlug]?.config.versions)
  return past
    ? requestCache(req, `rules@${at.toISOString()}`, () => rulesAt(req, options, at))
    : requestCache(req, 'rules', () => currentRules(req, options))
}

const cacheFor = (req: PayloadRequest, slug: string): Map<string, Doc | null> =>
  requestCache(req, `docs:${slug}`, () => new Map<string, Doc | null>())

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
