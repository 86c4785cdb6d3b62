import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { ReviewDecision, ReviewState } from '../constants.ts'
import type { ReviewOptions } from '../options.ts'

import { RIGHTS_FIELDS } from '../constants.ts'
import { translate, type TranslationKey } from '../translations/translate.ts'
import { idOf, sameId } from '../utilities/idOf.ts'
import { refuse } from '../utilities/refuse.ts'

type Review = { state?: null | ReviewState; submittedBy?: unknown; reviewedBy?: unknown; comment?: null | string }
type Proposal = Record<string, unknown> & {
  state?: null | ReviewState
  decision?: null | ReviewDecision
  proposedBy?: unknown
  comment?: null | string
}

/** The group that holds a notice's review, and bookkeeping that is not the notice's text. */
const NOT_CONTENT = new Set(['review', '_status', 'deletedAt', 'id', 'createdAt', 'updatedAt'])

const differs = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)

const refusal = (req: PayloadRequest, key: TranslationKey) => refuse(translate(req.t, key))

/** A rejection without a reason is a 400 on the comment field. */
const commentRequired = (req: PayloadRequest, collection: string, path: string, key: TranslationKey) =>
  new ValidationError({ collection, errors: [{ path, message: translate(req.t, key) }] }, req.t)

/**
 * Draft → in review → approved (published) or rejected, for notices, whose published version is
 * what readers see. A reviewer publishes what another reviewer submitted; only whom `bypass`
 * admits publishes alone. Changing only `deletedAt` (trash, restore) is not publishing. Requests
 * without a user (seed, migrations, jobs) are the system's own and pass.
 */
export const reviewNoticeChange =
  ({ bypass, reviewers }: Required<ReviewOptions>): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    const user = req.user
    if (!user) return data
    const alone = await bypass({ req })
    const before: Review = originalDoc?.review ?? {}
    const asked: Review = data.review ?? {}
    const review: Review = { ...before, ...asked }
    const was = before.state ?? 'draft'
    const next = asked.state ?? was
    // A save that does not send `_status` keeps the stored one: on a published text, that publishes.
    const status = data._status ?? (operation === 'update' ? originalDoc?._status : undefined)
    const content = collection.flattenedFields.filter((f) => f.type !== 'join' && !NOT_CONTENT.has(f.name))
    const changesContent =
      operation === 'create' || originalDoc?._status !== 'published' || content.some((f) => differs(data[f.name], originalDoc?.[f.name]))
    const publishes = status === 'published' && changesContent

    if ((publishes || next !== was) && !alone && !(await reviewers({ req }))) throw refusal(req, 'error-notReviewer')

    if (publishes) {
      if (!alone) {
        if (was !== 'in-review') throw refusal(req, 'error-submitFirst')
        if (sameId(before.submittedBy, user.id)) throw refusal(req, 'error-ownSubmission')
      }
      data.review = { ...review, state: 'approved', reviewedBy: user.id, submittedBy: idOf(before.submittedBy) ?? user.id }
      return data
    }

    if (next === 'approved' && was !== 'approved') throw refusal(req, 'error-approveByPublishing')
    if (next === 'in-review' && was !== 'in-review') {
      data.review = { ...review, state: 'in-review', submittedBy: user.id, reviewedBy: null }
    } else if (next === 'rejected' && was !== 'rejected') {
      if (was !== 'in-review') throw refusal(req, 'error-rejectOnlyInReview')
      if (!alone && sameId(before.submittedBy, user.id)) throw refusal(req, 'error-rejectOwn')
      if (!asked.comment?.trim()) throw commentRequired(req, collection.slug, 'review.comment', 'error-rejectWhy')
      data.review = { ...review, state: 'rejected', reviewedBy: user.id }
    } else if (next === 'approved' && status !== 'published') {
      // A new draft over an approved text starts a new review.
      data.review = { ...review, state: 'draft', reviewedBy: null }
    }
    return data
  }

/**
 * A change to a source's rights goes through review: a reviewer proposes it in `rightsProposal`,
 * another reviewer approves it (then it applies) or rejects it with a comment. Whom `bypass`
 * admits may change the rights directly; a new source is created with its rights.
 */
export const reviewRightsChange =
  ({ bypass }: Required<ReviewOptions>): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    const user = req.user
    if (!user || operation !== 'update') return data
    const alone = await bypass({ req })
    const before: Proposal = originalDoc?.rightsProposal ?? {}
    const asked: Proposal = { ...before, ...(data.rightsProposal ?? {}) }

    if (!alone && RIGHTS_FIELDS.some((field) => field in data && differs(data[field], originalDoc?.[field]))) {
      throw refusal(req, 'error-rightsThroughReview')
    }

    const decision = asked.decision
    if (decision === 'approve' || decision === 'reject') {
      if (before.state !== 'in-review') throw refusal(req, 'error-noPendingProposal')
      if (!alone && sameId(before.proposedBy, user.id)) throw refusal(req, 'error-ownProposal')
      if (decision === 'reject' && !asked.comment?.trim()) {
        throw commentRequired(req, collection.slug, 'rightsProposal.comment', 'error-rejectProposalWhy')
      }
      if (decision === 'approve') {
        for (const field of RIGHTS_FIELDS) if (before[field] !== null && before[field] !== undefined) data[field] = before[field]
      }
      data.rightsProposal = {
        ...Object.fromEntries(RIGHTS_FIELDS.map((field) => [field, null])),
        state: decision === 'approve' ? 'approved' : 'rejected',
        decision: null,
        proposedBy: idOf(before.proposedBy),
        reviewedBy: user.id,
        comment: asked.comment ?? null,
      }
      return data
    }
    if (RIGHTS_FIELDS.some((field) => differs(asked[field], before[field]))) {
      data.rightsProposal = { ...asked, state: 'in-review', decision: null, proposedBy: user.id, reviewedBy: null }
    }
    return data
  }
