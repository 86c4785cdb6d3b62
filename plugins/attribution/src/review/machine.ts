import type { TranslationKey } from '../translations/translate.ts'

import { REVIEW_ACTIONS, type ReviewAction, type ReviewState } from '../constants.ts'
import { sameId } from '../utilities/idOf.ts'

/** Who asks: their id, whether they take part in review, whether they may act alone. */
export type Actor = { id: unknown; reviewer: boolean; alone: boolean }

/** Where the change under review stands, and who submitted it. */
export type Pending = { state: ReviewState; submittedBy: unknown }

export type Refusal = { status: 400 | 403 | 409; key: TranslationKey }

/**
 * PURE: the four-eyes rule, for notices and sources' rights alike. Why `actor` may not take
 * `action` on a change standing at `pending`, or null when they may: reviewers submit anything
 * not already in review; another reviewer approves or rejects (with a comment) what is in review;
 * whom `bypass` admits may also decide on their own submission.
 */
export const refusalOf = (action: ReviewAction, pending: Pending, actor: Actor, comment?: null | string): null | Refusal => {
  if (!actor.reviewer && !actor.alone) return { status: 403, key: 'error-notReviewer' }
  if (action === 'submit') return pending.state === 'in-review' ? { status: 409, key: 'error-alreadyInReview' } : null
  if (pending.state !== 'in-review') return { status: 409, key: 'error-nothingInReview' }
  if (!actor.alone && sameId(pending.submittedBy, actor.id)) {
    return { status: 403, key: action === 'approve' ? 'error-ownSubmission' : 'error-rejectOwn' }
  }
  if (action === 'reject' && !comment?.trim()) return { status: 400, key: 'error-rejectWhy' }
  return null
}

/** PURE: the actions `actor` may take now, a rejection's comment aside: what the admin offers. */
export const allowedActions = (pending: Pending, actor: Actor): ReviewAction[] =>
  REVIEW_ACTIONS.filter((action) => !refusalOf(action, pending, actor, 'a reason'))
