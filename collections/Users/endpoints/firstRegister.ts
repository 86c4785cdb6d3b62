import type { Endpoint } from 'payload'

import { problem } from '@/api/problem'
import { refusals } from '@/openapi/refs'

/**
 * In production nobody signs up as the first admin over the web (a fresh server would be anyone's
 * for the taking): `npm run create-admin` makes that account. Listed before Payload's own
 * `first-register`, so it answers instead.
 */
export const firstRegisterClosed: Endpoint = {
  path: '/first-register',
  method: 'post',
  custom: {
    openapi: {
      summary: 'First-register (closed in production)',
      description: 'Always 403 in production: create the first admin with `npm run create-admin`.',
      security: [{}],
      responses: refusals(403),
    },
  },
  handler: () => problem(403, 'First-register is closed in production: create the first admin with `npm run create-admin`.'),
}
