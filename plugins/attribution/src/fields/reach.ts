import type { CollectionSlug, Field } from 'payload'

import { sidebarPanel } from './panel.ts'

export type NoticeReachProps = { noticesSlug: string; collections: string[] }

/** A sidebar panel on a notice's edit view: the documents it attaches to now, in each attributed collection. */
export const noticeReachField = (noticesSlug: CollectionSlug, collections: CollectionSlug[], disabled: boolean): Field =>
  sidebarPanel('reach', 'NoticeReach', { noticesSlug, collections } satisfies NoticeReachProps, disabled)
