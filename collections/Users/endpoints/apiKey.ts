import type { Endpoint, PayloadHandler } from 'payload'

import { hasRole } from '@/access'
import { problem } from '@/api/problem'

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
    handler: target(async (id, req) => {
      const apiKey = newApiKey()
      await store(id, req, apiKey)
      return Response.json({ apiKey, message: 'Copy this key now: it will not be shown again.' }, { status: 201 })
    }),
  },
  {
    path: '/:id/api-key',
    method: 'delete',
    handler: target(async (id, req) => {
      await store(id, req, null)
      return Response.json({ message: 'API key revoked.' })
    }),
  },
]
