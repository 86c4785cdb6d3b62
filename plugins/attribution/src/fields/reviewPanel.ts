import type { CollectionSlug, Field } from 'payload'

import { sidebarPanel } from './panel.ts'

export type ReviewPanelProps = { collection: string; by: 'proposedBy' | 'submittedBy'; at: 'proposedAt' | 'submittedAt' }

/** The review panel in the sidebar of a notice's or a source's edit view, in place of a state select. */
export const reviewPanelField = (collection: CollectionSlug, by: ReviewPanelProps['by'], at: ReviewPanelProps['at']): Field =>
  sidebarPanel('reviewPanel', 'ReviewPanel', { collection, by, at } satisfies ReviewPanelProps, false)
