import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import crypto from 'node:crypto'

/**
 * The generation of the public pages' cache, kept in Payload's KV store (the `payload-kv`
 * collection by default, so PostgreSQL when the app runs on it). Every change the pages show
 * writes a new one, and every page reads it first and keys its cached data by it: so a change
 * saved through one instance shows on the next page any instance renders, while each
 * instance's own cache still saves the reads between changes.
 */
export const GENERATION_KEY = 'wirehouse:site-generation'

type Generation = { changedAt: string; token: string }

const next = (): Generation => ({ changedAt: new Date().toISOString(), token: crypto.randomUUID() })

/** The KV collection's slug when the KV store is the database, else undefined (e.g. Redis). */
const kvCollection = (payload: Payload): CollectionSlug | undefined => {
  const { collectionSlug } = payload.kv as { collectionSlug?: unknown }
  return typeof collectionSlug === 'string' ? (collectionSlug as CollectionSlug) : undefined
}

/**
 * Writes a new generation. In the database it joins the change's own transaction (`req`): no
 * instance can see the new generation before the change itself, and cache data it read before the
 * commit under the new key. Without `req` (a notice coming into force at its time) on its own.
 */
export const bumpGeneration = async (payload: Payload, req?: PayloadRequest): Promise<void> => {
  const collection = kvCollection(payload)
  if (!collection) return payload.kv.set(GENERATION_KEY, next())
  await payload.db.upsert({
    collection,
    data: { key: GENERATION_KEY, data: next() },
    where: { key: { equals: GENERATION_KEY } },
    select: {},
    req,
  })
}

/** The current generation's token. */
export const currentGeneration = async (payload: Payload): Promise<string> =>
  (await payload.kv.get<Generation>(GENERATION_KEY))?.token ?? 'none'

/**
 * Writes the first generation if there is none, so that changes only ever update the row:
 * two first inserts racing in two transactions would fail one of the changes.
 */
export const ensureGeneration = async (payload: Payload): Promise<void> => {
  if (await payload.kv.get(GENERATION_KEY)) return
  try {
    await payload.kv.set(GENERATION_KEY, next())
  } catch (error) {
    // Another instance starting at the same moment wrote it first.
    if (!(await payload.kv.get(GENERATION_KEY))) throw error
  }
}
