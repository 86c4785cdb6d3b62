import type { PayloadRequest, Where } from 'payload'

import type { ResolvedOptions } from './options.ts'
import type { NoticeInput, SourceInput } from './types.ts'

import { loadRules } from './load.ts'
import { resolveAttribution } from './resolve.ts'

export type NoticeState = 'draft' | 'expired' | 'in-force' | 'scheduled' | 'trashed'

export type ComplianceReport = {
  generatedAt: string
  /** Notices by kind, then by state. */
  notices: Record<string, Partial<Record<NoticeState, number>>>
  /** Effective dates to come, soonest first. */
  upcoming: { id: number | string; title: string; kind: string; change: 'ends' | 'starts'; at: string }[]
  /** Sources whose rights information is missing or contradicts itself. */
  sources: { id: number | string; code: string; name: string; problems: string[] }[]
  /** Articles whose attribution carries a warning, by warning, counted by query. */
  articles: { warning: string; count: number; where: Where }[]
}

/** Where a notice stands at `now`. */
export const noticeState = (notice: NoticeInput, now: Date): NoticeState => {
  if (notice.deletedAt) return 'trashed'
  if ((notice._status ?? 'published') !== 'published') return 'draft'
  if (notice.effectiveFrom && new Date(notice.effectiveFrom) > now) return 'scheduled'
  if (notice.effectiveUntil && new Date(notice.effectiveUntil) <= now) return 'expired'
  return 'in-force'
}

/** What is missing or contradictory in a source's rights fields (the resolver copes, but says so). */
export const sourceProblems = (source: SourceInput): string[] => {
  const license = source.license ?? 'copyright'
  const problems: string[] = []
  if (!source.license) problems.push('no licence (treated as copyright)')
  if (license === 'public-domain' && source.copyrightHolder) problems.push(`public domain, yet names a copyright holder (${source.copyrightHolder})`)
  // Staff copy is the publisher's own; anyone else's copy needs its holder named.
  if (license !== 'public-domain' && !source.copyrightHolder && source.kind !== 'staff') {
    problems.push('no copyright holder (the publisher’s name is used)')
  }
  if (!source.credit) problems.push('no credit line (the code is used)')
  if (!source.bylineAliases?.length) problems.push('no byline alias (the source’s name is used)')
  return problems
}

/** The report behind the compliance dashboard, from a handful of queries. */
export const complianceReport = async (req: PayloadRequest, options: ResolvedOptions, now = new Date()): Promise<ComplianceReport> => {
  const { payload } = req
  const [notices, sources, rules] = await Promise.all([
    payload.find({ collection: options.noticesSlug, depth: 0, limit: 0, pagination: false, trash: true, req }),
    payload.find({ collection: options.sourcesSlug, depth: 0, limit: 0, pagination: false, trash: true, req }),
    loadRules(req, options),
  ])
  const noticeDocs = notices.docs as unknown as NoticeInput[]
  const sourceDocs = sources.docs as unknown as SourceInput[]

  const byKind: ComplianceReport['notices'] = {}
  const upcoming: ComplianceReport['upcoming'] = []
  for (const notice of noticeDocs) {
    const state = noticeState(notice, now)
    const counts = (byKind[notice.kind] ??= {})
    counts[state] = (counts[state] ?? 0) + 1
    if (state === 'trashed' || state === 'draft') continue
    for (const [change, at] of [['starts', notice.effectiveFrom], ['ends', notice.effectiveUntil]] as const) {
      if (at && new Date(at) > now) upcoming.push({ id: notice.id, title: notice.title, kind: notice.kind, change, at })
    }
  }
  upcoming.sort((a, b) => a.at.localeCompare(b.at))

  const live = sourceDocs.filter((s) => !s.deletedAt)
  const uncovered = live.filter((s) =>
    resolveAttribution({ article: { source: s.id }, sources: live, notices: rules.notices, publisher: rules.publisher, at: now }).warnings.some(
      (w) => w.startsWith('no notice in force covers'),
    ),
  )
  const report: ComplianceReport['sources'] = live
    .map((s) => ({
      id: s.id,
      code: s.code ?? '',
      name: s.name,
      problems: [...sourceProblems(s), ...(uncovered.includes(s) ? ['no notice in force covers it'] : [])],
    }))
    .filter((s) => s.problems.length)

  const trashedIds = sourceDocs.filter((s) => s.deletedAt).map((s) => s.id)
  const checks: { warning: string; where: Where }[] = [
    { warning: 'no source: attributed as the publisher’s own copy', where: { [options.sourceField]: { exists: false } } },
    ...(trashedIds.length ? [{ warning: 'source in the trash', where: { [options.sourceField]: { in: trashedIds } } }] : []),
    ...(uncovered.length
      ? [{ warning: 'a source no notice in force covers', where: { [options.sourceField]: { in: uncovered.map((s) => s.id) } } }]
      : []),
  ]
  const articles = await Promise.all(
    checks.map(async ({ warning, where }) => ({
      warning,
      where,
      count: (await payload.count({ collection: options.collections[0], where, overrideAccess: false, user: req.user, req })).totalDocs,
    })),
  )
  return { generatedAt: now.toISOString(), notices: byKind, upcoming, sources: report, articles }
}
