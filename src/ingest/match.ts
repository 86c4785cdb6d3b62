import type { Story } from './types'

type Id = number | string
export type SourceRecord = {
  id: Id
  code: string
  name: string
  credit?: null | string
  bylineAliases?: null | string[]
  copyrightHolder?: null | string
}
export type SectionRecord = { id: Id; name: string; slug?: null | string; site: { id: Id; name: string; domain?: null | string } | Id }

/** Which of the story's signals named the source. */
export type MatchedBy = 'byline' | 'copyright holder' | 'credit' | 'distributor'
export type SourceMatch = { by: MatchedBy; source: SourceRecord } | { reason: string }

const same = (a: null | string | undefined, b: null | string | undefined) =>
  Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase())

/** Each signal, in the order it is trusted, and the source fields it is compared with. */
const SIGNALS: { by: MatchedBy; values: (story: Story) => (string | undefined)[]; fields: (s: SourceRecord) => (null | string | undefined)[] }[] = [
  { by: 'credit', values: (story) => [story.dateline.credit], fields: (s) => [s.credit, s.code] },
  { by: 'byline', values: (story) => [story.byline], fields: (s) => s.bylineAliases ?? [] },
  { by: 'distributor', values: (story) => story.distributors, fields: (s) => [s.credit, s.code, s.name] },
  { by: 'copyright holder', values: (story) => [story.rights.holder], fields: (s) => [s.copyrightHolder, s.name] },
]

/**
 * The story's source, by dateline credit, byline alias, distributor, then copyright holder.
 * Signals that name different sources are a conflict, and no signal naming a source is a miss:
 * both give a reason instead of a guess.
 */
export const matchSource = (story: Story, sources: SourceRecord[]): SourceMatch => {
  const found: { by: MatchedBy; value: string; source: SourceRecord }[] = []
  const unmatched: string[] = []
  for (const signal of SIGNALS) {
    for (const value of signal.values(story)) {
      if (!value) continue
      const source = sources.find((candidate) => signal.fields(candidate).some((field) => same(field, value)))
      if (source) found.push({ by: signal.by, value, source })
      else unmatched.push(`${signal.by} "${value}"`)
    }
  }
  const [first, ...others] = found
  if (!first) {
    return {
      reason: unmatched.length
        ? `no wire source matches ${unmatched.join(', ')}`
        : 'the story names no credit, byline, distributor or copyright holder',
    }
  }
  const conflict = others.find((other) => other.source.id !== first.source.id)
  if (conflict) {
    return {
      reason: `${first.by} "${first.value}" names ${first.source.code} but ${conflict.by} "${conflict.value}" names ${conflict.source.code}`,
    }
  }
  return { by: first.by, source: first.source }
}

const siteOf = (section: SectionRecord) => (typeof section.site === 'object' ? section.site : { id: section.site, name: '' })

/**
 * The section by name (or slug), within `site` when given, else within the site the page's
 * masthead names. A name that stays ambiguous matches nothing.
 */
export const matchSection = (
  story: Story,
  sections: SectionRecord[],
  site?: Id | string,
): { note?: string; section?: SectionRecord } => {
  if (!story.section) return {}
  const named = sections.filter((s) => same(s.name, story.section) || same(s.slug, story.section))
  const inSite = site
    ? named.filter((s) => String(siteOf(s).id) === String(site) || same(siteOf(s).domain, String(site)))
    : named.length > 1 && story.masthead
      ? named.filter((s) => same(siteOf(s).name, story.masthead))
      : named
  if (inSite.length === 1) return { section: inSite[0] }
  return {
    note: inSite.length
      ? `section "${story.section}" is in ${inSite.length} sites: name the site to file it`
      : `no section "${story.section}"${site ? ` in site ${site}` : ''}: filed without one`,
  }
}
