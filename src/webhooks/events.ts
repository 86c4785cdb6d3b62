/** PURE: the events a webhook may subscribe to, and what each delivery's body carries. */

export const WEBHOOK_EVENTS = ['article.published', 'article.unpublished', 'article.withdrawn', 'attribution.changed'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** Why the attribution of some articles changed. */
export const ATTRIBUTION_REASONS = ['notice.published', 'notice.unpublished', 'notice.inForce', 'notice.outOfForce', 'source.rights', 'publisher'] as const
export type AttributionReason = (typeof ATTRIBUTION_REASONS)[number]

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** An `attribution.changed` delivery carries at most this many article ids; a larger reach is sent in batches. */
export const BATCH_SIZE = 500

export type Id = number | string
export type Subject = { collection: string; id: Id | null }

/** The body of an `article.*` delivery. */
export type ArticlePayload = {
  event: Exclude<WebhookEvent, 'attribution.changed'>
  occurredAt: string
  article: { id: Id; headline?: null | string; slug?: null | string; publishedAt?: null | string; withdrawn?: unknown }
}

/** The body of one `attribution.changed` delivery: one batch of the affected articles' ids. */
export type AttributionPayload = {
  event: 'attribution.changed'
  occurredAt: string
  reason: AttributionReason
  subject: Subject
  articles: Id[]
  batch: { index: number; count: number }
  total: number
}

export type WebhookPayload = ArticlePayload | AttributionPayload

/** Splits `ids` into the bodies of the deliveries of one attribution change (none when no article is affected). */
export const attributionBatches = (
  base: { occurredAt: string; reason: AttributionReason; subject: Subject },
  ids: Id[],
  size = BATCH_SIZE,
): AttributionPayload[] => {
  const count = Math.ceil(ids.length / size)
  return Array.from({ length: count }, (_, index) => ({
    event: 'attribution.changed' as const,
    ...base,
    articles: ids.slice(index * size, (index + 1) * size),
    batch: { index: index + 1, count },
    total: ids.length,
  }))
}

type Doc = Record<string, unknown> | null

const withdrawnAt = (doc: Doc) => Boolean((doc?.withdrawn as { at?: unknown } | null | undefined)?.at)

/**
 * The article events of a change, from the article as readers saw it before and after (null: they
 * saw none: a draft never published, unpublished, trashed, deleted). A new draft, or an edit of an
 * article that stays published, is no event; a withdrawn article restored is published again.
 */
export const articleEvents = (before: Doc, after: Doc): ArticlePayload['event'][] => {
  if (!before && after) return withdrawnAt(after) ? [] : ['article.published']
  if (before && !after) return withdrawnAt(before) ? [] : ['article.unpublished']
  if (before && after && !withdrawnAt(before) && withdrawnAt(after)) return ['article.withdrawn']
  // A withdrawal undone (restored): readers see the story again.
  if (before && after && withdrawnAt(before) && !withdrawnAt(after)) return ['article.published']
  return []
}
