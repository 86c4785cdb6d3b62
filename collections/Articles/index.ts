import type { CollectionConfig } from 'payload'

import { calendarDate, publishedForAnonymous, refuseDeleteWhileReferenced } from '@wirehouse/payload-plugin-attribution'

import { publishedUnless, roles, trashOrDelete } from '@/access'
import { relatedLinksField } from '@/fields/relatedLinks'
import { requiredToPublish } from '@/fields/requiredToPublish'
import { slugField } from '@/fields/slug'
import { auditWithdrawals } from '@/hooks/audit'
import { articleWebhooks } from '@/webhooks/emit'
import { expirePages } from '@/hooks/expirePages'
import { ingestEndpoint } from '@/ingest/endpoint'
import { articleChangeTags } from '@/pageCache/vocabulary'

import { ingestField } from './fields/ingest'
import { wireRightsField } from './fields/wireRights'
import { setPublishedAt } from './hooks/setPublishedAt'

/** The pages showing an article, when what readers see of it changes (not a new draft). */
const pages = expirePages(articleChangeTags, { published: true, then: articleWebhooks })

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: {
    singular: { en: 'Article', fr: 'Article', de: 'Artikel' },
    plural: { en: 'Articles', fr: 'Articles', de: 'Artikel' },
  },
  admin: {
    useAsTitle: 'headline',
    defaultColumns: ['headline', 'source', 'section', '_status', 'rights', 'publishedAt'],
    group: { en: 'Content', fr: 'Contenu', de: 'Inhalt' },
    components: { beforeListTable: ['/src/ingest/admin/IngestWire#IngestWire'] },
  },
  access: {
    read: publishedUnless('admin', 'editor', 'compliance'),
    readVersions: roles('admin', 'editor', 'compliance'),
    create: roles('admin', 'editor'),
    update: roles('admin', 'editor'),
    // Editors move articles to the trash; only admins delete for good or empty the trash.
    delete: trashOrDelete({ deleters: ['admin'], trashers: ['editor'] }),
  },
  trash: true,
  versions: {
    // Validate drafts too: a draft may lack a source, but never carries malformed data.
    drafts: { validate: true },
    maxPerDoc: 100,
  },
  hooks: {
    beforeOperation: [publishedForAnonymous()],
    beforeChange: [setPublishedAt(), pages.beforeChange],
    beforeDelete: [refuseDeleteWhileReferenced()],
    afterChange: [pages.afterChange, auditWithdrawals()],
    afterDelete: [pages.afterDelete],
  },
  endpoints: [ingestEndpoint()],
  // Readers' lists: published and not trashed (access, trash), newest first, all of them or by
  // source or section (a site's home and section pages). Without these the database sorts every
  // published article of the list to return ten (bench/volume.ts: 7–10× slower at 100,000
  // articles than at 1,000). `deletedAt` last makes them cover the lists' counts (`totalDocs`):
  // without it every count read each published article's row to check it is not in the trash.
  indexes: [
    { fields: ['_status', 'publishedAt', 'deletedAt'] },
    { fields: ['source', '_status', 'publishedAt', 'deletedAt'] },
    { fields: ['section', '_status', 'publishedAt', 'deletedAt'] },
  ],
  fields: [
    { name: 'headline', type: 'text', required: true, maxLength: 200 },
    slugField('headline'),
    { name: 'byline', type: 'text', maxLength: 200 },
    {
      name: 'dateline',
      type: 'group',
      fields: [
        { name: 'place', type: 'text', maxLength: 120 },
        { name: 'date', type: 'date', validate: calendarDate, admin: { date: { pickerAppearance: 'dayOnly' } } },
      ],
    },
    {
      name: 'source',
      type: 'relationship',
      relationTo: 'wire-sources',
      index: true,
      validate: requiredToPublish('source'),
      admin: { position: 'sidebar', description: 'Required to publish.' },
    },
    {
      name: 'additionalSources',
      type: 'relationship',
      relationTo: 'wire-sources',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    { name: 'section', type: 'relationship', relationTo: 'sections', index: true, admin: { position: 'sidebar' } },
    { name: 'summary', type: 'textarea', maxLength: 1000 },
    { name: 'body', type: 'richText' },
    relatedLinksField(),
    {
      name: 'relatedArticles',
      type: 'relationship',
      relationTo: 'articles',
      hasMany: true,
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'externalId',
      type: 'text',
      unique: true,
      maxLength: 200,
      admin: { position: 'sidebar', description: "The wire's own story id." },
    },
    { name: 'publishedAt', type: 'date', index: true, validate: calendarDate, admin: { position: 'sidebar' } },
    wireRightsField(),
    ingestField(),
  ],
}
