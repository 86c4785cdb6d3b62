import type { CollectionConfig } from 'payload'

import { anyone, fieldRoles, roles, trashFirst } from '../src/access'
import { sourceCode } from '../src/fields/validators'
import { auditCollection } from '../src/hooks/audit'
import { revalidateSite } from '../src/hooks/revalidateSite'
import { reviewRights } from '../src/hooks/rightsReview'
import { upperCase } from '../src/hooks/upperCase'
import { labelled, LICENSES, SOURCE_KINDS } from './constants'

/** Sources name the credit and rights the public pages show: any change expires their cache. */
const site = revalidateSite()

/** The rights fields: what a source's copy may be used for and whom it credits. */
const RIGHTS = ['kind', 'license', 'copyrightHolder']

/** Rights fields: only compliance staff and admins may set or change them. */
const rightsAccess = {
  create: fieldRoles('admin', 'compliance'),
  update: fieldRoles('admin', 'compliance'),
}

/** The audit log follows a source's identity and rights, and its moves to and from the trash. */
const audit = auditCollection({
  fields: ['name', 'code', 'kind', 'license', 'copyrightHolder', 'credit', 'bylineAliases', 'deletedAt'],
})

export const WireSources: CollectionConfig = {
  slug: 'wire-sources',
  labels: { singular: 'Wire source', plural: 'Wire sources' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'kind', 'license', 'credit'],
    group: 'Rights',
  },
  access: {
    read: anyone,
    create: roles('admin', 'editor', 'compliance'),
    update: roles('admin', 'compliance'),
    // Trash instead of delete, as for notices: only what is in the trash is deleted for good.
    delete: trashFirst('admin', 'compliance'),
  },
  trash: true,
  hooks: {
    beforeChange: [reviewRights(RIGHTS)],
    afterChange: [audit.afterChange, site.afterChange],
    afterDelete: [audit.afterDelete, site.afterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 16,
      hooks: { beforeValidate: [upperCase] },
      validate: sourceCode,
      admin: { description: 'Short upper-case code, e.g. AFP. Stored upper case.' },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'other',
      options: labelled(SOURCE_KINDS),
      access: rightsAccess,
    },
    {
      name: 'copyrightHolder',
      type: 'text',
      maxLength: 200,
      access: rightsAccess,
      admin: { description: 'Who owns the copy, e.g. Agence France-Presse. Empty for public domain.' },
    },
    {
      name: 'license',
      type: 'select',
      required: true,
      defaultValue: 'copyright',
      options: labelled(LICENSES),
      access: rightsAccess,
    },
    {
      name: 'credit',
      type: 'text',
      maxLength: 40,
      admin: { description: 'What the dateline shows, e.g. AFP.' },
    },
    {
      name: 'bylineAliases',
      type: 'text',
      hasMany: true,
      maxLength: 120,
      admin: { description: 'Bylines that mean this source, e.g. "AFP Staff Writers".' },
    },
    {
      name: 'rightsProposal',
      type: 'group',
      access: rightsAccess,
      admin: {
        description:
          'Compliance staff propose rights changes here; another officer or an admin approves them (then they apply) or rejects them with a comment.',
      },
      fields: [
        { name: 'kind', type: 'select', options: labelled(SOURCE_KINDS) },
        { name: 'license', type: 'select', options: labelled(LICENSES) },
        { name: 'copyrightHolder', type: 'text', maxLength: 200 },
        { name: 'state', type: 'select', options: labelled(['pending', 'approved', 'rejected']), admin: { readOnly: true } },
        { name: 'decision', type: 'select', options: labelled(['approve', 'reject']), admin: { description: 'For the reviewer.' } },
        { name: 'comment', type: 'textarea', maxLength: 2000 },
        { name: 'proposedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'reviewedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
      ],
    },
  ],
}
