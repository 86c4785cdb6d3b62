import type { GroupField } from 'payload'

import { fieldRoles, ROLES } from '@/access'
import { labelled } from '@/fields/labelled'
import { REVIEW_REASON_MAX_LENGTH } from '@/ingest/lengths'
import { WIRE_FORMATS } from '@/ingest/types'

/**
 * Where an ingested article came from, and whether an editor must look at it. A flagged
 * article cannot be published until an editor has checked its source and cleared the flag.
 */
export const ingestField = (): GroupField => ({
  name: 'ingest',
  type: 'group',
  label: 'Wire ingest',
  admin: { position: 'sidebar', condition: (data) => Boolean(data?.ingest?.format) },
  // Diagnostics for the newsroom, not for readers.
  access: { read: fieldRoles(...ROLES) },
  fields: [
    {
      name: 'needsReview',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: 'Needs review',
      validate: (value: boolean | null | undefined, { data }: { data: Partial<{ _status: string }> }) =>
        value && data?._status === 'published'
          ? 'Check the source, then clear "Needs review" before publishing.'
          : true,
    },
    { name: 'reason', type: 'textarea', maxLength: REVIEW_REASON_MAX_LENGTH, admin: { readOnly: true } },
    { name: 'format', type: 'select', options: labelled(WIRE_FORMATS), admin: { readOnly: true } },
    { name: 'matchedBy', type: 'text', maxLength: 40, admin: { readOnly: true, description: 'Which signal named the source.' } },
    { name: 'ingestedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    // The wire's own timestamps: a re-sent older version is stale and changes nothing.
    { name: 'firstCreated', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'versionCreated', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    // Fingerprint of the parsed story and of what was written (src/ingest/identity.ts): an unchanged story is not written again.
    { name: 'hash', type: 'text', maxLength: 64, admin: { hidden: true } },
  ],
})
