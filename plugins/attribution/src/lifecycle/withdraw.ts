import type { CollectionSlug, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { WithdrawReason } from '../constants.ts'
import type { Id } from '../types.ts'

import { WITHDRAW_REASONS } from '../constants.ts'

/** Where an attributed collection keeps its withdrawal (set by the plugin in the collection's `custom`). */
export const LIFECYCLE_CUSTOM = 'attributionLifecycle'

/** Names the lifecycle's writes in `req.context`, for audit trails: `withdraw` or `restore`. */
export const LIFECYCLE_CONTEXT = 'attributionLifecycleAction'

type Doc = Record<string, any> & { id: Id }

export type WithdrawArgs = {
  req: PayloadRequest
  collection: CollectionSlug
  id: Id
  reason: WithdrawReason
  /** The agency's words (a kill's are shown on the tombstone) or the officer's (kept for the newsroom and the audit log). */
  message?: null | string
}

export type LifecycleResult = { doc: Doc; changed: boolean }

const fieldOf = (req: PayloadRequest, collection: CollectionSlug): string => {
  const name = (req.payload.collections[collection]?.config.custom?.[LIFECYCLE_CUSTOM] as undefined | { withdrawn: string })?.withdrawn
  if (!name) throw new APIError(`${collection} is not an attributed collection`, 400, undefined, true)
  return name
}

/** The document readers get (its published version, or the document itself when never published) and its latest draft, when newer. */
const load = async (req: PayloadRequest, collection: CollectionSlug, id: Id): Promise<{ live: Doc; draft: Doc | null }> => {
  const read = (draft: boolean) => req.payload.findByID({ collection, id, depth: 0, draft, disableErrors: true, overrideAccess: true, req }) as Promise<Doc | null>
  const live = await read(false)
  if (!live) throw new APIError(`${collection} ${id} not found`, 404, undefined, true)
  const drafts = Boolean(req.payload.collections[collection].config.versions?.drafts)
  const latest = drafts ? await read(true) : null
  return { live, draft: latest && latest.updatedAt !== live.updatedAt ? latest : null }
}

const SYSTEM = ['id', 'createdAt', 'updatedAt', 'deletedAt']

const content = (doc: Doc): Record<string, unknown> => Object.fromEntries(Object.entries(doc).filter(([key]) => !SYSTEM.includes(key)))

/**
 * Saves `value` on the version readers get, as a version of its own, without publishing an
 * editor's pending draft; that draft is saved again after it, with the same value, so it stays
 * the latest and nothing of it is lost.
 */
const save = async (req: PayloadRequest, collection: CollectionSlug, { live, draft }: { live: Doc; draft: Doc | null }, field: string, value: unknown, action: string) => {
  const write = (doc: Doc, asDraft: boolean) =>
    req.payload.update({
      collection,
      id: live.id,
      data: { ...content(doc), [field]: value } as never,
      draft: asDraft,
      depth: 0,
      overrideAccess: true,
      req,
      context: { ...req.context, [LIFECYCLE_CONTEXT]: action },
    }) as unknown as Promise<Doc>
  const saved = await write(live, live._status === 'draft')
  if (draft) await write(draft, true)
  return saved
}

/**
 * Takes a story out of every public read from now on, with why and by whom (the signed-in user,
 * or nobody for a kill from the wire); its versions stay. Withdrawing it again changes nothing.
 */
export const withdrawArticle = async ({ req, collection, id, reason, message }: WithdrawArgs): Promise<LifecycleResult> => {
  if (!WITHDRAW_REASONS.includes(reason)) {
    throw new APIError(`reason: "${String(reason)}" is not one of ${WITHDRAW_REASONS.join(', ')}`, 400, undefined, true)
  }
  const field = fieldOf(req, collection)
  const docs = await load(req, collection, id)
  if (docs.live[field]?.at) return { doc: docs.live, changed: false }
  const withdrawn = { at: new Date().toISOString(), reason, message: message?.trim() || null, by: req.user?.id ?? null }
  return { doc: await save(req, collection, docs, field, withdrawn, 'withdraw'), changed: true }
}

/** Brings a withdrawn story back to readers (under its embargo and usage window as ever). */
export const restoreArticle = async ({ req, collection, id }: Omit<WithdrawArgs, 'message' | 'reason'>): Promise<LifecycleResult> => {
  const field = fieldOf(req, collection)
  const docs = await load(req, collection, id)
  if (!docs.live[field]?.at) return { doc: docs.live, changed: false }
  const cleared = { at: null, reason: null, message: null, by: null }
  return { doc: await save(req, collection, docs, field, cleared, 'restore'), changed: true }
}
