import type { CollectionSlug, FieldAccess, GroupField } from 'payload'

import { LICENSES, REVIEW_STATES, SOURCE_KINDS } from '../constants.ts'
import { label, translate, translatedOptions, type TranslationKey } from '../translations/translate.ts'
import { same } from '../utilities/content.ts'
import { usageField } from './lifecycle.ts'
import { refuse } from '../utilities/refuse.ts'

type Field = GroupField['fields'][number]

/**
 * Access for a field only the review actions write (they write with `overrideAccess`): sending
 * the stored value (or nothing) is fine and keeps it; any other value is a 403 naming the field,
 * for every role, over REST, GraphQL and the Local API with `overrideAccess: false`.
 */
export const serverWritten =
  (group: string, name: string, initial: unknown = null, message: TranslationKey = 'error-serverField'): FieldAccess =>
  ({ doc, req, siblingData }) => {
    // A restored version brings its own review; the review hooks then say what it becomes.
    if (req.context?.isRestoringVersion) return true
    const value = (siblingData as Record<string, unknown> | undefined)?.[name]
    const before = doc ? (doc[group] as Record<string, unknown> | undefined)?.[name] : initial
    if (value !== undefined && !same(value ?? initial, before ?? initial)) {
      throw refuse(translate(req.t, message, { field: `${group}.${name}` }))
    }
    return false
  }

const bySystem = (group: string, field: Field & { name: string }, initial?: unknown): Field =>
  ({
    ...field,
    label: label(`field-${field.name}` as TranslationKey),
    admin: { ...field.admin, disabled: true },
    access: { create: serverWritten(group, field.name, initial), update: serverWritten(group, field.name, initial) },
    // A copy is a new text: its review starts afresh.
    hooks: { beforeDuplicate: [() => initial ?? null] },
  }) as Field

const user = (group: string, name: string, users: CollectionSlug) => bySystem(group, { name, type: 'relationship', relationTo: users })
const moment = (group: string, name: string) => bySystem(group, { name, type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } })
const state = (group: string, initial?: string) =>
  bySystem(group, { name: 'state', type: 'select', options: translatedOptions('reviewState', REVIEW_STATES), index: true, defaultValue: initial }, initial)
const comment = (group: string) => bySystem(group, { name: 'comment', type: 'textarea', maxLength: 2000 })
const fingerprint = (group: string) => bySystem(group, { name: 'fingerprint', type: 'text', maxLength: 64 })

const signedIn: FieldAccess = ({ req }) => Boolean(req.user)

/**
 * A notice's review, as the review actions wrote it: where its latest version stands, who
 * submitted it and when (and whether to unpublish), who approved or rejected it and when, and the
 * fingerprint of the submitted text. Shown by the review panel, read by signed-in users only.
 */
export const noticeReviewField = (users: CollectionSlug): GroupField => ({
  name: 'review',
  type: 'group',
  label: label('field-review'),
  access: { read: signedIn },
  admin: { disabled: true },
  fields: [
    state('review', 'draft'),
    user('review', 'submittedBy', users),
    moment('review', 'submittedAt'),
    bySystem('review', { name: 'unpublish', type: 'checkbox' }, false),
    fingerprint('review'),
    user('review', 'reviewedBy', users),
    moment('review', 'reviewedAt'),
    bySystem('review', { name: 'bypass', type: 'checkbox' }, false),
    comment('review'),
  ],
})

/**
 * A source's proposed rights: reviewers edit `kind`, `license` and `copyrightHolder`, then
 * submit them; another reviewer approves (they apply) or rejects them. The rest is written by the
 * review actions. Read by signed-in users only.
 */
export const rightsProposalField = (users: CollectionSlug, access: { create: FieldAccess; update: FieldAccess }): GroupField => ({
  name: 'rightsProposal',
  type: 'group',
  access: { ...access, read: signedIn },
  label: label('field-rightsProposal'),
  admin: { description: label('field-rightsProposal-description') },
  fields: [
    { name: 'kind', type: 'select', options: translatedOptions('sourceKind', SOURCE_KINDS), label: label('field-kind') },
    { name: 'license', type: 'select', options: translatedOptions('license', LICENSES), label: label('field-license') },
    { name: 'copyrightHolder', type: 'text', maxLength: 200, label: label('field-copyrightHolder') },
    usageField({ proposal: true }),
    state('rightsProposal'),
    user('rightsProposal', 'proposedBy', users),
    moment('rightsProposal', 'proposedAt'),
    fingerprint('rightsProposal'),
    user('rightsProposal', 'reviewedBy', users),
    moment('rightsProposal', 'reviewedAt'),
    comment('rightsProposal'),
  ],
})
