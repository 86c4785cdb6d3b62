import type { Endpoint, PayloadRequest } from 'payload'


import type { ReviewOptions } from '../options.ts'
import type { Subject } from '../review/subjects.ts'

import { REVIEW_ACTIONS } from '../constants.ts'
import { reviewAct, type ReviewBody, reviewStatus } from '../review/act.ts'
import { translate } from '../translations/translate.ts'
import { idParameter, jsonBody, ok, PERSON, refusals, schema } from './openapi.ts'
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
      custom: {
        openapi: {
          summary: `Review: ${action}`,
          description: {
            submit: "Submits the change (the draft, or `unpublish: true` to take it down) for a reviewer's approval.",
            approve: 'Approves the submitted change (a reviewer other than who submitted it, or whom `bypass` lets act alone): it is published.',
            reject: 'Rejects the submitted change, with a `comment` for who submitted it.',
          }[action],
          parameters: [idParameter()],
          requestBody: jsonBody({ type: 'object', properties: { comment: { type: 'string' }, ...(action === 'submit' && { unpublish: { type: 'boolean' } }) } }, false, { comment: 'Checked against the agency contract.' }),
          responses: {
            200: ok('Done.', { type: 'object', properties: { message: { type: 'string' }, doc: schema(subject.slug) }, required: ['message', 'doc'] }),
            ...refusals(400, 401, 403, 404, 409),
          },
        },
      },
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
    custom: {
      openapi: {
        summary: 'Where the review stands',
        description: "The change's review (state, who submitted and reviewed it), the document's status, and the review actions the signed-in user may take now.",
        parameters: [idParameter()],
        responses: {
          200: ok('The review.', {
            type: 'object',
            properties: {
              review: { type: 'object', properties: { state: { type: ['string', 'null'] }, reviewedBy: PERSON }, additionalProperties: true },
              status: { type: ['string', 'null'], enum: ['draft', 'published', null] },
              actions: { type: 'array', items: { type: 'string', enum: [...REVIEW_ACTIONS] } },
              canSubmitChange: { type: 'boolean' },
              canUnpublish: { type: 'boolean' },
            },
            required: ['review', 'actions', 'canSubmitChange'],
          }),
          ...refusals(401, 403, 404),
        },
      },
    },
    handler: (req) => answer(() => reviewStatus(req, review, subject, String(req.routeParams?.id))),
  },
]
