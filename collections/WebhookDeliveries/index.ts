import type { CollectionConfig } from 'payload'

import { admins, nobody } from '@/access'
import { DELIVERY_STATUSES, WEBHOOK_EVENTS } from '@/webhooks/events'
import { redeliverEndpoint } from '@/webhooks/redeliver'

const labels = {
  pending: { en: 'Pending', fr: 'En attente', de: 'Ausstehend' },
  delivered: { en: 'Delivered', fr: 'Livrée', de: 'Zugestellt' },
  failed: { en: 'Failed (dead letter)', fr: 'Échouée (lettre morte)', de: 'Fehlgeschlagen (unzustellbar)' },
}

/**
 * One event for one webhook, and how its delivery went: written by the server only (the queue,
 * `src/webhooks/queue.ts`), read and deleted by admins. `failed` are the dead letters: given up
 * after 24 hours of retries, redelivered from the admin or `POST /api/webhook-deliveries/:id/redeliver`.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: {
    singular: { en: 'Webhook delivery', fr: 'Livraison de webhook', de: 'Webhook-Zustellung' },
    plural: { en: 'Webhook deliveries', fr: 'Livraisons de webhooks', de: 'Webhook-Zustellungen' },
  },
  admin: {
    useAsTitle: 'deliveryId',
    defaultColumns: ['event', 'webhook', 'status', 'attempts', 'lastStatusCode', 'nextAttemptAt', 'createdAt'],
    group: { en: 'Developers', fr: 'Développeurs', de: 'Entwickler' },
    components: { beforeListTable: ['/src/webhooks/admin/DeadLetters#DeadLetters'] },
    description: {
      en: 'Filter by status "Failed" for the dead letters; open one to redeliver it.',
      fr: 'Filtrez sur le statut « Échouée » pour les lettres mortes ; ouvrez-en une pour la relivrer.',
      de: 'Nach Status „Fehlgeschlagen“ filtern für die unzustellbaren; eine öffnen, um sie erneut zuzustellen.',
    },
  },
  access: { read: admins, create: nobody, update: nobody, delete: admins },
  disableDuplicate: true,
  defaultSort: '-createdAt',
  endpoints: [redeliverEndpoint],
  fields: [
    {
      name: 'redeliver',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/webhooks/admin/Redeliver#Redeliver' } },
    },
    { name: 'webhook', type: 'relationship', relationTo: 'webhooks', required: true, index: true },
    { name: 'event', type: 'select', required: true, index: true, options: WEBHOOK_EVENTS.map((value) => ({ label: value, value })) },
    {
      name: 'deliveryId',
      type: 'text',
      required: true,
      unique: true,
      admin: { description: 'X-Wirehouse-Delivery: the same on every attempt, for the receiver to de-duplicate.' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: DELIVERY_STATUSES.map((value) => ({ label: labels[value], value })),
      admin: { position: 'sidebar' },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, admin: { position: 'sidebar' } },
    { name: 'firstAttemptAt', type: 'date', admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'nextAttemptAt', type: 'date', index: true, admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'deliveredAt', type: 'date', admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastStatusCode', type: 'number', admin: { position: 'sidebar' } },
    { name: 'lastError', type: 'text' },
    { name: 'payload', type: 'json', required: true },
  ],
}
