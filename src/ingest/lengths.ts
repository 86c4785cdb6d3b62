/**
 * The longest values the Articles collection's ingest-written fields hold: the fields declare
 * them as `maxLength`, ingest shortens what it received to fit and says so in its notes.
 */
export const WIRE_RIGHTS_MAX_LENGTH = { holder: 300, notice: 2000, usageTerms: 2000 } as const

/** `ingest.reason`: why a draft is held for review. */
export const REVIEW_REASON_MAX_LENGTH = 1000
