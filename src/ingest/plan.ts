import type { Payload } from 'payload'

import { contentFingerprint, externalIdOf, storyFingerprint } from './identity'
import { REVIEW_REASON_MAX_LENGTH, WIRE_RIGHTS_MAX_LENGTH } from './lengths'
import { matchSection, matchSource, type SectionRecord, type SourceRecord } from './match'
import type { Story, WireRights } from './types'

export type Status = 'draft' | 'published'

/** Everything decided about a story before anything is written. */
export type Plan = {
  /** As parsed, but for rights shortened to what the article holds and the wire's timestamps in UTC. */
  story: Story
  externalId: string
  source?: number
  section?: number
  status: Status
  matchedBy?: string
  /** Why the story waits for an editor; absent when its source matched. */
  review?: string
  notes: string[]
  /** Fingerprint of the story and these decisions: the first half of the stored one (identity.ts). */
  storyHash: string
}

/** The sources and sections a batch of stories is matched against. */
export type References = { sections: SectionRecord[]; sources: SourceRecord[] }

export const loadReferences = async (payload: Payload): Promise<References> => {
  const [sources, sections] = await Promise.all([
    payload.find({
      collection: 'wire-sources',
      pagination: false,
      depth: 0,
      select: { code: true, name: true, kind: true, credit: true, bylineAliases: true, copyrightHolder: true },
    }),
    payload.find({
      collection: 'sections',
      pagination: false,
      depth: 1,
      select: { name: true, slug: true, site: true },
      populate: { sites: { name: true, domain: true } },
    }),
  ])
  return { sources: sources.docs as SourceRecord[], sections: sections.docs as SectionRecord[] }
}

/** `text` cut to `max` characters, the last one an ellipsis (never half a surrogate pair). */
export const shorten = (text: string, max: number): string => {
  if (text.length <= max) return text
  const end = max - 1
  const code = text.charCodeAt(end - 1)
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end)}…`
}

const RIGHTS_LABELS: Record<keyof WireRights, string> = { holder: 'copyright holder', notice: 'copyright notice', usageTerms: 'usage terms' }

/**
 * The file's rights as the article can hold them. A statement longer than its field is kept
 * shortened with an ellipsis, and a note says so: losing a story over a long notice would be worse.
 */
const boundRights = (rights: WireRights): { rights: WireRights; notes: string[] } => {
  const bounded: WireRights = {}
  const notes: string[] = []
  for (const key of Object.keys(RIGHTS_LABELS) as (keyof WireRights)[]) {
    const value = rights[key]
    if (!value) continue
    const max = WIRE_RIGHTS_MAX_LENGTH[key]
    bounded[key] = shorten(value, max)
    if (value.length > max) {
      notes.push(`the ${RIGHTS_LABELS[key]} is ${value.length.toLocaleString('en')} characters long: kept the first ${(max - 1).toLocaleString('en')}`)
    }
  }
  return { rights: bounded, notes }
}

/** The wire's timestamp as the article stores it (UTC, milliseconds), or undefined with a note when it is no instant. */
const instant = (value: string | undefined, name: string, notes: string[]): string | undefined => {
  if (!value) return undefined
  const time = new Date(value).getTime()
  if (!Number.isNaN(time)) return new Date(time).toISOString()
  notes.push(`${name} "${shorten(value, 40)}" is not a date: left out`)
  return undefined
}

/** Matches the story's source and section and decides its status: published only when the source matched. */
export const planStory = (parsed: Story, { sources, sections }: References, options: { draft?: boolean; site?: string } = {}): Plan => {
  const { rights, notes } = boundRights(parsed.rights)
  const firstCreated = instant(parsed.firstCreated, 'first created', notes)
  const versionCreated = instant(parsed.versionCreated, 'version created', notes)
  const story = { ...parsed, rights, firstCreated, versionCreated }
  const match = matchSource(story, sources)
  const source = 'source' in match ? (match.source.id as number) : undefined
  const { section, note } = matchSection(story, sections, options.site)
  const status: Status = options.draft || source === undefined ? 'draft' : 'published'
  const decided = { source, section: section?.id as number | undefined, status }
  return {
    story,
    externalId: externalIdOf(story),
    ...decided,
    matchedBy: 'by' in match ? match.by : undefined,
    review: 'reason' in match ? shorten(match.reason, REVIEW_REASON_MAX_LENGTH) : undefined,
    notes: note ? [...notes, note] : notes,
    storyHash: storyFingerprint(story, decided),
  }
}

/**
 * The article a planned story becomes, given its body as Lexical. Rights and the wire's
 * versions are as the latest file states them: a version that states none clears them (the
 * article's versions keep what earlier files said).
 */
export const articleData = <Body>(plan: Plan, body: Body) => {
  const { story } = plan
  const content = {
    headline: story.headline,
    byline: story.byline ? `by ${story.byline}` : null,
    dateline: { place: story.dateline.place ?? null, date: story.dateline.date ?? null },
    source: plan.source ?? null,
    section: plan.section ?? null,
    summary: story.summary ?? null,
    body,
    relatedLinks: story.relatedLinks,
    externalId: plan.externalId,
    _status: plan.status,
    wireRights: { holder: story.rights.holder ?? null, notice: story.rights.notice ?? null, usageTerms: story.rights.usageTerms ?? null },
    // The wire's embargo when the file states one; a file that states none leaves an editor's as it is.
    ...(story.embargoUntil ? { embargoUntil: story.embargoUntil } : {}),
  }
  const versions = { firstCreated: story.firstCreated ?? null, versionCreated: story.versionCreated ?? null }
  const review = { needsReview: Boolean(plan.review), reason: plan.review ?? null }
  // Provenance (format, matchedBy, when) is left out: it says how the content came, not what it is.
  const hash = `${plan.storyHash}${contentFingerprint([content, versions, review])}`
  return {
    ...content,
    ingest: {
      ...review,
      format: story.format,
      matchedBy: plan.matchedBy ?? null,
      ingestedAt: new Date().toISOString(),
      ...versions,
      hash,
    },
  }
}
