import type { NoticeState } from './constants.ts'
import type { NoticeInput } from './types.ts'

/**
 * PURE: where a notice stands at `at`. The one rule for "in force" that the resolver, the reach
 * and the compliance report share: published, not trashed, `effectiveFrom` ≤ at < `effectiveUntil`.
 */
export const noticeState = (notice: NoticeInput, at: Date): NoticeState => {
  if (notice.deletedAt) return 'trashed'
  if ((notice._status ?? 'published') !== 'published') return 'draft'
  if (notice.effectiveFrom && new Date(notice.effectiveFrom).getTime() > at.getTime()) return 'scheduled'
  if (notice.effectiveUntil && new Date(notice.effectiveUntil).getTime() <= at.getTime()) return 'expired'
  return 'in-force'
}
