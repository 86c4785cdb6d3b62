import type { Endpoint } from 'payload'

import { problem } from '@/api/problem'

/**
 * In production nobody signs up as the first admin over the web (a fresh server would be anyone's
 * for the taking): `npm run create-admin` makes that account. Listed before Payload's own
 * `first-register`, so it answers instead.
 */
export const firstRegisterClosed: Endpoint = {
  path: '/first-register',
  method: 'post',
  handler: () => problem(403, 'First-register is closed in production: create the first admin with `npm run create-admin`.'),
}
