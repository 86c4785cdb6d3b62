import type { GroupField } from 'payload'

import { fieldRoles, ROLES } from '@/access'
import { WIRE_RIGHTS_MAX_LENGTH } from '@/ingest/lengths'

/**
 * The rights statement the wire file carried, kept as received: the agency's own words beside
 * the attribution Wirehouse composes. Written by ingest; the newsroom reads it, readers don't.
 */
export const wireRightsField = (): GroupField => ({
  name: 'wireRights',
  type: 'group',
  label: { en: 'Rights as received from the wire', fr: 'Droits reçus de l’agence', de: 'Rechte laut Agentur' },
  admin: {
    position: 'sidebar',
    condition: (data) => Boolean(data?.wireRights?.holder || data?.wireRights?.notice || data?.wireRights?.usageTerms),
  },
  access: { read: fieldRoles(...ROLES) },
  fields: [
    { name: 'holder', type: 'text', maxLength: WIRE_RIGHTS_MAX_LENGTH.holder, admin: { readOnly: true } },
    { name: 'notice', type: 'textarea', maxLength: WIRE_RIGHTS_MAX_LENGTH.notice, admin: { readOnly: true } },
    { name: 'usageTerms', type: 'textarea', maxLength: WIRE_RIGHTS_MAX_LENGTH.usageTerms, admin: { readOnly: true } },
  ],
})
