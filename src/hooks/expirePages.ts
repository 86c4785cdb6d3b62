import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, GlobalAfterChangeHook, PayloadRequest } from 'payload'

import { afterCommit } from '../pageCache/afterCommit'
import { invalidatePageTags } from '../pageCache/invalidate'
import { lookAgainSoon } from '../pageCache/scheduler'
import { publisherChangeTags } from '../pageCache/vocabulary'
import { bumpGeneration } from '../site/generation'

type Doc = { id: number | string } & Record<string, unknown>

/** The tags a change expires, from the document as readers saw it before and after (null: they saw none). */
type Rule = (before: Doc | null, after: Doc | null) => string[]

/**
 * Expires `tags` once the change is committed: a new generation of the pages' data (in the
 * change's transaction, `src/site/generation.ts`), then the cached pages carrying any of the tags,
 * on every instance. The changes of one transaction are expired together, once. Then the
 * scheduler looks again (`src/pageCache/scheduler.ts`): the change may move the next embargo
 * lifting, usage window ending or notice coming into force.
 */
export const expireAfterCommit = async (req: PayloadRequest, tags: string[]): Promise<void> => {
  if (!tags.length) return
  const name = `pageCache:expire:${(await req.transactionID) ?? 'now'}`
  const pending = req.context[name] as Set<string> | undefined
  if (pending) {
    for (const tag of tags) pending.add(tag)
    return
  }
  const collected = new Set(tags)
  req.context[name] = collected
  await bumpGeneration(req.payload, req)
  await afterCommit(req, async () => {
    delete req.context[name]
    await invalidatePageTags(req.payload, [...collected])
    lookAgainSoon()
  })
}

/** Readers see a document of a collection with drafts or a trash when it is published and not trashed. */
const seenByReaders = (doc: Doc | null | undefined): Doc | null =>
  doc && !doc.deletedAt && (doc._status ?? 'published') === 'published' ? doc : null

const stashKey = (slug: string, id: unknown) => `pageCache:before:${slug}:${String(id)}`

/**
 * Hooks expiring the pages a change of the collection shows on, by `rule` (`src/pageCache/vocabulary.ts`).
 * With `published` (collections with drafts or a trash), readers see the published, untrashed
 * document: the main row, which a new draft leaves as it is. When the latest version is a draft,
 * the main row before the change is read before it is written over.
 */
/** Told of every change readers see, with the document as they saw it before and after (the webhooks' events). */
type Then = (req: PayloadRequest, before: Doc | null, after: Doc | null) => Promise<void>

export const expirePages = (rule: Rule, { published = false, then }: { published?: boolean; then?: Then } = {}) => {
  const beforeChange: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
    if (published && operation === 'update' && originalDoc && originalDoc._status !== 'published') {
      const row = await req.payload.db.findOne<Doc>({ collection: collection.slug, where: { id: { equals: originalDoc.id } }, req })
      req.context[stashKey(collection.slug, originalDoc.id)] = row
    }
    return data
  }

  const afterChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
    if (!published) {
      const before = operation === 'create' ? null : previousDoc
      await expireAfterCommit(req, rule(before, doc))
      await then?.(req, before, doc)
      return doc
    }
    const key = stashKey(collection.slug, doc.id)
    const stashed = req.context[key] as Doc | null | undefined
    delete req.context[key]
    const before = operation === 'create' ? null : seenByReaders(previousDoc?._status === 'published' ? previousDoc : stashed)
    let after = seenByReaders(doc)
    if (!after && doc._status === 'draft' && !doc.deletedAt) {
      if (!before) return doc
      // A draft saved over the published version leaves the main row (what readers see) as it was.
      const row = await req.payload.db.findOne<Doc>({ collection: collection.slug, where: { id: { equals: doc.id } }, req })
      if (seenByReaders(row)) return doc
      after = null
    }
    await expireAfterCommit(req, rule(before, after))
    if (before || after) await then?.(req, before, after)
    return doc
  }

  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    const before = published ? seenByReaders(doc) : doc
    await expireAfterCommit(req, rule(before, null))
    if (before) await then?.(req, before, null)
    return doc
  }

  return { beforeChange, afterChange, afterDelete }
}

/** The publisher global: every page naming it. */
export const expirePublisherPages = (): GlobalAfterChangeHook => async ({ doc, req }) => {
  await expireAfterCommit(req, publisherChangeTags())
  return doc
}
