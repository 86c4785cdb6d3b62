import type { Payload, PayloadRequest, Where } from 'payload'

import { performance } from 'node:perf_hooks'

import type { Article } from '../../payload-types'
import type { WireInput } from './decode'

import { toSlug, withSuffix } from '../fields/slug'
import { toLexical } from './html'
import { parseStory } from './parse'
import { contentHalf, storyHalf } from './identity'
import { articleData, loadReferences, type Plan, planStory, type References } from './plan'
import { type Deadline, deadlineOf, tooLarge } from './types'
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
  /** Time allowed per story, from its request (or file) to the commit, in ms. Default 30 s. */
  timeoutMs?: number
}

export const INGEST_DEFAULTS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 30_000 } as const

export type IngestOutcome = 'created' | 'stale' | 'unchanged' | 'updated'
export type IngestResult = {
  outcome: IngestOutcome
  /** As written (depth 0); for an unchanged or stale story, its id, slug, headline and status. */
  article: Pick<Article, '_status' | 'headline' | 'id' | 'slug'> & Partial<Article>
  /** Why the story was saved as a draft for an editor to check; absent when its source matched. */
  review?: string
  /** What was left out or shortened, e.g. a section that does not exist. */
  notes: string[]
  /** For a stale story: the wire's version time stored, and the older one received. */
  versions?: { stored: string; received: string }
}

/** The received version is older than the stored one, by the wire's own version times. */
const isOlder = (received: null | string | undefined, stored: null | string | undefined) =>
  Boolean(received && stored && new Date(received).getTime() < new Date(stored).getTime())

/**
 * Turns wire stories into articles. Sources and sections are read once per ingester, so make
 * one per batch (the CLI) or per request (the endpoint).
 */
export const createIngester = (payload: Payload, options: IngestOptions = {}) => {
  const maxBytes = options.maxBytes ?? INGEST_DEFAULTS.maxBytes
  const timeoutMs = options.timeoutMs ?? INGEST_DEFAULTS.timeoutMs
  const access = { overrideAccess: !options.user, user: options.user ?? undefined, depth: 0 } as const
  let references: Promise<References> | undefined

  const select = {
    externalId: true,
    slug: true,
    headline: true,
    _status: true,
    ingest: { hash: true, versionCreated: true },
  } as const

  /** The article with this story's wire id, and whether another article has its slug. */
  const lookUp = async (plan: Plan, slug: string) => {
    const where: Where = { or: [{ externalId: { equals: plan.externalId } }, { slug: { equals: slug } }] }
    // The collection's own rows, by unique indexes: querying latest versions by field scans them all.
    const { docs } = await payload.find({ collection: 'articles', where, limit: 2, pagination: false, select, ...access })
    const stored = docs.find((doc) => doc.externalId === plan.externalId)
    // A draft saved since holds its own fingerprint: compare with the latest version then.
    const existing =
      stored && storyHalf(stored.ingest?.hash) !== plan.storyHash
        ? await payload.findByID({ collection: 'articles', id: stored.id, draft: true, select, ...access })
        : stored
    return { existing, slugTaken: docs.some((doc) => doc.slug === slug) }
  }

  /**
   * Looks up, then writes in one transaction. The look-up stays outside it: most stories are
   * new or unchanged, and a unique index settles a race between two ingests of one story.
   * The same file again is told from its story fingerprint, before its body is converted; an
   * older version by its version time; another file with the same content once converted.
   */
  const write = async (plan: Plan, deadline: Deadline): Promise<IngestResult> => {
    const { review, notes } = plan
    const slug = toSlug(plan.story.headline)
    const { existing, slugTaken } = await lookUp(plan, slug)
    deadline.check()
    if (existing && storyHalf(existing.ingest?.hash) === plan.storyHash) return { outcome: 'unchanged', article: existing, review, notes }
    const [received, stored] = [plan.story.versionCreated, existing?.ingest?.versionCreated]
    if (existing && received && stored && isOlder(received, stored)) {
      return { outcome: 'stale', article: existing, review, notes, versions: { stored: new Date(stored).toISOString(), received } }
    }

    const data = articleData(plan, await toLexical(plan.story.bodyHtml, payload.config))
    deadline.check()
    if (existing && contentHalf(existing.ingest?.hash) === contentHalf(data.ingest.hash)) {
      return { outcome: 'unchanged', article: existing, review, notes }
    }
    const draft = plan.status === 'draft'
    return oneAtATime(payload, () =>
      inTransaction(payload, options.user, deadline, async (req) => {
        if (existing) {
          const article = await payload.update({ collection: 'articles', id: existing.id, data, draft, req, ...access })
          return { outcome: 'updated', article, review, notes }
        }
        // A different story already has this headline's slug: keep both, told apart by the fingerprint.
        const unique = slugTaken ? withSuffix(slug, plan.storyHash.slice(0, 12)) : slug
        const article = await payload.create({ collection: 'articles', data: { ...data, slug: unique }, draft, req, ...access })
        return { outcome: 'created', article, review, notes }
      }),
    )
  }

  /** The time a story has from `startedAt`, when its request or file started. */
  const deadline = (startedAt = performance.now()) => deadlineOf(timeoutMs, startedAt)

  /** Parses, plans and writes one story; past the `deadline`, at any step, nothing is written. */
  const ingest = async (input: WireInput, by: Deadline = deadline()): Promise<IngestResult> => {
    if (input.bytes.length > maxBytes) {
      throw tooLarge(maxBytes, input.bytes.length)
    }
    const story = parseStory(input, by)
    const plan = planStory(story, await (references ??= loadReferences(payload)), options)
    by.check()
    try {
      return await write(plan, by)
    } catch (error) {
      // Two ingests of one story at once: the loser finds the winner's article on a second try.
      if (!isUniqueConflict(error)) throw explain(error)
      return write(plan, by).catch((e: unknown) => {
        throw explain(e)
      })
    }
  }

  return { deadline, ingest }
}
