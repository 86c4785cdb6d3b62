import type { CollectionSlug, Field } from 'payload'

export type NoticeReachProps = { noticesSlug: string; collections: string[] }

/** A sidebar panel on a notice's edit view: the documents it attaches to now, in each attributed collection. */
export const noticeReachField = (noticesSlug: CollectionSlug, collections: CollectionSlug[], disabled: boolean): Field => ({
  name: 'reach',
  type: 'ui',
  admin: {
    position: 'sidebar',
    ...(disabled && { condition: () => false }),
    components: {
      Field: {
        path: '@wirehouse/payload-plugin-attribution/client#NoticeReach',
        clientProps: { noticesSlug, collections } satisfies NoticeReachProps,
      },
    },
  },
})
