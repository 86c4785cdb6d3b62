import type { Endpoint, PayloadRequest } from 'payload'

import { isIdOf } from '@wirehouse/payload-plugin-attribution'

import { admins } from '../access'
import { problem } from '../api/problem'
import { jsonResponse, refusals } from '../openapi/refs'
import { newSecret } from './sign'

/**
 * `POST /api/webhooks/:id/secret` (admins): a new secret replaces the old one at once and is
 * answered this once, as at create: for a webhook made in the admin, or a secret that leaked.
 */
export const rotateSecretEndpoint: Endpoint = {
  path: '/:id/secret',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return problem(401, 'Sign in as an admin to change a webhook’s secret.')
    if (!admins({ req })) return problem(403, 'Only admins may change a webhook’s secret.')
    const id = String(req.routeParams?.id ?? '')
    const known = isIdOf(req.payload, 'webhooks', id) && (await req.payload.count({ collection: 'webhooks', where: { id: { equals: id } }, overrideAccess: true })).totalDocs > 0
    if (!known) return problem(404, `No webhook has the id "${id}".`)
    const secret = newSecret()
    // The database adapter directly: the field is closed to every API, this endpoint included.
    await req.payload.db.updateOne({ collection: 'webhooks', id: req.payload.db.defaultIDType === 'number' ? Number(id) : id, data: { secret }, req })
    return Response.json({ message: 'A new secret replaces the old one; it is shown this once.', secret })
  },
  custom: {
    openapi: {
      summary: 'Replace a webhook’s secret',
      description:
        'Makes a new random secret for the webhook, replacing the old one at once (deliveries from now on are signed with it), and answers it this once: it is never readable afterwards. Admins only.',
      responses: {
        200: jsonResponse('The new secret, shown this once.', { type: 'object', properties: { message: { type: 'string' }, secret: { type: 'string', pattern: '^whsec_[0-9a-f]{64}$' } }, required: ['message', 'secret'] }),
        ...refusals(401, 403, 404),
      },
    },
  },
}
