import type { CollectionConfig } from 'payload'

import { admins } from '@/access'
import { WEBHOOK_EVENTS } from '@/webhooks/events'
import { generateSecret, refuseClientSecret, returnSecretOnce, validateTarget } from '@/webhooks/hooks'
import { rotateSecretEndpoint } from '@/webhooks/rotate'

/**
 * Where Wirehouse POSTs its events (docs/webhooks.md): admins only. The secret is made by the
 * server, returned once in the create response (or by `POST /api/webhooks/:id/secret`, which
 * replaces it) and never read again through any API.
 */
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  labels: {
    singular: { en: 'Webhook', fr: 'Webhook', de: 'Webhook' },
    plural: { en: 'Webhooks', fr: 'Webhooks', de: 'Webhooks' },
  },
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'events', 'active', 'updatedAt'],
    group: { en: 'Developers', fr: 'Développeurs', de: 'Entwickler' },
    description: {
      en: 'Receivers of signed event notifications. The secret is shown once, in the response that creates the webhook.',
      fr: 'Destinataires de notifications signées. Le secret n’est montré qu’une fois, dans la réponse qui crée le webhook.',
      de: 'Empfänger signierter Ereignismeldungen. Das Geheimnis wird nur einmal gezeigt, in der Antwort, die den Webhook anlegt.',
    },
  },
  access: { read: admins, create: admins, update: admins, delete: admins },
  // A copy would post the same events to the same URL twice; create another webhook instead.
  disableDuplicate: true,
  endpoints: [rotateSecretEndpoint],
  hooks: {
    beforeOperation: [refuseClientSecret],
    beforeChange: [generateSecret],
    afterOperation: [returnSecretOnce],
  },
  fields: [
    {
      name: 'url',
      type: 'text',
      required: true,
      maxLength: 2000,
      validate: validateTarget,
      label: { en: 'Target URL', fr: 'URL cible', de: 'Ziel-URL' },
      admin: { description: 'http(s); loopback and private addresses are refused unless WEBHOOK_ALLOW_HOSTS lists the host.' },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: WEBHOOK_EVENTS.map((value) => ({ label: value, value })),
      label: { en: 'Events', fr: 'Événements', de: 'Ereignisse' },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: { en: 'Active', fr: 'Actif', de: 'Aktiv' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'secret',
      type: 'text',
      // Set by the server on create; never read, written or shown through any API after that.
      access: { read: () => false, create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'newSecret',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/webhooks/admin/RotateSecret#RotateSecret' } },
    },
    {
      name: 'deliveries',
      type: 'join',
      collection: 'webhook-deliveries',
      on: 'webhook',
      defaultLimit: 10,
      defaultSort: '-createdAt',
      label: { en: 'Last deliveries', fr: 'Dernières livraisons', de: 'Letzte Zustellungen' },
      admin: { defaultColumns: ['event', 'status', 'attempts', 'lastStatusCode', 'createdAt'] },
    },
  ],
}
