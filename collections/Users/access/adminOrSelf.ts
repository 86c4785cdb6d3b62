import type { Access } from 'payload'

import { hasRole } from '@/access'

/** Admins see every user; everyone else signed in sees only themselves. */
export const adminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}
