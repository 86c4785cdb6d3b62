import type {
  CollectionAfterChangeHook,
  CollectionSlug,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  FlattenedField,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { idOf, LIFECYCLE_CONTEXT, REVIEW_ACTIONS, REVIEW_CONTEXT, type ReviewAction } from '@wirehouse/payload-plugin-attribution'

import { refuse } from './refuse'

/**
 * The audit trail: one `audit-log` entry per change to an audited document (who, when, which
 * fields, old and new values), written with the Local API inside the change's own transaction.
 * Entries are final: the collection's guard refuses every update and delete, and every create
 * that does not come from here.
 */

export const AUDIT_LOG = 'audit-log' as const

/** Changes, and the review actions (submit, approve, reject) named as such. */
export const AUDIT_OPERATIONS = ['create', 'update', 'publish', 'unpublish', 'trash', 'restore', 'delete', ...REVIEW_ACTIONS, 'withdraw', 'reinstate'] as const
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number]

/** What is audited: the collections and the global that decide the legal text of an article, and articles' withdrawals. */
export const AUDITED = ['legal-notices', 'wire-sources', 'publisher', 'articles'] as const
export type Audited = (typeof AUDITED)[number]

export type Change = { field: string; from: unknown; to: unknown }

type Doc = Record<string, unknown>
type Fields = FlattenedField[]

/** Bookkeeping, not content. */
const SKIPPED = new Set(['id', 'createdAt', 'updatedAt'])


// ---------------------------------------------------------------------------------------------
// Which fields changed, and from what to what

/** A populated relationship (at any depth, inside rich text too) compares as its id. */
const depopulate = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(depopulate)
  if (!value || typeof value !== 'object') return value
  const out: Doc = {}
  for (const [key, inner] of Object.entries(value)) {
    out[key] = key === 'value' && 'relationTo' in value ? idOf(inner) : depopulate(inner)
  }
  return out
}

const relation = (value: unknown): unknown =>
  value && typeof value === 'object' && 'relationTo' in value
    ? { relationTo: (value as Doc).relationTo, value: idOf((value as Doc).value) }
    : idOf(value)

/** Fields without stored data of their own. */
const skip = (field: FlattenedField) =>
  !('name' in field) || field.type === 'join' || Boolean((field as { virtual?: unknown }).virtual)

const normalize = (field: FlattenedField, value: unknown): unknown => {
  // No value and an empty list are the same: nothing.
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return null
  switch (field.type) {
    case 'relationship':
    case 'upload':
      return Array.isArray(value) ? value.map(relation) : relation(value)
    case 'array':
      return Array.isArray(value)
        ? value.map((row) => ({ id: (row as Doc)?.id ?? null, ...plain(field.flattenedFields, row as Doc) }))
        : value
    default:
      return depopulate(value)
  }
}

/** A document's data fields, relationships as ids. */
const plain = (fields: Fields, doc: Doc | null | undefined): Doc => {
  const out: Doc = {}
  for (const field of fields) {
    if (skip(field)) continue
    const value = doc?.[field.name]
    out[field.name] =
      field.type === 'group' || field.type === 'tab' ? plain(field.flattenedFields, value as Doc) : normalize(field, value)
  }
  return out
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep the order keys were written in. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((key) => [key, (inner as Doc)[key]]),
        )
      : inner,
  )

/** The changed fields as dot paths (`appliesTo.scope`); rich text, arrays and lists compare whole. */
export const diff = (
  fields: Fields,
  before: Doc | null | undefined,
  after: Doc | null | undefined,
  only?: readonly string[],
): Change[] => {
  const changes: Change[] = []
  const walk = (fields: Fields, from: Doc, to: Doc, prefix: string) => {
    for (const field of fields) {
      if (skip(field)) continue
      if (!prefix && (SKIPPED.has(field.name) || (only && !only.includes(field.name)))) continue
      const path = `${prefix}${field.name}`
      if (field.type === 'group' || field.type === 'tab') {
        walk(field.flattenedFields, (from[field.name] ?? {}) as Doc, (to[field.name] ?? {}) as Doc, `${path}.`)
      } else if (stable(from[field.name]) !== stable(to[field.name])) {
        changes.push({ field: path, from: from[field.name], to: to[field.name] })
      }
    }
  }
  walk(fields, plain(fields, before), plain(fields, after), '')
  return changes
}

// ---------------------------------------------------------------------------------------------
// Writing entries

/** Requests with an audit entry being written right now: the only creates the guard lets through. */
const writing = new WeakMap<PayloadRequest, number>()

type Entry = { changes: Change[]; collection: Audited; doc: Doc; documentId: null | number | string; operation: AuditOperation }

/** A line to list entries by: `publish legal-notices 12 "Privacy statement"`. */
const summarize = ({ collection, doc, documentId, operation }: Entry) => {
  const name = doc?.title ?? doc?.name ?? doc?.code
  return [operation, collection, documentId, typeof name === 'string' ? `"${name}"` : null]
    .filter((part) => part !== null && part !== undefined)
    .join(' ')
    .slice(0, 300)
}

const record = async (req: PayloadRequest, entry: Entry) => {
  const { changes, collection, documentId, operation } = entry
  const user = req.user?.collection === 'users' ? (req.user as { email?: string; id: number | string }) : null
  writing.set(req, (writing.get(req) ?? 0) + 1)
  try {
    await req.payload.create({
      collection: AUDIT_LOG,
      data: {
        at: new Date().toISOString(),
        operation,
        collection,
        documentId: documentId === null ? null : String(documentId),
        user: (user?.id as number | undefined) ?? null,
        userEmail: user?.email ?? null,
        summary: summarize(entry),
        changes: changes as never,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
  } finally {
    const left = (writing.get(req) ?? 1) - 1
    if (left > 0) writing.set(req, left)
    else writing.delete(req)
  }
}

// ---------------------------------------------------------------------------------------------
// Hooks for audited collections and globals

type AuditOptions = {
  /** Top-level fields whose changes are recorded; every data field when left out. */
  fields?: readonly string[]
}

/** `_status` of the published document (not of its newest draft), as stored. */
const storedStatus = async (req: PayloadRequest, collection: CollectionSlug, id: unknown) =>
  ((await req.payload.db.findOne({ collection, req, where: { id: { equals: id } } })) as Doc | null)?._status

/** Per request: the stored status of each document about to be updated, in collections with drafts. */
const statusBefore = new WeakMap<PayloadRequest, Map<string, unknown>>()

const operationOf = async (req: PayloadRequest, slug: CollectionSlug, previousDoc: Doc, doc: Doc): Promise<AuditOperation> => {
  const action = req.context?.[REVIEW_CONTEXT] as ReviewAction | undefined
  if (action && REVIEW_ACTIONS.includes(action)) return action
  if (!previousDoc?.deletedAt && doc.deletedAt) return 'trash'
  if (previousDoc?.deletedAt && !doc.deletedAt) return 'restore'
  if (!('_status' in doc)) return 'update'
  if (doc._status === 'published') return 'publish'
  // A draft saved over a published text leaves it published; an unpublish does not.
  const before = statusBefore.get(req)?.get(`${slug}:${doc.id}`)
  if (before === 'published' && (await storedStatus(req, slug, doc.id)) !== 'published') return 'unpublish'
  return 'update'
}

/**
 * The hooks that audit a collection: `beforeChange` notes whether the document is published
 * (to tell an unpublish from a draft save), `afterChange` and `afterDelete` write the entry.
 */
export const auditCollection = (options: AuditOptions = {}) => {
  const beforeChange: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
    if (operation === 'update' && originalDoc?.id !== undefined && '_status' in originalDoc) {
      const seen = statusBefore.get(req) ?? new Map<string, unknown>()
      seen.set(`${collection.slug}:${originalDoc.id}`, await storedStatus(req, collection.slug, originalDoc.id))
      statusBefore.set(req, seen)
    }
    return data
  }

  const afterChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
    const changes = diff(collection.flattenedFields, operation === 'create' ? null : previousDoc, doc, options.fields)
    const op: AuditOperation = operation === 'create' ? 'create' : await operationOf(req, collection.slug, previousDoc, doc)
    statusBefore.get(req)?.delete(`${collection.slug}:${doc.id}`)
    if (op === 'update' && changes.length === 0) return doc
    await record(req, { changes, collection: collection.slug as Audited, doc, documentId: doc.id, operation: op })
    return doc
  }

  const afterDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
    const changes = diff(collection.flattenedFields, doc, null, options.fields)
    await record(req, { changes, collection: collection.slug as Audited, doc, documentId: id, operation: 'delete' })
    return doc
  }

  return { afterChange, afterDelete, beforeChange }
}

/**
 * Audits an article's withdrawals only (a kill, a compliance officer's withdrawal, an admin's
 * reinstatement), as the plugin's lifecycle actions name them; other article edits are versions.
 */
export const auditWithdrawals = (field = 'withdrawn'): CollectionAfterChangeHook => async ({ collection, doc, previousDoc, req }) => {
  const action = req.context?.[LIFECYCLE_CONTEXT]
  if (action !== 'withdraw' && action !== 'restore') return doc
  const changes = diff(collection.flattenedFields, previousDoc, doc, [field])
  if (changes.length === 0) return doc
  const operation: AuditOperation = action === 'withdraw' ? 'withdraw' : 'reinstate'
  await record(req, { changes, collection: collection.slug as Audited, doc, documentId: doc.id, operation })
  return doc
}

/** Audits a global: one `update` entry per save that changed something. */
export const auditGlobal = (): GlobalAfterChangeHook => async ({ doc, global, previousDoc, req }) => {
  const changes = diff(global.flattenedFields, previousDoc, doc)
  if (changes.length > 0) {
    await record(req, { changes, collection: global.slug as Audited, doc, documentId: null, operation: 'update' })
  }
  return doc
}

// ---------------------------------------------------------------------------------------------
// The audit log's own guard

/** Entries are final, whoever asks and however: overriding access does not get past these. */
export const auditEntriesAreFinal = {
  beforeChange: (({ data, operation, req }) => {
    if (operation === 'update') throw refuse('Audit log entries are final: they cannot be changed.')
    if (!writing.get(req)) {
      throw refuse('Audit log entries are written only by the system, when an audited document changes.')
    }
    return data
  }) satisfies CollectionBeforeChangeHook,
  beforeDelete: (() => {
    throw refuse('Audit log entries are final: they cannot be deleted.')
  }) satisfies CollectionBeforeDeleteHook,
}
