import type { CollectionSlug, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { ReviewAction } from '../constants.ts'
import type { ReviewBody } from './act.ts'
import type { Doc } from './subjects.ts'

import { REVIEW_CONTEXT } from '../constants.ts'

/** How a reviewed collection takes a review action, kept in its `custom` for the Local API. */
export type ReviewHandler = (req: PayloadRequest, id: string, action: ReviewAction, body: ReviewBody) => Promise<Doc>

/**
 * A review action through the Local API, with the same rules and refusals as
 * `POST /api/<collection>/:id/review/<action>`: who acts is `req.user` (e.g. from
 * `createLocalReq({ user }, payload)`).
 */
export const reviewAction = ({
  action,
  collection,
  id,
  req,
  ...body
}: { action: ReviewAction; collection: CollectionSlug; id: number | string; req: PayloadRequest } & ReviewBody): Promise<Doc> => {
  const handler = req.payload.collections[collection]?.config.custom?.[REVIEW_CONTEXT] as ReviewHandler | undefined
  if (!handler) throw new APIError(`${collection} has no review actions.`, 400, undefined, true)
  return handler(req, String(id), action, body)
}
