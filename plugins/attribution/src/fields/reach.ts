import type { CollectionSlug, Field } from 'payload'

export type NoticeReachProps = { articlesSlug: string; noticesSlug: string }

/** A sidebar panel on a notice's edit view: the articles it attaches to now. */
export const noticeReachField = (noticesSlug: CollectionSlug, articlesSlug: CollectionSlug): Field => ({
  name: 'reach',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: {
      Field: {
        path: '@wirehouse/payload-plugin-attribution/client#NoticeReach',
        clientProps: { articlesSlug, noticesSlug } satisfies NoticeReachProps,
      },
    },
  },
})
