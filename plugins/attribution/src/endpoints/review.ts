import type { Endpoint, PayloadRequest } from 'payload'


import type { ReviewOptions } from '../options.ts'
import type { Subject } from '../review/subjects.ts'

import { REVIEW_ACTIONS } from '../constants.ts'
import { reviewAct, type ReviewBody, reviewStatus } from '../review/act.ts'
import { translate } from '../translations/translate.ts'
import { answer, problem, readJson } from './respond.ts'

/** The request's JSON object; an empty body is `{}`. */
const bodyOf = async (req: PayloadRequest): Promise<null | ReviewBody> => {
  const body = await readJson(req)
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as ReviewBody) : null
}

/**
 * `POST /api/<collection>/:id/review/submit|approve|reject` (body `{ comment, unpublish }`): the
 * review actions, answered with the document as written; and `GET /api/<collection>/:id/review`:
 * where the review stands and which actions the user may take.
 */
export const reviewEndpoints = (review: Required<ReviewOptions>, subject: Subject): Endpoint[] => [
  ...REVIEW_ACTIONS.map(
    (action): Endpoint => ({
      path: `/:id/review/${action}`,
      method: 'post',
      handler: async (req) => {
        const body = await bodyOf(req)
        if (!body) return problem(400, translate(req.t, 'error-reviewBody'))
        const id = String(req.routeParams?.id)
        return answer(async () => ({
          message: translate(req.t, `review-done-${action}`),
          doc: await reviewAct(req, review, subject, id, action, body),
        }))
      },
    }),
  ),
  {
    path: '/:id/review',
    method: 'get',
    handler: (req) => answer(() => reviewStatus(req, review, subject, String(req.routeParams?.id))),
  },
]
