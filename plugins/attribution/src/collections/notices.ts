import type { CollectionConfig, CollectionSlug, Field, Validate } from 'payload'

import { select } from 'payload/shared'

import type { ResolvedOptions } from '../options.ts'

import { managers, publishedUnlessSignedIn, signedIn, trashFirst } from '../access.ts'
import { LICENSES, NOTICE_KINDS, NOTICE_SCOPES, SOURCE_KINDS } from '../constants.ts'
import { label, labelsByLanguage, translate, translatedOptions } from '../translations/translate.ts'
import { alsoCheck, calendarDate, dateAfter } from '../utilities/validate.ts'

type AppliesTo = { licenses?: unknown[]; scope?: string; sourceKinds?: unknown[]; sources?: unknown[] }

const LIST_OF_SCOPE: Record<string, keyof AppliesTo> = {
  licenses: 'licenses',
  'source-kinds': 'sourceKinds',
  sources: 'sources',
}

/** A scope other than `all` needs at least one entry in its matching list. */
const scopeHasList = alsoCheck(select as Validate, (value, { req, siblingData }) => {
  const list = LIST_OF_SCOPE[value as string]
  if (!list) return true
  const entries = (siblingData as AppliesTo)?.[list]
  return Array.isArray(entries) && entries.length > 0 ? true : translate(req.t, 'error-scopeNeedsList', { scope: value, list })
})

const whenScope = (scope: string) => (_: unknown, siblingData: AppliesTo) => siblingData?.scope === scope

/** The fields of a legal notice, as `overrides.fields` receives them. */
export const noticeFields = (options: ResolvedOptions): Field[] => [
  { name: 'title', type: 'text', required: true, maxLength: 200, label: label('field-title') },
  { name: 'kind', type: 'select', required: true, options: translatedOptions('noticeKind', NOTICE_KINDS), index: true, label: label('field-kind') },
  {
    name: 'body',
    type: 'richText',
    required: true,
    label: labelsByLanguage('field-body', options.texts),
    admin: { description: label('field-body-description') },
  },
  {
    name: 'appliesTo',
    type: 'group',
    label: label('field-appliesTo'),
    fields: [
      {
        name: 'scope',
        type: 'select',
        required: true,
        defaultValue: 'all',
        options: translatedOptions('scope', NOTICE_SCOPES),
        validate: scopeHasList,
        label: label('field-scope'),
      },
      {
        name: 'sourceKinds',
        type: 'select',
        hasMany: true,
        options: translatedOptions('sourceKind', SOURCE_KINDS),
        label: label('field-sourceKinds'),
        admin: { condition: whenScope('source-kinds') },
      },
      {
        name: 'sources',
        type: 'relationship',
        relationTo: options.sourcesSlug,
        hasMany: true,
        label: label('field-sources'),
        admin: { condition: whenScope('sources') },
      },
      {
        name: 'licenses',
        type: 'select',
        hasMany: true,
        options: translatedOptions('license', LICENSES),
        label: label('field-licenses'),
        admin: { condition: whenScope('licenses') },
      },
      // Another jurisdiction, another text: a notice can be kept to some sites.
      ...(options.sitesSlug ? [sitesField(options.sitesSlug)] : []),
    ],
  },
  {
    name: 'effectiveFrom',
    type: 'date',
    validate: calendarDate,
    label: label('field-effectiveFrom'),
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'effectiveUntil',
    type: 'date',
    validate: dateAfter('effectiveFrom'),
    label: label('field-effectiveUntil'),
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
  },
  {
    name: 'order',
    type: 'number',
    defaultValue: 100,
    min: 0,
    max: 10000,
    label: label('field-order'),
    admin: { position: 'sidebar', description: label('field-order-description') },
  },
]

const sitesField = (sites: CollectionSlug): Field => ({
  name: 'sites',
  type: 'relationship',
  relationTo: sites,
  hasMany: true,
  label: label('field-sites'),
  admin: { description: label('field-sites-description') },
})

/**
 * The legal notices collection the plugin adds when the host has none: drafts and versions (what
 * readers saw stays on record), a trash, and access for the compliance matrix (anyone reads the
 * published text; whoever manages notices writes).
 */
export const noticesCollection = (options: ResolvedOptions): CollectionConfig => ({
  slug: options.noticesSlug,
  labels: { singular: label('notices-singular'), plural: label('notices-plural') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'appliesTo.scope', '_status', 'effectiveFrom', 'order'],
  },
  access: {
    read: publishedUnlessSignedIn,
    readVersions: signedIn,
    create: managers(options),
    update: managers(options),
    delete: trashFirst(managers(options)),
  },
  trash: true,
  versions: { drafts: { validate: true }, maxPerDoc: 0 },
  defaultSort: 'order',
  fields: noticeFields(options),
})
