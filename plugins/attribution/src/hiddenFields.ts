import type { CollectionBeforeReadHook, PayloadRequest } from 'payload'

import type { Target } from './options.ts'

import { requestCache } from './caches.ts'

type Doc = Record<string, unknown> & { id?: unknown; updatedAt?: unknown }

/**
 * The attribution is everyone's, but it may depend on a field some readers may not see (the
 * wire's `wireRights`, for copy without a source): field access removes it after `beforeRead`,
 * so that hook keeps it for the request, per document version, at no database cost.
 */
const kept = (req: PayloadRequest) => requestCache(req, 'hidden', () => new Map<string, unknown>())

const keyOf = (target: Target, doc: Doc) => `${target.slug}:${String(doc.id)}@${String(doc.updatedAt)}`

export const keepHiddenFields =
  (target: Target): CollectionBeforeReadHook =>
  ({ doc, req }) => {
    const field = target.fields.wireRights
    if (field && (doc as Doc)[field] !== undefined) kept(req).set(keyOf(target, doc as Doc), (doc as Doc)[field])
    return doc
  }

/** The `wireRights` of `doc` as read before field access removed it; undefined when it was not read. */
export const readerHidden = (req: PayloadRequest, target: Target, doc: Doc): unknown => kept(req).get(keyOf(target, doc))
