import type { PayloadRequest } from 'payload'

import type { ResolvedOptions, Target } from './options.ts'
import type { Hop } from './sitePath.ts'
import type { ArticleInput, Attribution, Id, SourceInput } from './types.ts'

import { readerHidden } from './hiddenFields.ts'
import { loadByIds, loadRules, remember } from './load.ts'
import { resolveAttribution } from './resolve.ts'
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
 * Follows `hops` from each doc, level by level: one query per level for the documents not
 * already populated, whatever the number of docs. Gives each doc's documents along the path.
 */
const follow = async (req: PayloadRequest, docs: Doc[], hops: Hop[]): Promise<(Doc | null)[][]> => {
  const paths: (Doc | null)[][] = docs.map(() => [])
  let current: (Doc | null)[] = docs
  for (const [index, hop] of hops.entries()) {
    const next = hops[index + 1]?.field ?? 'name'
    const refs = current.map((doc) => doc?.[hop.field])
    remember(req, hop.collection, refs.filter((ref) => isDoc(ref, next)) as Doc[])
    const ids = refs.map(refId).filter((id): id is string => id !== null)
    const found = await loadByIds(req, hop.collection, ids)
    current = refs.map((ref) => {
      const id = refId(ref)
      return id === null ? null : (found.get(id) ?? null)
    })
    current.forEach((doc, at) => paths[at].push(doc))
  }
  return paths
}

/** A field's value, when the collection has the field. */
const valueOf = (doc: Doc, field: false | string): unknown => (field ? doc[field] : undefined)

/** The host's public URL for a doc, kept only when absolute; what is wrong with it otherwise. */
const publicUrlOf = (options: ResolvedOptions, target: Target, doc: Doc, path: (Doc | null)[]): { url?: string; warning?: string } => {
  if (!options.publicUrl) return {}
  const url = options.publicUrl({ doc, path, site: path.at(-1) ?? null, collection: target.slug })
  if (url === null || url === undefined || url === '') return {}
  return isAbsoluteUrl(url) ? { url } : { warning: `publicUrl gave ${JSON.stringify(url)}, not an absolute http(s) URL: the JSON-LD has no url` }
}

/**
 * The attribution of each doc of `target`, from one load shared by all of them: the request's
 * rules, one query for the sources not already populated, the documents along the site path
 * (one query per step) only when a notice is kept to sites or uses `{{site.*}}` or there is a
 * `publicUrl`. `unsaved`: the docs are not in the database (a preview).
 */
export const attributionsFor = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  target: Target,
  docs: Doc[],
  { at, unsaved = false }: { at?: Date; unsaved?: boolean } = {},
): Promise<Attribution[]> => {
  const { fields, hops: siteHops } = target
  const refsOf = (doc: Doc): unknown[] => [doc[fields.source], ...((doc[fields.additionalSources] as unknown[]) ?? [])]
  const refs = docs.flatMap(refsOf)
  remember(req, options.sourcesSlug, refs.filter((ref) => isDoc(ref, 'license')) as Doc[])
  const [rules, sources] = await Promise.all([
    loadRules(req, options, at),
    loadByIds(req, options.sourcesSlug, refs.map(refId).filter((id): id is string => id !== null)),
  ])
  const paths = (rules.usesSite || options.publicUrl) && siteHops.length ? await follow(req, docs, siteHops) : docs.map(() => [])
  const lookup = new Map<string, SourceInput>()
  for (const [id, source] of sources) if (source) lookup.set(id, source as unknown as SourceInput)

  const cache = new Map()
  const moment = at ?? new Date()
  return docs.map((doc, index) => {
    const site = rules.usesSite ? paths[index].at(-1) : undefined
    const { url, warning } = publicUrlOf(options, target, doc, paths[index])
    const article: ArticleInput = {
      source: refId(doc[fields.source]),
      additionalSources: refsOf(doc).slice(1).map(refId).filter((id): id is string => id !== null),
      byline: valueOf(doc, fields.byline) as string,
      publishedAt: valueOf(doc, fields.publishedAt) as string,
      updatedAt: doc.updatedAt as string,
      dateline: valueOf(doc, fields.dateline) as ArticleInput['dateline'],
      headline: valueOf(doc, fields.headline) as string,
      summary: valueOf(doc, fields.summary) as string,
      url,
      wireRights: (valueOf(doc, fields.wireRights) ?? (unsaved ? undefined : readerHidden(req, target, doc))) as ArticleInput['wireRights'],
      site: site?.id ?? null,
    }
    const variables = { ...options.extraVariables, ...(site && { site: { name: site.name } }) }
    const attribution = resolveAttribution({ article, sources: lookup, notices: rules.notices, publisher: rules.publisher, at: moment, variables, cache })
    const warnings = [...(rules.warnings ?? []), ...attribution.warnings, ...(warning ? [warning] : [])]
    return warnings.length === attribution.warnings.length ? attribution : { ...attribution, warnings }
  })
}
