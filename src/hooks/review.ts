import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import { hasRole } from '../access'
import { refuse } from './refuse'

export const REVIEW_STATES = ['draft', 'in-review', 'rejected', 'approved'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export type Ref = null | number | string | undefined | { id: number | string }
type Review = { state?: null | ReviewState; submittedBy?: Ref; reviewedBy?: Ref; comment?: null | string }

export const idOf = (ref: Ref) => (ref && typeof ref === 'object' ? ref.id : ref)
export const same = (a: Ref, b: Ref) => idOf(a) !== null && idOf(a) !== undefined && String(idOf(a)) === String(idOf(b))
export const differs = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)


/** A rejection without a reason is a 400 on the comment field. */
export const commentRequired = (collection: string, path: string, message: string, t: PayloadRequest['t']) =>
  new ValidationError({ collection, errors: [{ path, message }] }, t)

/**
 * Draft → in review → approved (published) or rejected, for documents whose published state is
 * what the public sees. Only an admin publishes directly; a compliance officer publishes what
 * someone else submitted. Changing only `deletedAt` (trash, restore) is not publishing.
 * Requests without a user (seed, migrations, jobs) are the system's own and pass.
 */
export const reviewBeforePublish =
  (contentFields: string[]): CollectionBeforeChangeHook =>
  ({ collection, data, operation, originalDoc, req }) => {
    const user = req.user
    if (!user) return data
    const admin = hasRole(user, 'admin')
    const before: Review = originalDoc?.review ?? {}
    const asked: Review = data.review ?? {}
    const review: Review = { ...before, ...asked }
    const was = before.state ?? 'draft'
    // A save that does not send `_status` keeps the stored one: on a published text, that publishes.
    const status = data._status ?? (operation === 'update' ? originalDoc?._status : undefined)

    const changesContent =
      operation === 'create' ||
      originalDoc?._status !== 'published' ||
      contentFields.some((field) => differs(data[field], originalDoc?.[field]))

    if (status === 'published' && changesContent) {
      if (!admin) {
        if (was !== 'in-review') {
          throw refuse('Submit the change for review (review state "in-review"): another compliance officer or an admin publishes it.')
        }
        if (same(before.submittedBy, user.id)) {
          throw refuse('You submitted this change: another compliance officer or an admin must approve it.')
        }
      }
      data.review = { ...review, state: 'approved', reviewedBy: user.id, submittedBy: idOf(before.submittedBy) ?? user.id }
      return data
    }

    const next = asked.state ?? was
    if (next === 'approved' && was !== 'approved') throw refuse('A change is approved by publishing it.')
    if (next === 'in-review' && was !== 'in-review') {
      data.review = { ...review, state: 'in-review', submittedBy: user.id, reviewedBy: null }
    } else if (next === 'rejected' && was !== 'rejected') {
      if (was !== 'in-review') throw refuse('Only a change in review can be rejected.')
      if (!admin && same(before.submittedBy, user.id)) {
        throw refuse('You cannot reject your own change: set it back to draft to withdraw it.')
      }
      if (!asked.comment?.trim()) {
        throw commentRequired(collection.slug, 'review.comment', 'Say why the change is rejected.', req.t)
      }
      data.review = { ...review, state: 'rejected', reviewedBy: user.id }
    } else if (next === 'approved' && status !== 'published') {
      // A new draft over an approved text starts a new review.
      data.review = { ...review, state: 'draft', reviewedBy: null }
    }
    return data
  }
