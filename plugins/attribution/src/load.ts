import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedOptions } from './options.ts'
import type { NoticeInput, PublisherInput } from './types.ts'

import { changedHere, requestCache, type Snapshot, snapshots } from './caches.ts'
import { RULES_GENERATION } from './constants.ts'
import { variablesOf } from './render.ts'
import { readGeneration } from './utilities/generation.ts'
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

type Upload = { url?: null | string; filename?: null | string; width?: null | number; height?: null | number }

/**
 * The publisher with its logo as the JSON-LD needs it: one query for the upload when it is only
 * an id (once per load of the rules). Payload stores a local file's URL relative (`/api/media/file/logo.png`); it is made
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
  const upload = (populated ? ref : id === null ? null : await req.payload.db.findOne({ collection: slug, where: { id: { equals: id } }, req })) as null | undefined | Upload
  if (!upload) return { ...publisher, logo: null }
  const { config } = req.payload
  const stored = upload.url || (upload.filename ? `${config.routes.api}/${slug}/file/${encodeURIComponent(upload.filename)}` : null)
  const server = config.serverURL?.endsWith('/') ? config.serverURL.slice(0, -1) : config.serverURL
  const url = stored?.startsWith('/') && server ? `${server}${stored}` : stored
  return { ...publisher, logo: { url, width: upload.width ?? null, height: upload.height ?? null } }
}

/** Every published notice, every source and the publisher (with its logo), as the database holds them now. */
const loadCurrent = async (req: PayloadRequest, options: ResolvedOptions, token: string): Promise<Snapshot> => {
  const { db } = req.payload
  const drafts = Boolean(req.payload.collections[options.noticesSlug]?.config.versions?.drafts)
  const [notices, sources, publisher] = await Promise.all([
    db.find({
      collection: options.noticesSlug,
      limit: 0,
      pagination: false,
      ...(drafts && { where: { _status: { equals: 'published' } } }),
      req,
    }),
    db.find({ collection: options.sourcesSlug, limit: 0, pagination: false, req }),
    db.findGlobal({ slug: options.publisherSlug, req }),
  ])
  const parsed = notices.docs as unknown as NoticeInput[]
  return {
    token,
    rules: { notices: parsed, publisher: await withLogo(req, options, publisher), usesSite: usesSite(parsed) },
    sources: new Map((sources.docs as unknown as Doc[]).map((doc) => [String(doc.id), doc])),
    hops: new Map(),
    resolved: { from: 0, until: -1, attributions: new Map(), parts: new Map() },
  }
}

/**
 * The rules as they are now, from this instance's cache: the request reads the generation token
 * (one small statement) and, while it is the one the cache was filled under, makes no other
 * query for them. Every change of a notice, a source, the publisher or a document along the site
 * path writes a new token (hooks/attribution.ts), in the change's transaction, so every instance
 * loads the rules again (three statements, four with a logo) at its next read after any change
 * anywhere. A request that has itself changed them reads them afresh, in its transaction, and
 * leaves the cache alone.
 */
export const currentSnapshot = (req: PayloadRequest, options: ResolvedOptions): Promise<Snapshot> =>
  requestCache(req, 'snapshot', async () => {
    if (changedHere(req)) return loadCurrent(req, options, 'changed')
    const token = await readGeneration(req, RULES_GENERATION)
    const cached = snapshots.get(req.payload)
    if (cached?.token === token) return cached.snapshot
    const snapshot = loadCurrent(req, options, token)
    snapshots.set(req.payload, { token, snapshot })
    snapshot.catch(() => snapshots.get(req.payload)?.snapshot === snapshot && snapshots.delete(req.payload))
    return snapshot
  })

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
    : currentSnapshot(req, options).then((snapshot) => snapshot.rules)
}

/**
 * The documents of `slug` along the site path with these ids, by id: from the rules' cache, with
 * one query for the ids it does not hold yet (kept there until the next change of the rules or
 * the path; trashed ones included, so a trashed reference can be reported as such).
 */
export const loadPathDocs = async (req: PayloadRequest, snapshot: Snapshot, slug: CollectionSlug, ids: string[]): Promise<Map<string, Doc | null>> => {
  let held = snapshot.hops.get(slug)
  if (!held) snapshot.hops.set(slug, (held = new Map()))
  const missing = [...new Set(ids)].filter((id) => !held.has(id))
  if (missing.length) {
    const { docs } = await req.payload.db.find({ collection: slug, limit: 0, pagination: false, where: { id: { in: missing } }, req })
    const found = new Map((docs as unknown as Doc[]).map((doc) => [String(doc.id), doc]))
    for (const id of missing) held.set(id, found.get(id) ?? null)
  }
  return held
}
