import type { PayloadRequest } from 'payload'

import type { ResolvedOptions, Target } from './options.ts'
import type { Hop } from './sitePath.ts'
import type { ArticleInput, Attribution, Id, SourceInput } from './types.ts'

import { loadByIds, loadRules, remember } from './load.ts'
import { resolveAttribution } from './resolve.ts'
import { idOf } from './utilities/idOf.ts'

type Doc = Record<string, unknown> & { id: Id }

const isDoc = (value: unknown, needs: string): value is Doc =>
  Boolean(value && typeof value === 'object' && 'id' in value && needs in value)

const refId = (ref: unknown): null | string => {
  const id = idOf(ref)
  return id === null ? null : String(id)
}

/**
 * Follows `hops` from each doc, level by level: one query per level for the documents not
 * already populated, whatever the number of docs.
 */
const follow = async (req: PayloadRequest, docs: (Doc | null)[], hops: Hop[]): Promise<(Doc | null)[]> => {
  let current = docs
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
  }
  return current
}

/** A field's value, when the collection has the field. */
const valueOf = (doc: Doc, field: false | string): unknown => (field ? doc[field] : undefined)

/**
 * The attribution of each doc of `target`, from one load shared by all of them: the request's
 * rules, one query for the sources not already populated, and the sites only when a notice is
 * kept to sites or uses `{{site.*}}`.
 */
export const attributionsFor = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  target: Target,
  docs: Doc[],
  { at }: { at?: Date } = {},
): Promise<Attribution[]> => {
  const { fields, hops: siteHops } = target
  const refsOf = (doc: Doc): unknown[] => [doc[fields.source], ...((doc[fields.additionalSources] as unknown[]) ?? [])]
  const refs = docs.flatMap(refsOf)
  remember(req, options.sourcesSlug, refs.filter((ref) => isDoc(ref, 'license')) as Doc[])
  const [rules, sources] = await Promise.all([
    loadRules(req, options, at),
    loadByIds(req, options.sourcesSlug, refs.map(refId).filter((id): id is string => id !== null)),
  ])
  const sites = rules.usesSite && siteHops.length ? await follow(req, docs, siteHops) : []
  const lookup = new Map<string, SourceInput>()
  for (const [id, source] of sources) if (source) lookup.set(id, source as unknown as SourceInput)

  const cache = new Map()
  const moment = at ?? new Date()
  return docs.map((doc, index) => {
    const article: ArticleInput = {
      source: refId(doc[fields.source]),
      additionalSources: refsOf(doc).slice(1).map(refId).filter((id): id is string => id !== null),
      byline: valueOf(doc, fields.byline) as string,
      publishedAt: valueOf(doc, fields.publishedAt) as string,
      dateline: valueOf(doc, fields.dateline) as ArticleInput['dateline'],
      site: sites[index]?.id ?? null,
    }
    const site = sites[index]
    const variables = { ...options.extraVariables, ...(site && { site: { name: site.name } }) }
    const attribution = resolveAttribution({ article, sources: lookup, notices: rules.notices, publisher: rules.publisher, at: moment, variables, cache })
    return rules.warnings?.length ? { ...attribution, warnings: [...rules.warnings, ...attribution.warnings] } : attribution
  })
}
