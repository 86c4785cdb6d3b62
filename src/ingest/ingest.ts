import type { Payload, PayloadRequest, Where } from 'payload'

import { withdrawArticle } from '@wirehouse/payload-plugin-attribution'
import { performance } from 'node:perf_hooks'

import type { Article } from '../../payload-types'
import type { WireInput } from './decode'

import { toSlug, withSuffix } from '../fields/slug'
import { toLexical } from './html'
import { parseStory } from './parse'
import { contentHalf, storyHalf } from './identity'
import { KILL_MESSAGE_MAX_LENGTH } from './kill'
import { articleData, loadReferences, type Plan, planStory, type References, shorten } from './plan'
import { type Deadline, deadlineOf, IngestError, type Kill, tooLarge } from './types'
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

/**
 * What became of one file: a story `created`, `updated`, `unchanged` or `stale`; a kill that
 * withdrew a story we hold (`killed`; a story already withdrawn is `unchanged`), or that names
 * none we hold (`kill-unknown`: reported, nothing written).
 */
export type IngestOutcome = 'created' | 'kill-unknown' | 'killed' | 'stale' | 'unchanged' | 'updated'

/** A kill as received, for the report: its signal, the story it names, the agency's words, and when the story was withdrawn. */
export type KillReport = { signal: string; named: string; message?: string; withdrawnAt?: string }

type ArticleRef = Pick<Article, '_status' | 'headline' | 'id' | 'slug'> & Partial<Article>

/** What became of a story, or of a kill of a story we hold. */
export type ArticleResult = {
  outcome: Exclude<IngestOutcome, 'kill-unknown'>
  /** As written (depth 0); for an unchanged or stale story, its id, slug, headline and status. */
  article: ArticleRef
  /** Why the story was saved as a draft for an editor to check; absent when its source matched. */
  review?: string
  /** What was left out or shortened, e.g. a section that does not exist. */
  notes: string[]
  /** For a stale story: the wire's version time stored, and the older one received. */
  versions?: { stored: string; received: string }
  /** For a kill (`killed`, or `unchanged` when the story was withdrawn already). */
  kill?: KillReport
}

export type IngestResult = ArticleResult | { outcome: 'kill-unknown'; article?: undefined; review?: undefined; notes: string[]; versions?: undefined; kill: KillReport }

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

  /**
   * The article a kill names: by the wire's id first, else by headline (as written, or as its
   * slug, as `lookUp` finds a story). Two articles with that headline and no id to tell them
   * apart: refused, rather than withdraw the wrong one.
   */
  const killedArticle = async (kill: Kill): Promise<ArticleRef | undefined> => {
    const slug = kill.headline ? toSlug(kill.headline) : undefined
    const or: Where[] = [
      ...(kill.wireId ? [{ externalId: { equals: kill.wireId } }] : []),
      ...(kill.headline ? [{ headline: { equals: kill.headline } }] : []),
      ...(slug ? [{ slug: { equals: slug } }] : []),
    ]
    const { docs } = await payload.find({ collection: 'articles', where: { or }, limit: 10, pagination: false, select, ...access })
    const byId = kill.wireId ? docs.find((doc) => doc.externalId === kill.wireId) : undefined
    if (byId) return byId
    const byHeadline = docs.filter((doc) => doc.headline === kill.headline || (slug && doc.slug === slug))
    if (byHeadline.length > 1) {
      const ids = byHeadline.map((doc) => doc.id).join(', ')
      throw new IngestError(`the kill names ${byHeadline.length} articles (ids ${ids}) by the headline "${shorten(kill.headline!, 80)}": name the story by its wire id; nothing was withdrawn`, 409)
    }
    return byHeadline[0]
  }

  /**
   * A kill: the story we hold is withdrawn (reason `kill`, the agency's message), in one
   * transaction within the deadline; it writes no content, and its versions stay. A kill for a
   * story we never held is logged and reported; a story withdrawn already is unchanged.
   */
  const applyKill = async (kill: Kill, by: Deadline): Promise<IngestResult> => {
    const names = [kill.wireId && `wire id "${shorten(kill.wireId, 80)}"`, kill.headline && `headline "${shorten(kill.headline, 80)}"`]
    const named = names.filter(Boolean).join(' or ')
    const notes: string[] = []
    const message = kill.message ? shorten(kill.message, KILL_MESSAGE_MAX_LENGTH) : undefined
    if (kill.message && kill.message.length > KILL_MESSAGE_MAX_LENGTH) {
      notes.push(`the kill's message is ${kill.message.length.toLocaleString('en')} characters long: kept the first ${(KILL_MESSAGE_MAX_LENGTH - 1).toLocaleString('en')}`)
    }
    const report: KillReport = { signal: kill.signal, named, ...(message ? { message } : {}) }
    const target = await killedArticle(kill)
    by.check()
    if (!target) {
      payload.logger.warn({ msg: `ingest: a kill (${kill.signal}) names no story we hold (${named}); nothing was written`, kill: report })
      return { outcome: 'kill-unknown', notes, kill: report }
    }
    const { doc, changed } = await oneAtATime(payload, () =>
      inTransaction(payload, options.user, by, (req) => withdrawArticle({ req, collection: 'articles', id: target.id, reason: 'kill', message })),
    )
    const withdrawn = doc.withdrawn as { at?: null | string } | undefined
    const article = { id: doc.id, slug: doc.slug, headline: doc.headline, _status: doc._status } as ArticleRef
    return { outcome: changed ? 'killed' : 'unchanged', article, notes, kill: { ...report, withdrawnAt: withdrawn?.at ?? undefined } }
  }

  /** The time a story has from `startedAt`, when its request or file started. */
  const deadline = (startedAt = performance.now()) => deadlineOf(timeoutMs, startedAt)

  /**
   * Parses, plans and writes one story, or applies one kill; past the `deadline`, at any step,
   * nothing is written. What the CLI and the endpoint call.
   */
  const receive = async (input: WireInput, by: Deadline = deadline()): Promise<IngestResult> => {
    if (input.bytes.length > maxBytes) {
      throw tooLarge(maxBytes, input.bytes.length)
    }
    const story = parseStory(input, by)
    if (story.kill) return applyKill(story.kill, by).catch((error: unknown) => Promise.reject(explain(error)))
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

  /** `receive`, for a caller that wants the article: a kill of a story not held is a 404 here. */
  const ingest = async (input: WireInput, by: Deadline = deadline()): Promise<ArticleResult> => {
    const result = await receive(input, by)
    if (result.outcome === 'kill-unknown') {
      throw new IngestError(`a kill (${result.kill.signal}) names no story we hold (${result.kill.named}); nothing was written`, 404)
    }
    return result
  }

  return { deadline, ingest, receive }
}
