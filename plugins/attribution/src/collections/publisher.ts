import type { Field, GlobalConfig } from 'payload'

import type { ResolvedOptions } from '../options.ts'

import { anyone, managers } from '../access.ts'
import { label } from '../translations/translate.ts'

/** The fields of the publisher global, as `overrides.fields` receives them; `logo` with an uploads collection. */
export const publisherFields = (uploadsCollection: null | string = null): Field[] => [
  { name: 'name', type: 'text', required: true, maxLength: 120, label: label('field-name') },
  {
    name: 'copyrightStartYear',
    type: 'number',
    required: true,
    min: 1900,
    max: 2100,
    defaultValue: () => new Date().getFullYear(),
    label: label('field-copyrightStartYear'),
  },
  {
    name: 'jurisdiction',
    type: 'text',
    maxLength: 120,
    label: label('field-jurisdiction'),
    admin: { description: label('field-jurisdiction-description') },
  },
  ...(uploadsCollection
    ? [
        {
          name: 'logo',
          type: 'upload',
          relationTo: uploadsCollection,
          label: label('field-logo'),
          admin: { description: label('field-logo-description') },
        } as Field,
      ]
    : []),
]

/** The publisher global the plugin adds when the host has none; its versions date its past names for time travel. */
export const publisherGlobal = (options: ResolvedOptions): GlobalConfig => ({
  slug: options.publisherSlug,
  label: label('publisher-label'),
  access: { read: anyone, update: managers(options) },
  versions: { max: 100 },
  fields: publisherFields(options.uploadsCollection),
})
