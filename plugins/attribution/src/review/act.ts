import type { CollectionSlug, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { ReviewOptions } from '../options.ts'
import type { Doc, Subject } from './subjects.ts'

import { REVIEW_CONTEXT, type ReviewAction, type ReviewState } from '../constants.ts'
import { translate, type TranslationKey } from '../translations/translate.ts'
import { type Actor, allowedActions, type Pending, refusalOf } from './machine.ts'

/** What a review action's request may say. */
export type ReviewBody = { comment?: unknown; unpublish?: unknown }

const fail = (req: PayloadRequest, status: number, key: TranslationKey) => new APIError(translate(req.t, key), status, undefined, true)

const actorOf = async (req: PayloadRequest, { bypass, reviewers }: Required<ReviewOptions>): Promise<Actor> => ({
  id: req.user?.id,
  reviewer: Boolean(req.user) && (await reviewers({ req })),
  alone: Boolean(req.user) && (await bypass({ req })),
})

const pendingOf = (subject: Subject, doc: Doc): Pending => {
  const review = doc[subject.group] ?? {}
  return { state: (review.state ?? 'draft') as ReviewState, submittedBy: review[subject.by] }
}

/** The change's review as it stands, and what the user may do to it now. */
export const reviewStatus = async (req: PayloadRequest, review: Required<ReviewOptions>, subject: Subject, id: string) => {
  const actor = await actorOf(req, review)
  if (!actor.reviewer && !actor.alone) throw fail(req, 403, 'error-notReviewer')
  const doc = await subject.load(req, id)
  if (!doc) throw fail(req, 404, 'error-notFound')
  const pending = pendingOf(subject, doc)
  const canSubmitChange = !(await subject.nothingToSubmit(req, doc, { unpublish: false }))
  const canUnpublish = subject.group === 'review' && !(await subject.nothingToSubmit(req, doc, { unpublish: true }))
  const actions = allowedActions(pending, actor).filter((action) => action !== 'submit' || canSubmitChange || canUnpublish)
  const stored: Doc = { ...doc[subject.group] }
  // Who acted, by the name reviewers know them by, as the audit log shows it.
  for (const key of [subject.by, 'reviewedBy']) {
    if (stored[key] === null || stored[key] === undefined) continue
    const users = req.payload.config.admin.user as CollectionSlug
    const user = await req.payload.findByID({ collection: users, id: stored[key], depth: 0, disableErrors: true, overrideAccess: true, req })
    stored[key] = { id: stored[key], email: (user as Doc | null)?.email ?? null }
  }
  return { review: stored, status: doc._status, actions, canSubmitChange, ...(subject.group === 'review' && { canUnpublish }) }
}

/**
 * The one way a change's review moves, for notices and sources' rights alike: checks who may act
 * (`machine.ts`), that there is something to act on, and that what is approved is exactly what
 * was submitted; then writes who did it and when, from `req.user` alone, with the action named
 * in `req.context` for audit trails. Refusals are APIErrors (400, 403, 404, 409) naming the rule.
 */
export const reviewAct = async (
  req: PayloadRequest,
  review: Required<ReviewOptions>,
  subject: Subject,
  id: string,
  action: ReviewAction,
  body: ReviewBody = {},
): Promise<Doc> => {
  if ((body.comment !== undefined && body.comment !== null && typeof body.comment !== 'string') || (body.unpublish !== undefined && typeof body.unpublish !== 'boolean')) {
    throw fail(req, 400, 'error-reviewBody')
  }
  const comment = typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim().slice(0, 2000) : null
  const actor = await actorOf(req, review)
  if (!actor.reviewer && !actor.alone) throw fail(req, 403, 'error-notReviewer')
  const doc = await subject.load(req, id)
  if (!doc) throw fail(req, 404, 'error-notFound')
  const why = refusalOf(action, pendingOf(subject, doc), actor, comment)
  if (why) throw fail(req, why.status, why.key)

  const stored = doc[subject.group] ?? {}
  const now = new Date().toISOString()
  let next: Doc
  if (action === 'submit') {
    const unpublish = body.unpublish === true
    const nothing = await subject.nothingToSubmit(req, doc, { unpublish })
    if (nothing) throw fail(req, 409, nothing)
    next = {
      state: 'in-review',
      [subject.by]: actor.id,
      [subject.at]: now,
      fingerprint: subject.fingerprint(req, doc),
      reviewedBy: null,
      reviewedAt: null,
      comment,
      ...(subject.group === 'review' && { unpublish, bypass: false }),
    }
  } else {
    if (subject.fingerprint(req, doc) !== stored.fingerprint) throw fail(req, 409, 'error-changedSinceSubmit')
    next = { ...stored, state: action === 'approve' ? 'approved' : 'rejected', reviewedBy: actor.id, reviewedAt: now, comment }
  }
  req.context = { ...req.context, [REVIEW_CONTEXT]: action }
  try {
    return await subject.write(req, id, action, next, doc)
  } finally {
    delete req.context[REVIEW_CONTEXT]
  }
}
