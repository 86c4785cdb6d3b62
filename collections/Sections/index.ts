import type { CollectionConfig } from 'payload'

import { refuseDeleteWhileReferenced } from '@wirehouse/payload-plugin-attribution'

import { anyone, roles } from '@/access'
import { relatedLinksField } from '@/fields/relatedLinks'
import { slugField } from '@/fields/slug'
import { uniqueWithin } from '@/fields/validators'
import { expirePages } from '@/hooks/expirePages'
import { sectionChangeTags } from '@/pageCache/vocabulary'

/** The admin group of sections and sites. */
export const NETWORK = { en: 'Network', fr: 'Réseau', de: 'Netzwerk' }

export const Sections: CollectionConfig = {
  slug: 'sections',
  labels: {
    singular: { en: 'Section', fr: 'Rubrique', de: 'Ressort' },
    plural: { en: 'Sections', fr: 'Rubriques', de: 'Ressorts' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'site', 'slug'], group: NETWORK },
  access: {
    read: anyone,
    create: roles('admin', 'editor'),
    update: roles('admin', 'editor'),
    delete: roles('admin'),
  },
  hooks: {
    beforeDelete: [refuseDeleteWhileReferenced()],
    afterChange: [expirePages(sectionChangeTags).afterChange],
    afterDelete: [expirePages(sectionChangeTags).afterDelete],
  },
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
