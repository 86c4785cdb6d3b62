import type { ArrayField } from 'payload'

import { httpUrl } from './validators'

/** `relatedLinks: [{ label, url }]`, shared by articles and sections. */
export const relatedLinksField = (overrides: Partial<ArrayField> = {}): ArrayField => ({
  name: 'relatedLinks',
  type: 'array',
  maxRows: 20,
  labels: { singular: 'Related link', plural: 'Related links' },
  fields: [
    { name: 'label', type: 'text', required: true, maxLength: 200 },
    // Empty when the wire printed only a label: the editor completes it; pages show the label alone.
    { name: 'url', type: 'text', maxLength: 2000, validate: httpUrl },
  ],
  ...overrides,
})
