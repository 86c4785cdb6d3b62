import type { CollectionConfig } from 'payload'

import { refuseDeleteWhileReferenced } from '@wirehouse/payload-plugin-attribution'

import { fieldRoles, hasRole, roles, ROLES } from '@/access'
import { env } from '@/env'

import { adminOrSelf } from './access/adminOrSelf'
import { apiKeyEndpoints } from './endpoints/apiKey'
import { firstRegisterClosed } from './endpoints/firstRegister'
import { verifyOff } from './endpoints/verify'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { serverMadeApiKeys } from './hooks/serverMadeApiKeys'
import { throttleByEmail } from './hooks/throttleByEmail'

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
    // Repeated requests are throttled by the rate limiter, across instances. Payload's own interval
    // writes outside the request's transaction, which SQLite's single writer answers "database is locked".
    forgotPassword: { minRequestInterval: 0 },
    // Behind HTTPS (SERVER_URL's scheme) the session cookie never travels in clear.
    cookies: { secure: env.secureCookies, sameSite: 'Lax' },
  },
  access: {
    admin: ({ req }) => hasRole(req.user, ...ROLES),
    read: adminOrSelf,
    create: roles('admin'),
    update: adminOrSelf,
    delete: roles('admin'),
    unlock: roles('admin'),
  },
  endpoints: [...(env.isProduction ? [firstRegisterClosed] : []), verifyOff, ...apiKeyEndpoints],
  hooks: {
    beforeOperation: [throttleByEmail, serverMadeApiKeys],
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
    // Payload's own key field takes a key typed or made in the browser; ours come from the server.
    { name: 'apiKey', type: 'text', access: { create: () => false, update: () => false } },
    {
      name: 'apiKeyActions',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/collections/Users/components/ApiKey#ApiKey' } },
    },
  ],
}
