import type { CollectionConfig } from 'payload'

import { anyone, roles } from '../src/access'
import { hostname } from '../src/fields/validators'
import { revalidateSite } from '../src/hooks/revalidateSite'

export const Sites: CollectionConfig = {
  slug: 'sites',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'domain'], group: 'Network' },
  access: {
    read: anyone,
    create: roles('admin'),
    update: roles('admin'),
    delete: roles('admin'),
  },
  hooks: { afterChange: [revalidateSite().afterChange], afterDelete: [revalidateSite().afterDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'domain',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 253,
      validate: hostname,
      hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)] },
    },
    { name: 'masthead', type: 'text', maxLength: 200 },
  ],
}
