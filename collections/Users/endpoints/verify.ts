import type { Endpoint } from 'payload'

import { problem } from '@/api/problem'
import { refusals } from '@/openapi/refs'

/**
 * Accounts are made by admins (or `npm run create-admin`), so email verification is off; Payload
 * still routes `POST /api/users/verify/:token` and looked the token up in a field that does not
 * exist (a 500). Listed before Payload's own, this answers the 404 that says so.
 */
export const verifyOff: Endpoint = {
  path: '/verify/:id',
  method: 'post',
  handler: () => problem(404, 'Email verification is off: accounts are made by admins, and no verification token exists.'),
  custom: {
    openapi: {
      summary: 'Verify an email address (off)',
      description: 'Email verification is off (admins make accounts): always 404.',
      security: [{}],
      responses: refusals(404),
    },
  },
}
