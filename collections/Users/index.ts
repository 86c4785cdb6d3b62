import type { CollectionConfig } from 'payload'

import { refuseDeleteWhileReferenced } from '@wirehouse/payload-plugin-attribution'

import { fieldRoles, hasRole, roles, ROLES } from '@/access'

import { adminOrSelf } from './access/adminOrSelf'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { en: 'User', fr: 'Utilisateur', de: 'Benutzer' },
    plural: { en: 'Users', fr: 'Utilisateurs', de: 'Benutzer' },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles'], group: { en: 'Admin', fr: 'Administration', de: 'Verwaltung' } },
  auth: {
    // Integrations (feeds, ingest jobs) authenticate with `Authorization: users API-Key <key>`.
    useAPIKey: true,
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
  },
  access: {
    admin: ({ req }) => hasRole(req.user, ...ROLES),
    read: adminOrSelf,
    create: roles('admin'),
    update: adminOrSelf,
    delete: roles('admin'),
  },
  hooks: {
    beforeChange: [firstUserIsAdmin],
    // Who did what stays on record: the audit log and the reviews point to their users.
    beforeDelete: [refuseDeleteWhileReferenced()],
  },
  fields: [
    { name: 'name', type: 'text', maxLength: 120 },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      options: ROLES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
      // Nobody grants themselves a role.
      access: { create: fieldRoles('admin'), update: fieldRoles('admin') },
    },
  ],
}
