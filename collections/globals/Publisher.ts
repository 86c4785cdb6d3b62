import type { GlobalConfig } from 'payload'

import { anyone, roles } from '../../src/access'
import { auditGlobal } from '../../src/hooks/audit'
import { revalidateSiteGlobal } from '../../src/hooks/revalidateSite'

export const Publisher: GlobalConfig = {
  slug: 'publisher',
  admin: { group: 'Rights' },
  access: {
    read: anyone,
    update: roles('admin', 'compliance'),
  },
  versions: { max: 100 },
  hooks: { afterChange: [auditGlobal(), revalidateSiteGlobal()] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120, defaultValue: 'Wirehouse Publisher' },
    {
      name: 'copyrightStartYear',
      type: 'number',
      required: true,
      min: 1900,
      max: 2100,
      defaultValue: () => new Date().getFullYear(),
    },
    {
      name: 'jurisdiction',
      type: 'text',
      maxLength: 120,
      admin: { description: 'Whose law governs the legal notices, e.g. Australia.' },
    },
  ],
}
