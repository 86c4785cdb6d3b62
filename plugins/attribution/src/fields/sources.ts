import type { CollectionSlug, Field } from 'payload'

import type { Target } from '../options.ts'

import { label } from '../translations/translate.ts'

/** The source relationships an attributed collection gets when it does not define them itself. */
export const sourceRelationships = (target: Target, sources: CollectionSlug): Field[] => [
  {
    name: target.fields.source,
    type: 'relationship',
    relationTo: sources,
    index: true,
    label: label('field-source'),
    admin: { position: 'sidebar' },
  },
  {
    name: target.fields.additionalSources,
    type: 'relationship',
    relationTo: sources,
    hasMany: true,
    label: label('field-additionalSources'),
    admin: { position: 'sidebar' },
  },
]
