import type { Endpoint, PayloadRequest } from 'payload'

import { isIdOf } from '@wirehouse/payload-plugin-attribution'

import { admins } from '../access'
import { problem } from '../api/problem'
import { jsonResponse, refusals, schemaRef } from '../openapi/refs'
import { redeliver } from './queue'

/**
 * `POST /api/webhook-deliveries/:id/redeliver` (admins): the delivery is sent again from now, with
 * the same delivery id (receivers de-duplicate on it), and retried for 24 hours if it fails again.
 */
export const redeliverEndpoint: Endpoint = {
  path: '/:id/redeliver',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return problem(401, 'Sign in as an admin to redeliver a webhook delivery.')
    if (!admins({ req })) return problem(403, 'Only admins may redeliver a webhook delivery.')
    const id = String(req.routeParams?.id ?? '')
    if (!isIdOf(req.payload, 'webhook-deliveries', id)) return problem(404, `No webhook delivery has the id "${id}".`)
    const delivery = await redeliver(req.payload, req.payload.db.defaultIDType === 'number' ? Number(id) : id)
    if (!delivery) return problem(404, `No webhook delivery has the id "${id}".`)
    return Response.json({ message: 'Queued for delivery.', doc: delivery })
  },
  custom: {
    openapi: {
      summary: 'Redeliver a webhook delivery',
      description:
        'Sends the delivery again from now, with the same X-Wirehouse-Delivery id (receivers de-duplicate on it): it becomes pending, its attempts are counted anew and it is retried with backoff for 24 hours. Admins only; typically used on a failed delivery (a dead letter).',
      responses: {
        200: jsonResponse('Queued: the delivery, now pending.', { type: 'object', properties: { message: { type: 'string' }, doc: schemaRef('webhook-deliveries') }, required: ['message', 'doc'] }),
        ...refusals(401, 403, 404),
      },
    },
  },
}
