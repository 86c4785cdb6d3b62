import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import crypto from 'node:crypto'

/**
 * A generation in Payload's KV store (`payload.kv`): a token every change of what some cache holds
 * replaces, so every instance sharing the store knows at its next read that its cache is stale.
 * When the KV store is the database (the `payload-kv` collection, Payload's default) the token is
 * written and read through the request's transaction: no instance sees a new token before the
 * change itself, so data read after the token is never older than it.
 */
export type Generation = { changedAt: string; token: string }

const next = (): Generation => ({ changedAt: new Date().toISOString(), token: crypto.randomUUID() })

/** The KV collection's slug when the KV store is the database, else undefined (e.g. Redis). */
const kvCollection = (payload: Payload): CollectionSlug | undefined => {
  const { collectionSlug } = payload.kv as { collectionSlug?: unknown }
  return typeof collectionSlug === 'string' ? (collectionSlug as CollectionSlug) : undefined
}

/**
 * Writes a new generation under `key`: in the change's own transaction (`req`) when the KV store
 * is the database; without `req` (a change with no request, such as a scheduled job's) on its own.
 */
export const bumpGeneration = async (payload: Payload, key: string, req?: PayloadRequest): Promise<void> => {
  const collection = kvCollection(payload)
  if (!collection) return payload.kv.set(key, next())
  await payload.db.upsert({ collection, data: { key, data: next() }, where: { key: { equals: key } }, select: {}, req })
}

/** The current token under `key` (one statement), as `req`'s transaction sees it; 'none' before the first. */
export const readGeneration = async (req: PayloadRequest, key: string): Promise<string> => {
  const { payload } = req
  const collection = kvCollection(payload)
  const stored = collection
    ? ((await payload.db.findOne<{ id: number | string; data?: Generation }>({ collection, select: { data: true }, where: { key: { equals: key } }, req }))?.data ?? null)
    : await payload.kv.get<Generation>(key)
  return stored?.token ?? 'none'
}

/**
 * Writes the first generation under `key` if there is none, so that changes only ever update the
 * row: two first inserts racing in two transactions would fail one of the changes.
 */
export const ensureGeneration = async (payload: Payload, key: string): Promise<void> => {
  if (await payload.kv.get(key)) return
  try {
    await payload.kv.set(key, next())
  } catch (error) {
    // Another instance starting at the same moment wrote it first.
    if (!(await payload.kv.get(key))) throw error
  }
}
