import type { CollectionOverrides } from '@wirehouse/payload-plugin-attribution'

import { auditCollection } from '@/hooks/audit'
import { revalidateSite } from '@/hooks/revalidateSite'

/** The public pages show notices: any change expires their cache. */
const site = revalidateSite()

/** Every change to a notice is audited, all its fields. */
const audit = auditCollection()

/**
 * The app's side of the plugin's `legal-notices` collection (fields, review, access and trash are
 * the plugin's): where it sits in the admin, the audit trail and the public pages' cache.
 */
export const LegalNotices: CollectionOverrides = {
  admin: { group: { en: 'Rights', fr: 'Droits', de: 'Rechte' } },
  hooks: {
    beforeChange: [audit.beforeChange],
    afterChange: [audit.afterChange, site.afterChange],
    afterDelete: [audit.afterDelete, site.afterDelete],
  },
}
