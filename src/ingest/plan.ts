import type { Payload } from 'payload'

import { externalIdOf, fingerprint } from './identity'
import { matchSection, matchSource, type SectionRecord, type SourceRecord } from './match'
import type { Story } from './types'

export type Status = 'draft' | 'published'

/** Everything decided about a story before anything is written. */
export type Plan = {
  story: Story
  externalId: string
  source?: number
  section?: number
  status: Status
  matchedBy?: string
  /** Why the story waits for an editor; absent when its source matched. */
  review?: string
  notes: string[]
  /** Fingerprint of the story and these decisions. */
  hash: string
}

/** The sources and sections a batch of stories is matched against. */
export type References = { sections: SectionRecord[]; sources: SourceRecord[] }

export const loadReferences = async (payload: Payload): Promise<References> => {
  const [sources, sections] = await Promise.all([
    payload.find({
      collection: 'wire-sources',
      pagination: false,
      depth: 0,
      select: { code: true, name: true, credit: true, bylineAliases: true, copyrightHolder: true },
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

/** Matches the story's source and section and decides its status: published only when the source matched. */
export const planStory = (story: Story, { sources, sections }: References, options: { draft?: boolean; site?: string } = {}): Plan => {
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
    review: 'reason' in match ? match.reason : undefined,
    notes: note ? [note] : [],
    hash: fingerprint(story, decided),
  }
}

/** The article a planned story becomes, given its body as Lexical. */
export const articleData = <Body>(plan: Plan, body: Body) => ({
  headline: plan.story.headline,
  byline: plan.story.byline ? `by ${plan.story.byline}` : null,
  dateline: { place: plan.story.dateline.place ?? null, date: plan.story.dateline.date ?? null },
  source: plan.source ?? null,
  section: plan.section ?? null,
  summary: plan.story.summary ?? null,
  body,
  relatedLinks: plan.story.relatedLinks,
  externalId: plan.externalId,
  _status: plan.status,
  ingest: {
    needsReview: Boolean(plan.review),
    reason: plan.review ?? null,
    format: plan.story.format,
    matchedBy: plan.matchedBy ?? null,
    ingestedAt: new Date().toISOString(),
    hash: plan.hash,
  },
})
