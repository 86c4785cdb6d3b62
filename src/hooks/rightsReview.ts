import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '../access'
import { refuse } from './refuse'
import { commentRequired, differs, idOf, type Ref, same } from './review'

type Proposal = Record<string, unknown> & {
  state?: null | string
  decision?: null | string
  proposedBy?: Ref
  comment?: null | string
}


/**
 * A change to a source's rights goes through review: a compliance officer proposes it in
 * `rightsProposal`, another officer or an admin approves it (then it applies) or rejects it with a
 * comment. Admins may also change the rights directly; a new source is created with its rights.
 */
export const reviewRights =
  (fields: string[]): CollectionBeforeChangeHook =>
  ({ collection, data, operation, originalDoc, req }) => {
    const user = req.user
    if (!user || operation !== 'update') return data
    const admin = hasRole(user, 'admin')
    const before: Proposal = originalDoc?.rightsProposal ?? {}
    const asked: Proposal = { ...before, ...(data.rightsProposal ?? {}) }

    if (!admin && fields.some((field) => field in data && differs(data[field], originalDoc?.[field]))) {
      throw refuse('Rights changes go through review: propose them under "Rights proposal"; a colleague or an admin approves them.')
    }

    const decision = asked.decision
    if (decision === 'approve' || decision === 'reject') {
      if (before.state !== 'pending') throw refuse('There is no pending rights proposal to decide on.')
      if (!admin && same(before.proposedBy, user.id)) throw refuse('You proposed this change: another compliance officer or an admin must decide on it.')
      if (decision === 'reject' && !asked.comment?.trim()) {
        throw commentRequired(collection.slug, 'rightsProposal.comment', 'Say why the proposal is rejected.', req.t)
      }
      if (decision === 'approve') for (const field of fields) if (before[field] !== null && before[field] !== undefined) data[field] = before[field]
      data.rightsProposal = {
        ...Object.fromEntries(fields.map((field) => [field, null])),
        state: decision === 'approve' ? 'approved' : 'rejected',
        decision: null,
        proposedBy: idOf(before.proposedBy) ?? null,
        reviewedBy: user.id,
        comment: asked.comment ?? null,
      }
      return data
    }
    if (fields.some((field) => differs(asked[field], before[field]))) {
      data.rightsProposal = { ...asked, state: 'pending', decision: null, proposedBy: user.id, reviewedBy: null }
    }
    return data
  }
