import type { Story } from './types'

type Id = number | string
export type SourceRecord = {
  id: Id
  code: string
  name: string
  /** `staff`: the publisher's own writers, whose byline is generic ("Staff Writers"). */
  kind?: null | string
  credit?: null | string
  bylineAliases?: null | string[]
  copyrightHolder?: null | string
}
export type SectionRecord = { id: Id; name: string; slug?: null | string; site: { id: Id; name: string; domain?: null | string } | Id }

/** Which of the story's signals named the source. */
export type MatchedBy = 'byline' | 'copyright holder' | 'copyright notice' | 'credit' | 'distributor'
export type SourceMatch = { by: MatchedBy; source: SourceRecord } | { reason: string }

const same = (a: null | string | undefined, b: null | string | undefined) =>
  Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase())

type Signal = {
  by: MatchedBy
  values: (story: Story) => (string | undefined)[]
  /** Source fields the whole value must equal. */
  fields: (s: SourceRecord) => (null | string | undefined)[]
  /** Whether the value may also merely contain one of the source's names (`namesOf`). */
  contained: boolean
}

/** Each signal, in the order it is trusted, and the source fields it is compared with. */
const SIGNALS: Signal[] = [
  { by: 'credit', values: (story) => [story.dateline.credit], fields: (s) => [s.credit, s.code], contained: true },
  { by: 'byline', values: (story) => [story.byline], fields: (s) => s.bylineAliases ?? [], contained: false },
  { by: 'distributor', values: (story) => story.distributors, fields: (s) => [s.credit, s.code, s.name], contained: true },
  { by: 'copyright holder', values: (story) => [story.rights.holder], fields: (s) => [s.copyrightHolder, s.name], contained: true },
  { by: 'copyright notice', values: (story) => [story.rights.notice], fields: () => [], contained: true },
]

/** Every name a source goes by, any of which a provider or rights field may contain. */
const namesOf = (s: SourceRecord) => [s.code, s.credit, s.name, s.copyrightHolder, ...(s.bylineAliases ?? [])]

const NON_WORD = /[^\p{L}\p{N}]+/u
/** Lower-case words, letters and digits: "contained" means as whole words, so "AFP" is not in "SAFPX". */
const wordsOf = (text: string): string[] => text.toLowerCase().split(NON_WORD).filter(Boolean)

type Phrase = { words: string[]; source: SourceRecord }
/** The sources' names as word sequences, by their first word. */
const phrasesOf = (sources: SourceRecord[]): Map<string, Phrase[]> => {
  const byFirst = new Map<string, Phrase[]>()
  for (const source of sources) {
    for (const name of namesOf(source)) {
      const words = name ? wordsOf(name) : []
      if (words.length) byFirst.set(words[0], [...(byFirst.get(words[0]) ?? []), { words, source }])
    }
  }
  return byFirst
}
const phraseCache = new WeakMap<SourceRecord[], Map<string, Phrase[]>>()

/**
 * The sources whose names the value contains, read left to right taking the longest name at each
 * word: "NASA Staff Writers" names NASA, not also the "Staff Writers" inside it. One pass.
 */
const containedSources = (value: string, phrases: Map<string, Phrase[]>): SourceRecord[] => {
  const words = wordsOf(value)
  const named = new Set<SourceRecord>()
  for (let at = 0; at < words.length; ) {
    let longest: Phrase | undefined
    for (const phrase of phrases.get(words[at]) ?? []) {
      const fits = phrase.words.length > (longest?.words.length ?? 0) && phrase.words.every((word, k) => words[at + k] === word)
      if (fits) longest = phrase
    }
    if (longest) named.add(longest.source)
    at += longest?.words.length ?? 1
  }
  return [...named]
}

/** A value quoted in a reason: a rights notice may run to thousands of characters. */
const QUOTE_LENGTH = 80
const quote = (value: string) => `"${value.length > QUOTE_LENGTH ? `${value.slice(0, QUOTE_LENGTH - 1)}…` : value}"`

type Found = { by: MatchedBy; value: string; source: SourceRecord }

/**
 * A staff byline ("Staff Writers") on the publisher's own page, under a dateline credit naming
 * an agency: the agency's copy rewritten by staff, so the credit says whose it is.
 */
const isStaffRewrite = (story: Story, first: Found, other: Found) =>
  story.format === 'text' && first.by === 'credit' && first.source.kind !== 'staff' && other.by === 'byline' && other.source.kind === 'staff'

/**
 * The story's source, by dateline credit, byline alias, distributor, copyright holder, then
 * copyright notice. A value names a source when it equals one of the signal's fields, or else
 * (all but the byline) when it contains one of the source's names as whole words, case aside.
 * Signals that name different sources are a conflict, and no signal naming a source is a miss:
 * both give a reason instead of a guess. The one exception is a staff rewrite (`isStaffRewrite`).
 */
export const matchSource = (story: Story, sources: SourceRecord[]): SourceMatch => {
  let phrases = phraseCache.get(sources)
  if (!phrases) phraseCache.set(sources, (phrases = phrasesOf(sources)))
  const found: Found[] = []
  const unmatched: string[] = []
  for (const signal of SIGNALS) {
    for (const value of signal.values(story)) {
      if (!value) continue
      const exact = sources.find((candidate) => signal.fields(candidate).some((field) => same(field, value)))
      const named = exact ? [exact] : signal.contained ? containedSources(value, phrases) : []
      if (named.length > 1) {
        return { reason: `${signal.by} ${quote(value)} names ${named.map((s) => s.code).join(' and ')}` }
      }
      if (named.length) found.push({ by: signal.by, value, source: named[0] })
      else unmatched.push(`${signal.by} ${quote(value)}`)
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
  const conflict = others.find((other) => other.source.id !== first.source.id && !isStaffRewrite(story, first, other))
  if (conflict) {
    return {
      reason: `${first.by} ${quote(first.value)} names ${first.source.code} but ${conflict.by} ${quote(conflict.value)} names ${conflict.source.code}`,
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
