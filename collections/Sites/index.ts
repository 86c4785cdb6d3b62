import type { CollectionConfig } from 'payload'

import { refuseDeleteWhileReferenced } from '@wirehouse/payload-plugin-attribution'

import { anyone, roles } from '@/access'
import { hostname } from '@/fields/validators'
import { expirePages } from '@/hooks/expirePages'
import { siteChangeTags } from '@/pageCache/vocabulary'

import { NETWORK } from '../Sections'

export const Sites: CollectionConfig = {
  slug: 'sites',
  labels: {
    singular: { en: 'Site', fr: 'Site', de: 'Website' },
    plural: { en: 'Sites', fr: 'Sites', de: 'Websites' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'domain'], group: NETWORK },
  access: {
    read: anyone,
    create: roles('admin'),
    update: roles('admin'),
    delete: roles('admin'),
  },
  hooks: {
    beforeDelete: [refuseDeleteWhileReferenced()],
    afterChange: [expirePages(siteChangeTags).afterChange],
    afterDelete: [expirePages(siteChangeTags).afterDelete],
  },
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
