import type { CollectionSlug, Field, FieldAccess, GroupField, UIField } from 'payload'

import type { Target } from '../options.ts'

import { ARCHIVE_POLICIES, AVAILABILITY_STATES, WITHDRAW_REASONS } from '../constants.ts'
import { label, labelsByLanguage, type Texts, translatedOptions } from '../translations/translate.ts'
import { serverWritten } from './review.ts'

/**
 * A source's usage terms (rights fields: managers change them, through the review when it is on):
 * how many days after the story's date its stories stay public, and whether a tombstone stays after.
 * In a rights proposal (`proposal`), an empty field keeps the source's value and `maxAgeDays` 0
 * removes the limit (review/subjects.ts `proposedUsage`).
 */
export const usageField = ({ access, proposal = false }: { access?: { create: FieldAccess; update: FieldAccess }; proposal?: boolean } = {}): GroupField => {
  const least = proposal ? 0 : 1
  return {
    name: 'usage',
    type: 'group',
    label: label('field-usage'),
    ...(access && { access }),
    admin: { description: label(proposal ? 'field-usageProposal-description' : 'field-usage-description') },
    fields: [
      {
        name: 'maxAgeDays',
        type: 'number',
        min: least,
        max: 36500,
        // A `validate` replaces Payload's own, so it checks `min` and `max` too.
        validate: (value: null | number | undefined) =>
          value === null ||
          value === undefined ||
          (Number.isInteger(value)
            ? (value >= least && value <= 36500) || `maxAgeDays: from ${least} to 36500 days`
            : 'maxAgeDays: a whole number of days'),
        label: label('field-maxAgeDays'),
        admin: { description: label(proposal ? 'field-maxAgeDaysProposal-description' : 'field-maxAgeDays-description') },
      },
      { name: 'archive', type: 'select', options: translatedOptions('archive', ARCHIVE_POLICIES), label: label('field-archive') },
      { name: 'note', type: 'textarea', maxLength: 2000, label: label('field-usageNote') },
    ],
  }
}

const written = (name: string, field: Record<string, unknown>): Field =>
  ({
    name,
    ...field,
    admin: { ...(field.admin as object), readOnly: true },
    access: { create: serverWritten('withdrawn', name, null, 'error-withdrawnByAction'), update: serverWritten('withdrawn', name, null, 'error-withdrawnByAction') },
    hooks: { beforeDuplicate: [() => null] },
  }) as Field

/** `embargoUntil` and `withdrawn`, for an attributed collection that does not define them. */
export const lifecycleFields = (target: Target, users: CollectionSlug): Field[] => [
  {
    name: target.fields.embargoUntil,
    type: 'date',
    index: true,
    label: label('field-embargoUntil'),
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: label('field-embargoUntil-description') },
  },
  {
    name: target.fields.withdrawn,
    type: 'group',
    label: label('field-withdrawn'),
    admin: { position: 'sidebar', description: label('field-withdrawn-description') },
    fields: [
      written('at', { type: 'date', index: true, label: label('field-withdrawnAt'), admin: { date: { pickerAppearance: 'dayAndTime' } } }),
      written('reason', { type: 'select', options: translatedOptions('withdrawReason', WITHDRAW_REASONS), label: label('field-withdrawReason') }),
      written('message', { type: 'textarea', maxLength: 2000, label: label('field-withdrawMessage') }),
      written('by', { type: 'relationship', relationTo: users, label: label('field-withdrawnBy') }),
    ],
  },
]

/** The virtual `availability`: where the story stands for readers, set after each read (hooks/availability.ts). */
export const availabilityField = (): Field => ({
  name: 'availability',
  type: 'group',
  virtual: true,
  interfaceName: 'Availability',
  label: label('field-availability'),
  admin: { hidden: true },
  access: { create: () => false, update: () => false },
  fields: [
    // Text, not select: GraphQL enums would differ from REST.
    { name: 'state', type: 'text', virtual: true, admin: { description: AVAILABILITY_STATES.join(' | ') } },
    { name: 'reason', type: 'text', virtual: true, admin: { description: WITHDRAW_REASONS.join(' | ') } },
    { name: 'since', type: 'date', virtual: true },
    { name: 'until', type: 'date', virtual: true },
    { name: 'archive', type: 'text', virtual: true, admin: { description: ARCHIVE_POLICIES.join(' | ') } },
  ],
})

export type RightsPanelProps = { collection: string }

/** The name of the `rights` ui field: the sidebar panel and the list view's badge column. */
export const RIGHTS_FIELD = 'rights'

/**
 * `rights`: in the edit view's sidebar, where the story stands for readers with the Withdraw and
 * Restore actions (components/RightsPanel.tsx); in the list view, a column with its badge
 * (components/AvailabilityBadge.tsx), from the virtual `availability`. Hidden while the plugin is disabled.
 */
export const rightsField = (collection: CollectionSlug, texts: Texts, disabled: boolean): UIField => ({
  name: RIGHTS_FIELD,
  type: 'ui',
  label: labelsByLanguage('field-rights', texts),
  admin: {
    position: 'sidebar',
    ...(disabled
      ? { condition: () => false, disableListColumn: true }
      : {
          components: {
            Field: { path: '@wirehouse/payload-plugin-attribution/client#RightsPanel', clientProps: { collection } satisfies RightsPanelProps },
            Cell: '@wirehouse/payload-plugin-attribution/client#AvailabilityCell',
          },
        }),
  },
})
