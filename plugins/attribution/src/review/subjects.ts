import type { CollectionSlug, FlattenedField, PayloadRequest } from 'payload'

import type { ReviewAction } from '../constants.ts'
import type { TranslationKey } from '../translations/translate.ts'

import { RIGHTS_FIELDS } from '../constants.ts'
import { contentFields, fingerprint, same } from '../utilities/content.ts'
import { sameId } from '../utilities/idOf.ts'

export type Doc = Record<string, any>

/** What a submission asks besides the change itself. */
export type Submission = { unpublish: boolean }

/** What goes under review, and how the review actions read and write it. */
export type Subject = {
  slug: CollectionSlug
  /** The group the review lives in, and its names for who submitted and when. */
  group: 'review' | 'rightsProposal'
  by: 'proposedBy' | 'submittedBy'
  at: 'proposedAt' | 'submittedAt'
  /** The change as it stands, as the user may read it; null when there is none. */
  load: (req: PayloadRequest, id: string) => Promise<Doc | null>
  /** Why there is nothing to submit (a 409), or null. */
  nothingToSubmit: (req: PayloadRequest, doc: Doc, submission: Submission) => Promise<null | TranslationKey>
  /** What identifies the change under review. */
  fingerprint: (req: PayloadRequest, doc: Doc) => string
  /** Writes the review the action leads to, and what it applies. */
  write: (req: PayloadRequest, id: string, action: ReviewAction, review: Doc, doc: Doc) => Promise<Doc>
}

const fieldsOf = (req: PayloadRequest, slug: CollectionSlug): FlattenedField[] => req.payload.collections[slug].config.flattenedFields

/** Null for an id the database cannot even look up, as for one that is not there. */
const loadOr404 = async (req: PayloadRequest, slug: CollectionSlug, id: string, draft: boolean): Promise<Doc | null> => {
  try {
    const doc = await req.payload.findByID({ collection: slug, id, depth: 0, draft, disableErrors: true, overrideAccess: false, user: req.user, req })
    return (doc as Doc | null) ?? null
  } catch {
    return null
  }
}

const write = (req: PayloadRequest, slug: CollectionSlug, id: string, data: Doc, draft = false) =>
  req.payload.update({ collection: slug, id, data, draft, depth: 0, overrideAccess: true, req }) as Promise<Doc>

/**
 * A notice under review is its latest version. Submitting saves the review on it as a draft;
 * approving publishes exactly that version (or, for an unpublish request, takes the notice down);
 * rejecting keeps it a draft.
 */
export const noticeSubject = (slug: CollectionSlug): Subject => ({
  slug,
  group: 'review',
  by: 'submittedBy',
  at: 'submittedAt',
  load: (req, id) => loadOr404(req, slug, id, true),
  nothingToSubmit: async (req, doc, { unpublish }) => {
    if (!unpublish) return doc._status === 'published' ? 'error-nothingToSubmit' : null
    const live = (await req.payload.db.findOne({ collection: slug, req, where: { id: { equals: doc.id } } })) as Doc | null
    return live?._status === 'published' ? null : 'error-notPublished'
  },
  fingerprint: (req, doc) => fingerprint(contentFields(fieldsOf(req, slug)), doc),
  write: (req, id, action, review) => {
    if (action !== 'approve') return write(req, slug, id, { review }, true)
    const alone = sameId(review.submittedBy, review.reviewedBy)
    return write(req, slug, id, { _status: review.unpublish ? 'draft' : 'published', review: { ...review, bypass: alone } })
  },
})

/** Nothing proposed: no value, or a group (`usage`) with none in it. */
const unset = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(unset))

/**
 * Proposed usage terms over the source's own: an empty field keeps its value, `maxAgeDays` 0
 * removes the limit (a proposal that changes only the note keeps the window).
 */
const proposedUsage = (proposal: Doc, current: Doc | null | undefined): Doc => {
  const merged: Doc = { ...current }
  for (const [name, value] of Object.entries(proposal)) if (!unset(value)) merged[name] = value
  if (merged.maxAgeDays === 0) merged.maxAgeDays = null
  return merged
}

/** The proposed rights that differ from the source's own. */
const proposed = (doc: Doc): Doc =>
  Object.fromEntries(
    RIGHTS_FIELDS.flatMap((field) => {
      const raw = doc.rightsProposal?.[field]
      if (unset(raw)) return []
      const value = field === 'usage' ? proposedUsage(raw, doc.usage) : raw
      return same(value, doc[field]) ? [] : [[field, value]]
    }),
  )

/** A proposal's field emptied once applied (a group keeps its shape). */
const cleared = (field: (typeof RIGHTS_FIELDS)[number]) => (field === 'usage' ? { maxAgeDays: null, archive: null, note: null } : null)

/**
 * A source's rights under review are its `rightsProposal`: approving applies the proposed values
 * and clears them; rejecting keeps them for another try.
 */
export const rightsSubject = (slug: CollectionSlug): Subject => ({
  slug,
  group: 'rightsProposal',
  by: 'proposedBy',
  at: 'proposedAt',
  load: (req, id) => loadOr404(req, slug, id, false),
  nothingToSubmit: async (_req, doc) => (Object.keys(proposed(doc)).length ? null : 'error-nothingToSubmit'),
  fingerprint: (_req, doc) => fingerprint(RIGHTS_FIELDS.map((name) => ({ name, type: 'text' }) as FlattenedField), doc.rightsProposal ?? {}),
  write: (req, id, action, review, doc) => {
    if (action !== 'approve') return write(req, slug, id, { rightsProposal: review })
    const empty = Object.fromEntries(RIGHTS_FIELDS.map((field) => [field, cleared(field)]))
    return write(req, slug, id, { ...proposed(doc), rightsProposal: { ...review, ...empty } })
  },
})
