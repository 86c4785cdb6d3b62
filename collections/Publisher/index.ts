import type { GlobalOverrides } from '@wirehouse/payload-plugin-attribution'

import { auditGlobal } from '@/hooks/audit'
import { expirePublisherPages } from '@/hooks/expirePages'
import { publisherWebhooks } from '@/webhooks/emit'

/** The app's side of the plugin's `publisher` global: the admin group, the audit trail and the pages' cache. */
export const Publisher: GlobalOverrides = {
  admin: { group: { en: 'Rights', fr: 'Droits', de: 'Rechte' } },
  hooks: { afterChange: [auditGlobal(), expirePublisherPages(), publisherWebhooks()] },
}
