import type { Access } from 'payload'

import type { RequestCheck, ResolvedOptions } from './options.ts'

export const anyone: Access = () => true

export const signedIn: RequestCheck = ({ req }) => Boolean(req.user)

/** Anyone signed in reads everything; anyone else what is published. */
export const publishedUnlessSignedIn: Access = ({ req }) => (req.user ? true : { _status: { equals: 'published' } })

/**
 * Who manages notices, sources' rights and the publisher: the reviewers and whoever may publish
 * alone; with review off, anyone signed in.
 */
export const managers =
  (options: ResolvedOptions): RequestCheck =>
  async (args) =>
    options.review ? (await options.review.reviewers(args)) || (await options.review.bypass(args)) : signedIn(args)

/**
 * Delete for a collection with a trash: whom `allowed` admits move documents to the trash (an
 * update that sets `deletedAt`, which Payload checks against delete access) and delete for good
 * only what is already there, so nothing goes in one step.
 */
export const trashFirst =
  (allowed: RequestCheck): Access =>
  async ({ data, req }) => {
    if (!(await allowed({ req }))) return false
    if ((data as { deletedAt?: unknown } | undefined)?.deletedAt) return true
    return { deletedAt: { exists: true } }
  }
