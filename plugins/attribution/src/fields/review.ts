import type { CollectionSlug, FieldAccess, GroupField } from 'payload'

import { LICENSES, REVIEW_DECISIONS, REVIEW_STATES, SOURCE_KINDS } from '../constants.ts'
import { label, translatedOptions } from '../translations/translate.ts'

const byUser = (name: 'proposedBy' | 'reviewedBy' | 'submittedBy', users: CollectionSlug): GroupField['fields'][number] => ({
  name,
  type: 'relationship',
  relationTo: users,
  label: label(`field-${name}`),
  admin: { readOnly: true },
})

/** A notice's review: where its latest change stands, who submitted and who reviewed it. */
export const noticeReviewField = (users: CollectionSlug): GroupField => ({
  name: 'review',
  type: 'group',
  label: label('field-review'),
  admin: { position: 'sidebar', description: label('field-review-description') },
  fields: [
    {
      name: 'state',
      type: 'select',
      defaultValue: 'draft',
      options: translatedOptions('reviewState', REVIEW_STATES),
      index: true,
      label: label('field-state'),
    },
    byUser('submittedBy', users),
    byUser('reviewedBy', users),
    { name: 'comment', type: 'textarea', maxLength: 2000, label: label('field-comment') },
  ],
})

/** A source's proposed rights, until another reviewer approves (then they apply) or rejects them. */
export const rightsProposalField = (users: CollectionSlug, access: { create: FieldAccess; update: FieldAccess }): GroupField => ({
  name: 'rightsProposal',
  type: 'group',
  access,
  label: label('field-rightsProposal'),
  admin: { description: label('field-rightsProposal-description') },
  fields: [
    { name: 'kind', type: 'select', options: translatedOptions('sourceKind', SOURCE_KINDS), label: label('field-kind') },
    { name: 'license', type: 'select', options: translatedOptions('license', LICENSES), label: label('field-license') },
    { name: 'copyrightHolder', type: 'text', maxLength: 200, label: label('field-copyrightHolder') },
    {
      name: 'state',
      type: 'select',
      options: translatedOptions('reviewState', REVIEW_STATES),
      label: label('field-state'),
      admin: { readOnly: true },
    },
    {
      name: 'decision',
      type: 'select',
      options: translatedOptions('decision', REVIEW_DECISIONS),
      label: label('field-decision'),
      admin: { description: label('field-decision-description') },
    },
    { name: 'comment', type: 'textarea', maxLength: 2000, label: label('field-comment') },
    byUser('proposedBy', users),
    byUser('reviewedBy', users),
  ],
})
