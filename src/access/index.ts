import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

export const ROLES = ['admin', 'editor', 'compliance'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = PayloadRequest['user']

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean => {
  const userRoles = (user as { roles?: Role[] | null } | null)?.roles ?? []
  return roles.some((role) => userRoles.includes(role))
}

export const publishedOnly: Where = { _status: { equals: 'published' } }

/** Access that admits the given roles. */
export const roles =
  (...allowed: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...allowed)

/** Field access that admits the given roles. */
export const fieldRoles =
  (...allowed: Role[]): FieldAccess =>
  ({ req }) =>
    hasRole(req.user, ...allowed)

/** The given roles see everything; anyone else sees published documents only. */
export const publishedUnless =
  (...allowed: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...allowed) ? true : publishedOnly

/**
 * Delete for a collection with a trash: the given roles move documents to the trash (an
 * update that sets `deletedAt`, which Payload checks against delete access) and delete for
 * good only what is already in the trash, so nothing goes in one step.
 */
export const trashFirst =
  (...allowed: Role[]): Access =>
  ({ data, req }) => {
    if (!hasRole(req.user, ...allowed)) return false
    if ((data as { deletedAt?: unknown } | undefined)?.deletedAt) return true
    return { deletedAt: { exists: true } }
  }

export const anyone: Access = () => true

export const nobody: Access = () => false

/** Admins see every user; everyone else signed in sees only themselves. */
export const adminOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}

export const signedIn: Access = ({ req }) => Boolean(req.user)

/** Compliance staff and admins: who reads the compliance report. */
export const complianceStaff = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'admin', 'compliance')
