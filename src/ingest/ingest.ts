import type { Payload, PayloadRequest, Where } from 'payload'

import type { Article } from '../../payload-types'
import type { WireInput } from './decode'

import { toSlug } from '../fields/slug'
import { toLexical } from './html'
import { externalIdOf, fingerprint } from './identity'
import { matchSection, matchSource, type SectionRecord, type SourceRecord } from './match'
import { parseStory } from './parse'
import { IngestError, type Story } from './types'
import { explain, inTransaction, isUniqueConflict, oneAtATime } from './write'

export type IngestOptions = {
  /** Access is checked as this user; without one (the CLI) the ingest has full access. */
  user?: PayloadRequest['user']
  /** Site id or domain that a section name is looked up in, when the name is in several sites. */
  site?: string
  /** Save every story as a draft, even those whose source is matched. */
  draft?: boolean
  /** Largest story accepted, in bytes. Default 5 MiB. */
  maxBytes?: number
  /** Time allowed per story, parse to commit, in ms. Default 30 s. */
  timeoutMs?: number
}

export const INGEST_DEFAULTS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 30_000 } as const

export type IngestOutcome = 'created' | 'unchanged' | 'updated'
export type IngestResult = {
  outcome: IngestOutcome
  /** As written (depth 0); for an unchanged story, its id, slug, headline and status. */
  article: Pick<Article, '_status' | 'headline' | 'id' | 'slug'> & Partial<Article>
  /** Why the story was saved as a draft for an editor to check; absent when its source matched. */
  review?: string
  /** What was left out, e.g. a section that does not exist. */
  notes: string[]
}

type Status = 'draft' | 'published'
/** Everything decided about a story before it is written. */
type Plan = {
  decided: { section?: number; source?: number; status: Status }
  hash: string
  matchedBy?: string
  notes: string[]
  review?: string
  status: Status
  story: Story
}

type References = { sections: SectionRecord[]; sources: SourceRecord[] }

const loadReferences = async (payload: Payload): Promise<References> => {
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

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Turns wire stories into articles. Sources and sections are read once per ingester, so make
 * one per batch (the CLI) or per request (the endpoint).
 */
export const createIngester = (payload: Payload, options: IngestOptions = {}) => {
  const maxBytes = options.maxBytes ?? INGEST_DEFAULTS.maxBytes
  const timeoutMs = options.timeoutMs ?? INGEST_DEFAULTS.timeoutMs
  let references: Promise<References> | undefined

  const ingest = async (input: WireInput): Promise<IngestResult> => {
    if (input.bytes.length > maxBytes) {
      throw new IngestError(`the story is ${megabytes(input.bytes.length)}, over the ${megabytes(maxBytes)} limit`, 413)
    }
    const story = parseStory(input)
    const { sources, sections } = await (references ??= loadReferences(payload))
    const match = matchSource(story, sources)
    const source = 'source' in match ? match.source : undefined
    const review = 'reason' in match ? match.reason : undefined
    const { section, note } = matchSection(story, sections, options.site)
    const status: Status = options.draft || !source ? 'draft' : 'published'
    const decided = { source: source?.id as number | undefined, section: section?.id as number | undefined, status }
    const matchedBy = 'by' in match ? match.by : undefined
    const plan: Plan = { story, review, matchedBy, notes: note ? [note] : [], status, decided, hash: fingerprint(story, decided) }
    const attempt = () => oneAtATime(payload, () => inTransaction(payload, options.user, timeoutMs, (req) => write(req, plan)))
    try {
      return await attempt()
    } catch (error) {
      // Two ingests of one story at once: the loser finds the winner's article on a second try.
      if (!isUniqueConflict(error)) throw explain(error)
      return attempt().catch((e) => {
        throw explain(e)
      })
    }
  }


  const write = async (req: PayloadRequest, { story, review, matchedBy, notes, status, decided, hash }: Plan): Promise<IngestResult> => {
    const externalId = externalIdOf(story)
    const slug = toSlug(story.headline)
    const access = { req, overrideAccess: !options.user, user: options.user ?? undefined, depth: 0 } as const
    const where: Where = { or: [{ externalId: { equals: externalId } }, { slug: { equals: slug } }] }
    const { docs } = await payload.find({
      collection: 'articles',
      where,
      draft: true,
      limit: 2,
      pagination: false,
      select: { externalId: true, slug: true, headline: true, _status: true, ingest: { hash: true } },
      ...access,
    })
    const existing = docs.find((doc) => doc.externalId === externalId)
    if (existing?.ingest?.hash === hash) return { outcome: 'unchanged', article: existing, review, notes }

    const data = {
      headline: story.headline,
      byline: story.byline ? `by ${story.byline}` : null,
      dateline: { place: story.dateline.place ?? null, date: story.dateline.date ?? null },
      source: decided.source ?? null,
      section: decided.section ?? null,
      summary: story.summary ?? null,
      body: await toLexical(story.bodyHtml, payload.config),
      relatedLinks: story.relatedLinks,
      externalId,
      _status: status,
      ingest: {
        needsReview: Boolean(review),
        reason: review ?? null,
        format: story.format,
        matchedBy: matchedBy ?? null,
        ingestedAt: new Date().toISOString(),
        hash,
      },
    }
    if (existing) {
      const article = await payload.update({ collection: 'articles', id: existing.id, data, draft: status === 'draft', ...access })
      return { outcome: 'updated', article, review, notes }
    }
    // A different story already has this headline's slug: keep both, told apart by the wire id.
    const taken = docs.some((doc) => doc.slug === slug)
    const unique = taken ? `${slug.slice(0, 107)}-${hash.slice(0, 12)}` : slug
    const article = await payload.create({ collection: 'articles', data: { ...data, slug: unique }, draft: status === 'draft', ...access })
    return { outcome: 'created', article, review, notes }
  }

  return { ingest }
}
