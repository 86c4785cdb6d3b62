import type { CollectionConfig, FieldHook, Field } from 'payload'

import type { ResolvedOptions } from '../options.ts'

import { anyone, managers, signedIn, trashFirst } from '../access.ts'
import { LICENSES, SOURCE_KINDS } from '../constants.ts'
import { usageField } from '../fields/lifecycle.ts'
import { label, translatedOptions } from '../translations/translate.ts'
import { sourceCode } from '../utilities/validate.ts'

/** Trims and upper-cases a code before validation ("afp " → "AFP"). */
const upperCase: FieldHook = ({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)

/** The fields of a wire source, as `overrides.fields` receives them; rights fields are for managers only. */
export const sourceFields = (options: ResolvedOptions): Field[] => {
  const rights = { create: managers(options), update: managers(options) }
  return [
    { name: 'name', type: 'text', required: true, maxLength: 120, label: label('field-name') },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 16,
      hooks: { beforeValidate: [upperCase] },
      validate: sourceCode,
      label: label('field-code'),
      admin: { description: label('field-code-description') },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'other',
      options: translatedOptions('sourceKind', SOURCE_KINDS),
      access: rights,
      label: label('field-kind'),
    },
    {
      name: 'copyrightHolder',
      type: 'text',
      maxLength: 200,
      access: rights,
      label: label('field-copyrightHolder'),
      admin: { description: label('field-copyrightHolder-description') },
    },
    {
      name: 'license',
      type: 'select',
      required: true,
      defaultValue: 'copyright',
      options: translatedOptions('license', LICENSES),
      access: rights,
      label: label('field-license'),
    },
    {
      name: 'credit',
      type: 'text',
      maxLength: 40,
      label: label('field-credit'),
      admin: { description: label('field-credit-description') },
    },
    {
      name: 'bylineAliases',
      type: 'text',
      hasMany: true,
      maxLength: 120,
      label: label('field-bylineAliases'),
      admin: { description: label('field-bylineAliases-description') },
    },
    usageField({ access: rights }),
  ]
}

/**
 * The wire sources collection the plugin adds when the host has none: anyone reads it, anyone
 * signed in adds a source, managers change it and its rights (through review), with a trash.
 */
export const sourcesCollection = (options: ResolvedOptions): CollectionConfig => ({
  slug: options.sourcesSlug,
  labels: { singular: label('sources-singular'), plural: label('sources-plural') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code', 'kind', 'license', 'credit'] },
  access: {
    read: anyone,
    create: signedIn,
    update: managers(options),
    delete: trashFirst(managers(options)),
  },
  trash: true,
  fields: sourceFields(options),
})
