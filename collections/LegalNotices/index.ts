import type { CollectionOverrides } from '@wirehouse/payload-plugin-attribution'

import { auditCollection } from '@/hooks/audit'
import { noticeWebhooks } from '@/webhooks/emit'
import { expirePages } from '@/hooks/expirePages'
import { rescheduleNotices } from '@/pageCache/scheduler'
import { noticeChangeTags } from '@/pageCache/vocabulary'

/** The pages a notice is on or could join, when what readers see of it changes (not a draft or a review). */
const pages = expirePages(noticeChangeTags, { published: true, then: noticeWebhooks })

/** Its times may be the next moment a notice comes into force or leaves. */
const schedule = rescheduleNotices()

/** Every change to a notice is audited, all its fields. */
const audit = auditCollection()

/**
 * The app's side of the plugin's `legal-notices` collection (fields, review, access and trash are
 * the plugin's): where it sits in the admin, the audit trail and the public pages' cache.
 */
export const LegalNotices: CollectionOverrides = {
  admin: { group: { en: 'Rights', fr: 'Droits', de: 'Rechte' } },
  hooks: {
    beforeChange: [audit.beforeChange, pages.beforeChange],
    afterChange: [audit.afterChange, pages.afterChange, schedule.afterChange],
    afterDelete: [audit.afterDelete, pages.afterDelete, schedule.afterDelete],
  },
}
