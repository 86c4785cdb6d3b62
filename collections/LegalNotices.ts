import type { CollectionConfig, Validate } from 'payload'

import { select } from 'payload/shared'

import { publishedUnless, roles, trashFirst } from '../src/access'
import { alsoCheck, calendarDate, dateAfter } from '../src/fields/validators'
import { auditCollection } from '../src/hooks/audit'
import { keepIfEverPublished } from '../src/hooks/keepPublished'
import { revalidateSite } from '../src/hooks/revalidateSite'
import { REVIEW_STATES, reviewBeforePublish } from '../src/hooks/review'
import { labelled, LICENSES, NOTICE_KINDS, NOTICE_SCOPES, SOURCE_KINDS } from './constants'

/** The public pages show notices: any change expires their cache. */
const site = revalidateSite()

type AppliesTo = { licenses?: unknown[]; scope?: string; sourceKinds?: unknown[]; sources?: unknown[] }

const listFor: Record<string, keyof AppliesTo> = {
  licenses: 'licenses',
  'source-kinds': 'sourceKinds',
  sources: 'sources',
}

/** A scope other than `all` needs at least one entry in its matching list. */
const scopeHasList = alsoCheck(select as Validate, (value, { siblingData }) => {
  const list = listFor[value as string]
  if (!list) return true
  const entries = (siblingData as AppliesTo)?.[list]
  return Array.isArray(entries) && entries.length > 0 ? true : `scope "${value}" needs at least one entry in ${list}`
})

const whenScope = (scope: string) => (_: unknown, siblingData: AppliesTo) => siblingData?.scope === scope

/** What publishing changes; `deletedAt` alone (trash, restore) is not a change of text. */
const CONTENT_FIELDS = ['title', 'kind', 'body', 'appliesTo', 'effectiveFrom', 'effectiveUntil', 'order']

/** Every change to a notice is audited, all its fields. */
const audit = auditCollection()

export const LegalNotices: CollectionConfig = {
  slug: 'legal-notices',
  labels: { singular: 'Legal notice', plural: 'Legal notices' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'appliesTo.scope', '_status', 'effectiveFrom', 'order'],
    group: 'Rights',
  },
  access: {
    read: publishedUnless('admin', 'editor', 'compliance'),
    readVersions: roles('admin', 'editor', 'compliance'),
    create: roles('admin', 'compliance'),
    update: roles('admin', 'compliance'),
    // DESIGN: trash instead of delete for notices; one ever published stays (keepIfEverPublished).
    delete: trashFirst('admin', 'compliance'),
  },
  trash: true,
  versions: { drafts: { validate: true }, maxPerDoc: 0 },
  defaultSort: 'order',
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'kind', type: 'select', required: true, options: labelled(NOTICE_KINDS), index: true },
    {
      name: 'body',
      type: 'richText',
      required: true,
      admin: { description: 'May use {{publisher.name}}, {{year}}, {{source.name}} and the like.' },
    },
    {
      name: 'appliesTo',
      type: 'group',
      fields: [
        {
          name: 'scope',
          type: 'select',
          required: true,
          defaultValue: 'all',
          options: labelled(NOTICE_SCOPES),
          validate: scopeHasList,
        },
        {
          name: 'sourceKinds',
          type: 'select',
          hasMany: true,
          options: labelled(SOURCE_KINDS),
          admin: { condition: whenScope('source-kinds') },
        },
        {
          name: 'sources',
          type: 'relationship',
          relationTo: 'wire-sources',
          hasMany: true,
          admin: { condition: whenScope('sources') },
        },
        {
          name: 'licenses',
          type: 'select',
          hasMany: true,
          options: labelled(LICENSES),
          admin: { condition: whenScope('licenses') },
        },
        {
          // Another jurisdiction, another text: a notice can be kept to some sites.
          name: 'sites',
          type: 'relationship',
          relationTo: 'sites',
          hasMany: true,
          admin: { description: 'Only on these sites; empty means every site.' },
        },
      ],
    },
    {
      name: 'effectiveFrom',
      type: 'date',
      validate: calendarDate,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'effectiveUntil',
      type: 'date',
      validate: dateAfter('effectiveFrom'),
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 100,
      min: 0,
      max: 10000,
      admin: { position: 'sidebar', description: 'Display order; lower comes first.' },
    },
    {
      name: 'review',
      type: 'group',
      admin: {
        position: 'sidebar',
        description:
          'Set "In review" and save the draft to submit; a colleague or an admin publishes it, or rejects it with a comment.',
      },
      fields: [
        { name: 'state', type: 'select', defaultValue: 'draft', options: labelled(REVIEW_STATES), index: true },
        { name: 'submittedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'reviewedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'comment', type: 'textarea', maxLength: 2000 },
      ],
    },
  ],
  hooks: {
    beforeChange: [reviewBeforePublish(CONTENT_FIELDS), audit.beforeChange],
    afterChange: [audit.afterChange, site.afterChange],
    beforeDelete: [keepIfEverPublished('notice')],
    afterDelete: [audit.afterDelete, site.afterDelete],
  },
}
