import type { PayloadRequest, Where } from 'payload'

import type { NoticeState } from './constants.ts'
import type { ResolvedOptions } from './options.ts'
import type { NoticeInput, SourceInput } from './types.ts'

import { loadRules } from './load.ts'
import { noticeState } from './noticeState.ts'
import { resolveAttribution } from './resolve.ts'
import { translate, type TranslationKey } from './translations/translate.ts'

export type ComplianceReport = {
  generatedAt: string
  /** Notices by kind, then by state. */
  notices: Record<string, Partial<Record<NoticeState, number>>>
  /** Effective dates to come, soonest first. */
  upcoming: { id: number | string; title: string; kind: string; change: 'ends' | 'starts'; at: string }[]
  /** Sources whose rights information is missing or contradicts itself. */
  sources: { id: number | string; code: string; name: string; problems: string[] }[]
  /** Documents of each attributed collection whose attribution carries a warning, by warning, counted by query. */
  articles: { collection: string; warning: string; count: number; where: Where }[]
}

type T = PayloadRequest['t']

/** What is missing or contradictory in a source's rights fields (the resolver copes, but says so), in `t`'s language. */
export const sourceProblems = (source: SourceInput, t: T): string[] => {
  const license = source.license ?? 'copyright'
  const problems: string[] = []
  const say = (key: TranslationKey, vars?: Record<string, unknown>) => problems.push(translate(t, key, vars))
  if (!source.license) say('problem-noLicense')
  if (license === 'public-domain' && source.copyrightHolder) say('problem-publicDomainHolder', { holder: source.copyrightHolder })
  // Staff copy is the publisher's own; anyone else's copy needs its holder named.
  if (license !== 'public-domain' && !source.copyrightHolder && source.kind !== 'staff') say('problem-noHolder')
  if (!source.credit) say('problem-noCredit')
  if (!source.bylineAliases?.length) say('problem-noAlias')
  return problems
}

/** The report behind the compliance dashboard, from a handful of queries, in the request's language. */
export const complianceReport = async (req: PayloadRequest, options: ResolvedOptions, now = new Date()): Promise<ComplianceReport> => {
  const { payload, t } = req
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
      problems: [...sourceProblems(s, t), ...(uncovered.includes(s) ? [translate(t, 'problem-uncovered')] : [])],
    }))
    .filter((s) => s.problems.length)

  const trashedIds = sourceDocs.filter((s) => s.deletedAt).map((s) => s.id)
  const checks = (source: string): { warning: string; where: Where }[] => [
    { warning: translate(t, 'check-noSource'), where: { [source]: { exists: false } } },
    ...(trashedIds.length ? [{ warning: translate(t, 'check-trashedSource'), where: { [source]: { in: trashedIds } } }] : []),
    ...(uncovered.length ? [{ warning: translate(t, 'check-uncovered'), where: { [source]: { in: uncovered.map((s) => s.id) } } }] : []),
  ]
  const articles = await Promise.all(
    options.targets.flatMap((target) =>
      checks(target.fields.source).map(async ({ warning, where }) => ({
        collection: target.slug,
        warning,
        where,
        count: (await payload.count({ collection: target.slug, where, overrideAccess: false, user: req.user, req })).totalDocs,
      })),
    ),
  )
  return { generatedAt: now.toISOString(), notices: byKind, upcoming, sources: report, articles }
}
