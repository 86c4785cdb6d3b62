import type { GlobalAfterChangeHook, Payload, PayloadRequest } from 'payload'

import { noticeState, type NoticeInput } from '@wirehouse/payload-plugin-attribution'

import type { Scope } from './affected'

import { afterCommit } from '../pageCache/afterCommit'
import { sourceChangeTags } from '../pageCache/vocabulary'
import { type ArticlePayload, type AttributionReason, type Id, articleEvents, type Subject } from './events'
import { queueEmission } from './queue'

type Doc = { id: Id } & Record<string, unknown>

/** What happened, as the fan-out task (`queue.ts`) reads it: an article's event, or an attribution change and whose articles it touches. */
export type Emission =
  | { kind: 'article'; event: ArticlePayload['event']; occurredAt: string; article: ArticlePayload['article'] }
  | { kind: 'attribution'; reason: AttributionReason; occurredAt: string; subject: Subject; scope: Scope }

/** Once the change is committed (never when it rolls back), the emissions are queued: a receiver is never waited for. */
const emitAfterCommit = async (req: PayloadRequest, emissions: Emission[]): Promise<void> => {
  if (!emissions.length) return
  const payload = req.payload
  await afterCommit(req, () => queueEmission(payload, emissions))
}

const now = () => new Date().toISOString()

/**
 * Articles, from the article as readers saw it before and after the change (`src/hooks/expirePages.ts`
 * works that out once for the page cache and for this): published, unpublished, withdrawn.
 */
export const articleWebhooks = async (req: PayloadRequest, before: Doc | null, after: Doc | null): Promise<void> => {
  const doc = after ?? before
  if (!doc) return
  const article = {
    id: doc.id,
    headline: (doc.headline as string) ?? null,
    slug: (doc.slug as string) ?? null,
    publishedAt: (doc.publishedAt as string) ?? null,
    withdrawn: doc.withdrawn ?? null,
  }
  await emitAfterCommit(
    req,
    articleEvents(before, after).map((event) => ({ kind: 'article', event, occurredAt: now(), article })),
  )
}

const inForce = (notice: Doc | null, at: Date) => Boolean(notice) && noticeState(notice as unknown as NoticeInput, at) === 'in-force'
const ruleOf = (notice: Doc) => ({ appliesTo: notice.appliesTo })

/**
 * Notices, as readers saw them before and after: approved (published, or a new version approved)
 * or unpublished (unpublished, trashed, deleted), when in force now; a scheduled notice's
 * coming into force is sent at its moment (`noticeMoment`). The articles: its reach before and after.
 */
export const noticeWebhooks = async (req: PayloadRequest, before: Doc | null, after: Doc | null): Promise<void> => {
  const at = new Date()
  const [was, is] = [inForce(before, at), inForce(after, at)]
  if (!was && !is) return
  const doc = (after ?? before) as Doc
  const rules = [...(was ? [ruleOf(before as Doc)] : []), ...(is ? [ruleOf(after as Doc)] : [])]
  await emitAfterCommit(req, [
    {
      kind: 'attribution',
      reason: is ? 'notice.published' : 'notice.unpublished',
      occurredAt: at.toISOString(),
      subject: { collection: 'legal-notices', id: doc.id },
      scope: { kind: 'notices', rules },
    },
  ])
}

/** A notice comes into force or leaves it at its set time (the scheduler, `src/pageCache/scheduler.ts`). */
export const noticeMoment = async (payload: Payload, notice: Doc, kind: 'inForce' | 'outOfForce', moment: number): Promise<void> =>
  queueEmission(payload, [
    {
      kind: 'attribution',
      reason: kind === 'inForce' ? 'notice.inForce' : 'notice.outOfForce',
      occurredAt: new Date(moment).toISOString(),
      subject: { collection: 'legal-notices', id: notice.id },
      scope: { kind: 'notices', rules: [ruleOf(notice)] },
    },
  ])

/** A source: when what readers see of it changed (the page cache's rule, `sourceChangeTags`): its rights applied, its credit. */
export const sourceWebhooks = async (req: PayloadRequest, before: Doc | null, after: Doc | null): Promise<void> => {
  if (!before || !sourceChangeTags(before, after).length) return
  await emitAfterCommit(req, [
    { kind: 'attribution', reason: 'source.rights', occurredAt: now(), subject: { collection: 'wire-sources', id: before.id }, scope: { kind: 'source', id: before.id } },
  ])
}

const SYSTEM = new Set(['id', 'createdAt', 'updatedAt', 'globalType', '_status'])
const content = (doc: unknown) => JSON.stringify(Object.entries((doc ?? {}) as Record<string, unknown>).filter(([key]) => !SYSTEM.has(key)))

/** The publisher global, when something of it changed: every published article names it. */
export const publisherWebhooks = (): GlobalAfterChangeHook => async ({ doc, previousDoc, req }) => {
  if (content(doc) === content(previousDoc)) return doc
  await emitAfterCommit(req, [
    { kind: 'attribution', reason: 'publisher', occurredAt: now(), subject: { collection: 'publisher', id: null }, scope: { kind: 'all' } },
  ])
  return doc
}
