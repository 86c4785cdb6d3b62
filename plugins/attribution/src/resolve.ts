import type { License } from './constants.ts'
import type {
  ArticleInput,
  Attribution,
  AttributionNotice,
  Id,
  NoticeInput,
  PublisherInput,
  SourceInput,
  TemplateVariables,
} from './types.ts'

import { storyDate } from './lifecycle/rule.ts'
import { bounded, renderedNotices } from './caches.ts'
import { newsArticleJsonLd } from './jsonLd.ts'
import { noticeState } from './noticeState.ts'
import { renderBody } from './render.ts'
import { idOf, idsOf, sameId } from './utilities/idOf.ts'

export type ResolveArgs = {
  article: ArticleInput
  /** Every source the article may reference, by id (a lookup; extra entries are ignored). */
  sources: Map<string, SourceInput> | SourceInput[]
  /** Candidate notices; the resolver keeps those published, not trashed, in effect at `at`. */
  notices: NoticeInput[]
  publisher: PublisherInput
  at?: Date
  /** More template variables, e.g. `{ site: { name } }` or the plugin's `extraVariables`. */
  variables?: TemplateVariables
  /**
   * Reuses the notice part between articles with the same sources and variables. Pass one Map
   * for calls that share `notices`, `publisher` and `at` (one request), never across them.
   */
  cache?: Map<string, NoticesPart>
  /** Only these parts of the attribution (see `Wanted`); everything, each notice with its text and HTML, by default. */
  want?: Wanted
}

export type NoticesPart = { chosen: AttributionNotice[]; covered: Set<string>; text: string; html: string }

export type AttributionKey = keyof Attribution
export type NoticeKey = keyof AttributionNotice

/** The parts of an attribution a read asks for, and of each notice; the rest is not computed. */
export type Wanted = { keys: readonly AttributionKey[]; noticeKeys: readonly NoticeKey[] }

export const ATTRIBUTION_KEYS: readonly AttributionKey[] = ['credit', 'byline', 'copyrightHolder', 'copyrightYear', 'license', 'notices', 'text', 'html', 'jsonLd', 'warnings']
export const LEAN_NOTICE_KEYS: readonly NoticeKey[] = ['id', 'kind', 'title']
export const FULL_NOTICE_KEYS: readonly NoticeKey[] = [...LEAN_NOTICE_KEYS, 'text', 'html']
const EVERYTHING: Wanted = { keys: ATTRIBUTION_KEYS, noticeKeys: FULL_NOTICE_KEYS }

/** A notice's body with these variables, rendered once per loaded body and variables. */
const rendered = (body: NoticeInput['body'], variables: TemplateVariables): { text: string; html: string } => {
  if (!body) return renderBody(body, variables)
  let byVariables = renderedNotices.get(body)
  if (!byVariables) renderedNotices.set(body, (byVariables = new Map()))
  const key = JSON.stringify(variables)
  return byVariables.get(key) ?? bounded(byVariables, key, renderBody(body, variables), 100)
}

/** How much each licence restricts (higher: more): an article is under the strictest licence of its sources. */
const STRICTNESS: Record<License, number> = { 'public-domain': 0, 'cc-by': 1, 'cc-by-sa': 2, copyright: 3 }

const joinNames = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`

const unique = (values: (null | string | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => Boolean(v && v.trim()))),
]

/** The sources a notice's rule matches among the article's; `all` matches without any. */
const matchingSources = (notice: NoticeInput, sources: SourceInput[]): null | SourceInput[] => {
  const rule = notice.appliesTo ?? {}
  switch (rule.scope ?? 'all') {
    case 'all':
      return sources
    case 'sources': {
      const ids = new Set(idsOf(rule.sources).map(String))
      return sources.filter((s) => ids.has(String(s.id)))
    }
    case 'source-kinds':
      return sources.filter((s) => s.kind && (rule.sourceKinds ?? []).includes(s.kind))
    case 'licenses':
      return sources.filter((s) => s.license && (rule.licenses ?? []).includes(s.license))
    default:
      return null
  }
}

/** The article's sources in order (primary first), each once, with what is wrong with the rest. */
const articleSources = (article: ArticleInput, lookup: Map<string, SourceInput>, wireHolder: string) => {
  const refs = [article.source, ...(article.additionalSources ?? [])].filter(
    (ref): ref is Id | SourceInput => ref !== null && ref !== undefined && ref !== '',
  )
  const sources: SourceInput[] = []
  const warnings: string[] = []
  if (!article.source) {
    // ASCII: one character beyond Latin-1 makes a whole response a two-byte string, 2.5x slower to serialize.
    warnings.push(wireHolder ? `no source: attributed to ${wireHolder}, the rights holder the wire named` : "no source: attributed as the publisher's own copy")
  }
  for (const ref of refs) {
    const id = String(idOf(ref))
    const source = lookup.get(id) ?? (typeof ref === 'object' && ref.name ? ref : undefined)
    if (!source) warnings.push(`source ${id} no longer exists`)
    else if (source.deletedAt) warnings.push(`source ${source.code ?? id} is in the trash`)
    else if (!sources.some((s) => String(s.id) === id)) sources.push(source)
  }
  return { sources, warnings }
}

const sourceVariables = (sources: SourceInput[], publisherName: string) => ({
  name: joinNames(unique(sources.map((s) => s.name))) || publisherName,
  code: unique(sources.map((s) => s.code)).join(', '),
  credit: unique(sources.map((s) => s.credit || s.code)).join(', '),
  copyrightHolder: joinNames(unique(sources.map((s) => s.copyrightHolder || publisherName))),
})

/** Whether a notice applies on the article's site: it names no site, or the article's. */
const onSite = (notice: NoticeInput, site: Id | null | undefined): boolean => {
  const sites = notice.appliesTo?.sites ?? []
  return sites.length === 0 || sites.some((ref) => sameId(ref, site))
}

/** The notices in force at `at` that apply to these sources, rendered, in display order. */
const chooseNotices = (
  site: Id | null | undefined,
  sources: SourceInput[],
  notices: NoticeInput[],
  publisherName: string,
  at: Date,
  base: TemplateVariables,
  render: boolean,
): NoticesPart => {
  const chosen: AttributionNotice[] = []
  const covered = new Set<string>()
  const candidates = notices
    .filter((n) => noticeState(n, at) === 'in-force' && onSite(n, site))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.title.localeCompare(b.title))
  for (const notice of candidates) {
    if (chosen.some((c) => String(c.id) === String(notice.id))) continue
    const matched = matchingSources(notice, sources)
    const scope = notice.appliesTo?.scope ?? 'all'
    if (!matched || (scope !== 'all' && matched.length === 0)) continue
    if (scope !== 'all') for (const source of matched) covered.add(String(source.id))
    const bodies = render ? rendered(notice.body, { ...base, source: sourceVariables(matched, publisherName) }) : { text: '', html: '' }
    chosen.push({ id: notice.id, kind: notice.kind, title: notice.title, ...bodies })
  }
  return { chosen, covered, text: chosen.map((n) => n.text).join('\n\n'), html: chosen.map((n) => n.html).join('\n') }
}

/**
 * PURE: what an article must carry, from its sources, the notices and the publisher, at a moment.
 * Notices come in `order` (then title), each at most once; a source-scoped notice's `{{source.*}}`
 * speaks for the article's sources that the notice matched, combined in the article's order.
 */
export const resolveAttribution = ({
  article,
  sources: sourceList,
  notices,
  publisher,
  at = new Date(),
  variables = {},
  cache,
  want = EVERYTHING,
}: ResolveArgs): Attribution => {
  const lookup =
    sourceList instanceof Map ? sourceList : new Map(sourceList.map((source) => [String(source.id), source]))
  const wireHolder = article.wireRights?.holder?.trim() ?? ''
  const { sources, warnings } = articleSources(article, lookup, wireHolder)
  const publisherName = publisher.name?.trim() ?? ''
  if (!publisherName) warnings.push('the publisher has no name: set it in the publisher global')

  const license = sources
    .map((s): License => s.license ?? 'copyright')
    .reduce((strictest, l) => (STRICTNESS[l] > STRICTNESS[strictest] ? l : strictest), sources.length ? 'public-domain' : 'copyright')
  const ownCopy = sources.length === 0
  // Copy without a source is the wire's when the wire named its rights holder, else the publisher's.
  const owner = wireHolder || publisherName
  const holders = unique(
    sources.filter((s) => (s.license ?? 'copyright') !== 'public-domain').map((s) => s.copyrightHolder || publisherName),
  )
  const copyrightHolder = ownCopy ? owner : holders.length ? joinNames(holders) : null
  // The story's year: its own date (ingest keeps the wire's first-created date there), not ours.
  const dated = storyDate(article)
  const copyrightYear = (dated ? new Date(dated) : at).getUTCFullYear()
  const credit = ownCopy ? owner : unique(sources.map((s) => s.credit || s.code || s.name)).join(', ')
  const byline = article.byline?.trim()
    ? article.byline.trim().replace(/^(?!by\s)/i, 'by ')
    : `by ${sources[0]?.bylineAliases?.[0] ?? (ownCopy ? 'Staff Writers' : sources[0].name)}`

  const base: TemplateVariables = {
    site: { name: publisherName },
    ...variables,
    publisher: {
      name: publisherName,
      copyrightStartYear: publisher.copyrightStartYear ?? copyrightYear,
      jurisdiction: publisher.jurisdiction ?? '',
    },
    year: at.getUTCFullYear(),
  }

  const wanted = (key: AttributionKey) => want.keys.includes(key)
  const bodies = wanted('text') || wanted('html') || (wanted('notices') && (want.noticeKeys.includes('text') || want.noticeKeys.includes('html')))
  const noticesNeeded = bodies || wanted('notices') || wanted('warnings')
  let part: NoticesPart | undefined
  if (noticesNeeded) {
    const key = `${bodies ? 1 : 0}|${article.site ?? ''}|${sources.map((s) => s.id).join(',')}|${JSON.stringify(base)}`
    part = cache?.get(key)
    if (!part) {
      part = chooseNotices(article.site, sources, notices, publisherName, at, base, bodies)
      cache?.set(key, part)
    }
    for (const source of sources) {
      if (!part.covered.has(String(source.id))) {
        warnings.push(`no notice in force covers source ${source.code ?? source.name} (${source.kind ?? 'no kind'}, ${source.license ?? 'copyright'})`)
      }
    }
  }

  const all: Record<AttributionKey, () => unknown> = {
    credit: () => credit,
    byline: () => byline,
    copyrightHolder: () => copyrightHolder,
    copyrightYear: () => copyrightYear,
    license: () => license,
    notices: () =>
      want.noticeKeys.length === FULL_NOTICE_KEYS.length
        ? part!.chosen
        : part!.chosen.map((notice) => Object.fromEntries(want.noticeKeys.map((name) => [name, notice[name]]))),
    text: () => part!.text,
    html: () => part!.html,
    jsonLd: () => newsArticleJsonLd(article, publisher, { sources, credit, copyrightHolder, copyrightYear, license, owner, publisherName }),
    warnings: () => warnings,
  }
  return Object.fromEntries(want.keys.map((name) => [name, all[name]()])) as Attribution
}
