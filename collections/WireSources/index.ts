import type { CollectionOverrides } from '@wirehouse/payload-plugin-attribution'

import { auditCollection } from '@/hooks/audit'
import { sourceWebhooks } from '@/webhooks/emit'
import { expirePages } from '@/hooks/expirePages'
import { sourceChangeTags } from '@/pageCache/vocabulary'

/** Sources name the credit and rights the public pages show: a change of what they show expires those pages. */
const pages = expirePages(sourceChangeTags, { then: sourceWebhooks })

/** The audit log follows a source's identity and rights, their proposals and review, and its moves to and from the trash. */
const audit = auditCollection({
  fields: ['name', 'code', 'kind', 'license', 'copyrightHolder', 'credit', 'bylineAliases', 'usage', 'rightsProposal', 'deletedAt'],
})

/**
 * The app's side of the plugin's `wire-sources` collection (fields, rights review, access and
 * trash are the plugin's): where it sits in the admin, the audit trail and the pages' cache.
 */
export const WireSources: CollectionOverrides = {
  admin: { group: { en: 'Rights', fr: 'Droits', de: 'Rechte' } },
  hooks: {
    afterChange: [audit.afterChange, pages.afterChange],
    afterDelete: [audit.afterDelete, pages.afterDelete],
  },
}
