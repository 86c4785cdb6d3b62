import type { CollectionConfig } from 'payload'

import { nobody, roles } from '@/access'
import { labelled } from '@/fields/labelled'
import { AUDIT_OPERATIONS, AUDITED, auditEntriesAreFinal } from '@/hooks/audit'

/**
 * The audit trail of the notices, the sources' rights and the publisher global: written only by
 * the audit hooks (src/hooks/audit.ts), read by compliance staff and admins, changed and deleted
 * by nobody, through any API, whatever the access override.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: {
    singular: { en: 'Audit entry', fr: 'Entrée du journal d’audit', de: 'Audit-Eintrag' },
    plural: { en: 'Audit log', fr: 'Journal d’audit', de: 'Audit-Protokoll' },
  },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'operation', 'collection', 'documentId', 'userEmail'],
    group: { en: 'Compliance', fr: 'Conformité', de: 'Compliance' },
    description: 'Every change to a legal notice, a wire source’s rights or the publisher. Entries cannot be changed or deleted.',
  },
  access: {
    read: roles('admin', 'compliance'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  disableDuplicate: true,
  defaultSort: '-at',
  hooks: {
    beforeChange: [auditEntriesAreFinal.beforeChange],
    beforeDelete: [auditEntriesAreFinal.beforeDelete],
  },
  fields: [
    { name: 'at', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'operation', type: 'select', required: true, index: true, options: labelled(AUDIT_OPERATIONS) },
    {
      name: 'collection',
      type: 'select',
      required: true,
      index: true,
      options: labelled(AUDITED),
      admin: { description: 'The collection or global changed.' },
    },
    { name: 'documentId', type: 'text', index: true, admin: { description: 'Empty for a global.' } },
    { name: 'user', type: 'relationship', relationTo: 'users', admin: { description: 'Empty for the system (seed, jobs).' } },
    { name: 'userEmail', type: 'text', index: true, admin: { description: 'Who, as they were called then.' } },
    { name: 'summary', type: 'text', admin: { description: 'What happened, in a line.' } },
    {
      name: 'changes',
      type: 'array',
      fields: [
        { name: 'field', type: 'text', required: true, admin: { description: 'Dot path, e.g. appliesTo.scope.' } },
        // Any JSON value, a bare string included (the default JSON validation takes a string for unparsed input).
        { name: 'from', type: 'json', validate: () => true },
        { name: 'to', type: 'json', validate: () => true },
      ],
    },
  ],
}
