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
 * Delete for a collection with a trash: `deleters` delete for good (and empty the trash);
 * `trashers` only move documents to the trash, an update setting `deletedAt` that Payload checks
 * against delete access with the data.
 */
export const trashOrDelete =
  ({ deleters, trashers }: { deleters: Role[]; trashers: Role[] }): Access =>
  ({ data, req }) =>
    hasRole(req.user, ...deleters) || (hasRole(req.user, ...trashers) && Boolean((data as { deletedAt?: unknown } | undefined)?.deletedAt))

export const anyone: Access = () => true

export const nobody: Access = () => false

/** Compliance staff and admins: who reviews notices and sources' rights, and reads the compliance report. */
export const complianceStaff = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'admin', 'compliance')

/** Admins: who may publish a notice or change a source's rights alone. */
export const admins = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'admin')
