import type { PayloadRequest } from 'payload'

import type { ResolvedOptions, Target } from './options.ts'
import type { Hop } from './sitePath.ts'
import type { ArticleInput, Attribution, Id, SourceInput } from './types.ts'

import { bounded, MAX_RESOLVED, type Snapshot } from './caches.ts'
import { readerHidden } from './hiddenFields.ts'
import { currentSnapshot, loadPathDocs, loadRules } from './load.ts'
import { resolveAttribution, type Wanted } from './resolve.ts'
import { idOf } from './utilities/idOf.ts'
import { isAbsoluteUrl } from './utilities/web.ts'

type Doc = Record<string, unknown> & { id: Id }

const isDoc = (value: unknown, needs: string): value is Doc =>
  Boolean(value && typeof value === 'object' && 'id' in value && needs in value)

const refId = (ref: unknown): null | string => {
  const id = idOf(ref)
  return id === null ? null : String(id)
}

/**
 * Follows `hops` from each doc, level by level, through the documents populated already and the
 * rules' cache (a query per level only for documents it does not hold yet). Gives each doc's
 * documents along the path.
 */
const follow = async (req: PayloadRequest, snapshot: Snapshot, docs: Doc[], hops: Hop[]): Promise<(Doc | null)[][]> => {
  const paths: (Doc | null)[][] = docs.map(() => [])
  let current: (Doc | null)[] = docs
  for (const [index, hop] of hops.entries()) {
    const next = hops[index + 1]?.field ?? 'name'
    const refs = current.map((doc) => doc?.[hop.field])
    const unpopulated = refs.filter((ref) => !isDoc(ref, next)).map(refId).filter((id): id is string => id !== null)
    const held = unpopulated.length ? await loadPathDocs(req, snapshot, hop.collection, unpopulated) : undefined
    current = refs.map((ref) => {
      if (isDoc(ref, next)) return ref
      const id = refId(ref)
      return id === null ? null : ((held?.get(id) as Doc | null | undefined) ?? null)
    })
    current.forEach((doc, at) => paths[at].push(doc))
  }
  return paths
}

/** A field's value, when the collection has the field. */
const valueOf = (doc: Doc, field: false | string): unknown => (field ? doc[field] : undefined)

/** The host's public URL for a doc, as its function gives it (checked in `withUrl`). */
const publicUrlOf = (options: ResolvedOptions, target: Target, doc: Doc, path: (Doc | null)[]): unknown =>
  options.publicUrl ? options.publicUrl({ doc, path, site: path.at(-1) ?? null, collection: target.slug }) : undefined

/** The public URL kept only when absolute; what is wrong with it otherwise. */
const withUrl = (raw: unknown): { url?: string; warning?: string } => {
  if (raw === null || raw === undefined || raw === '') return {}
  return isAbsoluteUrl(raw) ? { url: raw } : { warning: `publicUrl gave ${JSON.stringify(raw)}, not an absolute http(s) URL: the JSON-LD has no url` }
}

/**
 * A copy of a cached attribution for one document: readers may change what they get (Payload's
 * form state gives the notices' rows ids), and the cache must not see it. Plain JSON values only.
 */
const copyOf = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(copyOf) as T
  if (!value || typeof value !== 'object') return value
  const copy: Record<string, unknown> = {}
  for (const key in value) copy[key] = copyOf((value as Record<string, unknown>)[key])
  return copy as T
}

/**
 * The attributions and notice parts resolved under `snapshot` at `now`: kept while no notice
 * starts or ends and the year stays the same, started afresh otherwise.
 */
const resolvedAt = (snapshot: Snapshot, now: number): Snapshot['resolved'] => {
  const { resolved } = snapshot
  if (now >= resolved.from && now < resolved.until) return resolved
  const year = new Date(now).getUTCFullYear()
  let from = Date.UTC(year, 0, 1)
  let until = Date.UTC(year + 1, 0, 1)
  for (const notice of snapshot.rules.notices) {
    for (const edge of [notice.effectiveFrom, notice.effectiveUntil]) {
      const time = edge ? new Date(edge).getTime() : Number.NaN
      if (time <= now && time > from) from = time
      if (time > now && time < until) until = time
    }
  }
  snapshot.resolved = { from, until, attributions: new Map(), parts: new Map() }
  return snapshot.resolved
}

const signatureOf = (want: Wanted): string => `${want.keys.join(',')}/${want.noticeKeys.join(',')}`

/**
 * The attribution of each doc of `target`: the rules, sources and site-path documents from the
 * rules' cache (see load.ts: no query while nothing changed), each attribution resolved once per
 * article version (id, `updatedAt`, references, site path), rules and question (`want`), each
 * read getting its own copy; the host's `publicUrl` is taken to depend on the
 * document and its path only.
 * A moment asked for (`at`) is resolved afresh. `unsaved`: the docs are not in the database (a preview).
 */
export const attributionsFor = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  target: Target,
  docs: Doc[],
  { at, unsaved = false, want }: { at?: Date; unsaved?: boolean; want?: Wanted } = {},
): Promise<Attribution[]> => {
  const { fields, hops: siteHops } = target
  const refsOf = (doc: Doc): unknown[] => [doc[fields.source], ...((doc[fields.additionalSources] as unknown[]) ?? [])]
  const snapshot = await currentSnapshot(req, options)
  const rules = at ? await loadRules(req, options, at) : snapshot.rules
  const paths = (rules.usesSite || options.publicUrl) && siteHops.length ? await follow(req, snapshot, docs, siteHops) : docs.map(() => [])
  const lookup = snapshot.sources as unknown as Map<string, SourceInput>

  const moment = at ?? new Date()
  const memo = at ? undefined : resolvedAt(snapshot, moment.getTime())
  const cache = memo?.parts ?? new Map()
  const signature = want ? signatureOf(want) : '*'
  return docs.map((doc, index) => {
    const path = paths[index]
    // An article version (its id and `updatedAt`, which every save changes) with its references
    // and its way to its site: what its attribution is made of under these rules.
    const key =
      memo && !unsaved && doc.updatedAt
        ? `${signature}|${doc.id}@${String(doc.updatedAt)}|${String(doc._status)}|${refsOf(doc).map(refId).join(',')}|${path.map((d) => d?.id ?? '').join(',')}`
        : undefined
    const known = key ? memo!.attributions.get(key) : undefined
    if (known) return copyOf(known)
    const site = rules.usesSite ? path.at(-1) : undefined
    const raw = publicUrlOf(options, target, doc, path)
    const article: ArticleInput = {
      source: refId(doc[fields.source]),
      additionalSources: refsOf(doc).slice(1).map(refId).filter((id): id is string => id !== null),
      byline: valueOf(doc, fields.byline) as string,
      publishedAt: valueOf(doc, fields.publishedAt) as string,
      updatedAt: doc.updatedAt as string,
      dateline: valueOf(doc, fields.dateline) as ArticleInput['dateline'],
      headline: valueOf(doc, fields.headline) as string,
      summary: valueOf(doc, fields.summary) as string,
      wireRights: (valueOf(doc, fields.wireRights) ?? (unsaved ? undefined : readerHidden(req, target, doc))) as ArticleInput['wireRights'],
      site: site?.id ?? null,
    }
    const siteName = site?.name
    const { url, warning } = withUrl(raw)
    const variables = { ...options.extraVariables, ...(site && { site: { name: siteName } }) }
    let attribution = resolveAttribution({ article: { ...article, url }, sources: lookup, notices: rules.notices, publisher: rules.publisher, at: moment, variables, cache, want })
    const extra = [...(rules.warnings ?? []), ...(warning ? [warning] : [])]
    if (extra.length && attribution.warnings) attribution = { ...attribution, warnings: [...(rules.warnings ?? []), ...attribution.warnings, ...(warning ? [warning] : [])] }
    return key ? copyOf(bounded(memo!.attributions, key, attribution, MAX_RESOLVED)) : attribution
  })
}
