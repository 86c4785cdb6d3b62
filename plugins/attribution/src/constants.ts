/** The vocabularies the plugin's collections and the resolver share. */

export const LICENSES = ['copyright', 'public-domain', 'cc-by', 'cc-by-sa'] as const
export type License = (typeof LICENSES)[number]

export const SOURCE_KINDS = ['news-agency', 'government', 'space-agency', 'staff', 'press-release', 'other'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export const NOTICE_KINDS = [
  'copyright',
  'source-copyright',
  'public-domain',
  'staff-writers',
  'advertising',
  'gdpr',
  'privacy',
  'cookies',
  'jurisdiction',
  'other',
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

/** The kinds of notice that state rights: their text is what exports give as the copyright notice (ninjs `copyrightnotice`). */
export const RIGHTS_NOTICE_KINDS: readonly NoticeKind[] = ['copyright', 'source-copyright', 'public-domain', 'staff-writers']

export const NOTICE_SCOPES = ['all', 'source-kinds', 'sources', 'licenses'] as const
export type NoticeScope = (typeof NOTICE_SCOPES)[number]

/** Where a change under four-eyes review stands: a notice's text and a source's rights alike. */
export const REVIEW_STATES = ['draft', 'in-review', 'rejected', 'approved'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/** What reviewers do to a change: the only way its review moves. */
export const REVIEW_ACTIONS = ['submit', 'approve', 'reject'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

/** Where a review action's write names itself in `req.context`, for audit trails. */
export const REVIEW_CONTEXT = 'attributionReviewAction'

/** A source's rights: changed through review. */
export const RIGHTS_FIELDS = ['kind', 'license', 'copyrightHolder', 'usage'] as const

/** After a source's usage window: keep a tombstone page (`allowed`) or nothing (`forbidden`). */
export const ARCHIVE_POLICIES = ['allowed', 'forbidden'] as const
export type ArchivePolicy = (typeof ARCHIVE_POLICIES)[number]

/** Why a story left public reads: the agency killed it, its licence ran out, or someone withdrew it. */
export const WITHDRAW_REASONS = ['kill', 'expired', 'manual'] as const
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number]

/** Where a story stands for readers at a moment; only `public` stories are read anonymously. */
export const AVAILABILITY_STATES = ['public', 'embargoed', 'expired', 'withdrawn'] as const
export type AvailabilityState = (typeof AVAILABILITY_STATES)[number]

/** Where a notice stands at a moment; only `in-force` notices are attached. */
export const NOTICE_STATES = ['in-force', 'scheduled', 'draft', 'expired', 'trashed'] as const
export type NoticeState = (typeof NOTICE_STATES)[number]

/** The namespace of the plugin's keys in Payload's `i18n.translations`. */
export const I18N = 'plugin-attribution'

/** The page that states a licence, when there is one (all rights reserved has none). */
export const LICENSE_URLS: Record<License, null | string> = {
  copyright: null,
  'public-domain': 'https://creativecommons.org/publicdomain/mark/1.0/',
  'cc-by': 'https://creativecommons.org/licenses/by/4.0/',
  'cc-by-sa': 'https://creativecommons.org/licenses/by-sa/4.0/',
}

/**
 * The KV key (`payload.kv`) of the attribution rules' generation: every change of a notice, a
 * source, the publisher or a document along the site path writes a new token under it.
 */
export const RULES_GENERATION = 'attribution:rules-generation'

/** What `?attribution=` (REST) and `context.attribution` (Local API) take: `full` adds each notice's own text and HTML. */
export const ATTRIBUTION_SHAPES = ['full'] as const
