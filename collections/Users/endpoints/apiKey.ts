import type { Endpoint, PayloadHandler } from 'payload'

import { hasRole } from '@/access'
import { problem } from '@/api/problem'
import { jsonResponse, MESSAGE, pathParameter, refusals } from '@/openapi/refs'

import { newApiKey, SERVER_MADE_KEY } from '../apiKey'

/** The user the request may manage the key of: an admin any user, anyone else themselves. */
const target = (handler: (id: number | string, ...rest: Parameters<PayloadHandler>) => Promise<Response>): PayloadHandler =>
  async (req) => {
    const id = req.routeParams?.id as string
    if (!req.user) return problem(401, 'Sign in to manage API keys.')
    if (!hasRole(req.user, 'admin') && String(req.user.id) !== id) {
      return problem(403, 'Only admins manage the API keys of other users.')
    }
    const found = await req.payload.find({ collection: 'users', where: { id: { equals: id } }, limit: 1, depth: 0, req })
    if (!found.docs.length) return problem(404, `No user with id "${id}".`)
    return handler(found.docs[0]!.id, req)
  }

const store = async (id: number | string, req: Parameters<PayloadHandler>[0], apiKey: null | string) =>
  req.payload.update({
    collection: 'users',
    id,
    data: { enableAPIKey: Boolean(apiKey), apiKey },
    context: { [SERVER_MADE_KEY]: true },
    overrideAccess: true,
    depth: 0,
    req,
  })

/**
 * `POST /api/users/:id/api-key` makes a new key (replacing any old one) and answers it once; it is
 * stored encrypted and never shown again. `DELETE` revokes it.
 */
export const apiKeyEndpoints: Endpoint[] = [
  {
    path: '/:id/api-key',
    method: 'post',
    custom: {
      openapi: {
        summary: 'Make a new API key',
        description: 'A new key for the user (replacing any old one), answered once: it is stored encrypted and never shown again. Send it as `Authorization: users API-Key <key>`. Admins for anyone, others for themselves.',
        parameters: [pathParameter('id', "The user's id.")],
        responses: {
          201: jsonResponse('The key.', { type: 'object', properties: { apiKey: { type: 'string' }, message: { type: 'string' } }, required: ['apiKey', 'message'] }),
          ...refusals(401, 403, 404),
        },
      },
    },
    handler: target(async (id, req) => {
      const apiKey = newApiKey()
      await store(id, req, apiKey)
      return Response.json({ apiKey, message: 'Copy this key now: it will not be shown again.' }, { status: 201 })
    }),
  },
  {
    path: '/:id/api-key',
    method: 'delete',
    custom: {
      openapi: {
        summary: 'Revoke the API key',
        parameters: [pathParameter('id', "The user's id.")],
        responses: { 200: jsonResponse('Revoked.', MESSAGE), ...refusals(401, 403, 404) },
      },
    },
    handler: target(async (id, req) => {
      await store(id, req, null)
      return Response.json({ message: 'API key revoked.' })
    }),
  },
]
