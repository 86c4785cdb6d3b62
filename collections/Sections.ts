import type { CollectionConfig } from 'payload'

import { anyone, roles } from '../src/access'
import { relatedLinksField } from '../src/fields/relatedLinks'
import { slugField } from '../src/fields/slug'
import { revalidateSite } from '../src/hooks/revalidateSite'
import { uniqueWithin } from '../src/fields/validators'

export const Sections: CollectionConfig = {
  slug: 'sections',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'site', 'slug'], group: 'Network' },
  access: {
    read: anyone,
    create: roles('admin', 'editor'),
    update: roles('admin', 'editor'),
    delete: roles('admin'),
  },
  hooks: { afterChange: [revalidateSite().afterChange], afterDelete: [revalidateSite().afterDelete] },
  // A section's slug is unique within its site, not across the network.
  indexes: [{ fields: ['site', 'slug'], unique: true }],
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    slugField('name', { unique: false, validate: uniqueWithin('site') }),
    { name: 'site', type: 'relationship', relationTo: 'sites', required: true, index: true },
    { name: 'description', type: 'textarea', maxLength: 1000 },
    relatedLinksField(),
  ],
}
