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
    { name: 'url', type: 'text', required: true, maxLength: 2000, validate: httpUrl },
  ],
  ...overrides,
})
