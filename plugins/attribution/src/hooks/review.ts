import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import type { ReviewOptions } from '../options.ts'

import { RIGHTS_FIELDS } from '../constants.ts'
import { translate } from '../translations/translate.ts'
import { changes, contentFields, fingerprint, same } from '../utilities/content.ts'
import { refuse } from '../utilities/refuse.ts'

type Doc = Record<string, any>
type How = { draft: boolean; overrideAccess: boolean }

/** Per request and collection: how the write under way was asked for (hooks further on are not told). */
const asked = new WeakMap<PayloadRequest, Map<string, How>>()

/** Notes whether a create, update or version restore saves a draft and whether it overrides access. */
export const rememberOperation: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation === 'create' || operation === 'update' || operation === 'restoreVersion') {
    const seen = asked.get(req) ?? new Map<string, How>()
    seen.set(collection.slug, { draft: Boolean(args.draft), overrideAccess: args.overrideAccess === true })
    asked.set(req, seen)
  }
  return args
}

/**
 * Writes that override access (the system, the review actions) are trusted, as Payload trusts
 * them; a write that did not pass `beforeOperation` is trusted only without a user.
 */
const how = (req: PayloadRequest, slug: string): How => asked.get(req)?.get(slug) ?? { draft: false, overrideAccess: !req.user }

/** The review of a text that changed since it was submitted or decided: a draft again. */
const reopened = (review: Doc) => ({
  ...review,
  state: 'draft',
  submittedBy: null,
  submittedAt: null,
  unpublish: false,
  fingerprint: null,
  reviewedBy: null,
  reviewedAt: null,
  bypass: false,
})

/**
 * Saves of a notice outside the review actions. Readers see only what a second reviewer approved
 * (`POST …/review/approve`), so a user may not publish (a new text, or a change over the published
 * one), nor unpublish a published notice (a save that makes it a draft again, not in a draft):
 * they submit for review. Whom `bypass` admits may, recorded as approved alone. Trash and restore
 * are not publishing. A change to the text after submission voids it: a draft again.
 */
export const reviewNoticeChange =
  ({ bypass }: Required<ReviewOptions>): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    const { draft, overrideAccess } = how(req, collection.slug)
    if (overrideAccess || !req.user) return data
    const latest: Doc = operation === 'update' ? (originalDoc ?? {}) : {}
    const fields = contentFields(collection.flattenedFields)
    const changed = operation === 'create' || changes(fields, data, latest)
    const status = data._status ?? latest._status ?? 'draft'
    const publishes = status === 'published' && (operation === 'create' || latest._status !== 'published' || changed)
    const live = operation === 'update' && !draft && status !== 'published' && !data.deletedAt && !latest.deletedAt
      ? ((await req.payload.db.findOne({ collection: collection.slug, req, where: { id: { equals: latest.id } } })) as Doc | null)
      : null
    const unpublishes = live?._status === 'published' && !live.deletedAt
    const review: Doc = latest.review ?? {}

    if (publishes || unpublishes) {
      if (!(await bypass({ req }))) throw refuse(translate(req.t, unpublishes ? 'error-unpublishThroughReview' : 'error-submitFirst'))
      const now = new Date().toISOString()
      data.review = {
        state: 'approved',
        submittedBy: req.user.id,
        submittedAt: now,
        unpublish: unpublishes,
        fingerprint: fingerprint(fields, { ...latest, ...data }),
        reviewedBy: req.user.id,
        reviewedAt: now,
        bypass: true,
        comment: null,
      }
    } else if (changed && (review.state ?? 'draft') !== 'draft') {
      data.review = reopened(review)
    }
    return data
  }

/**
 * Saves of a source outside the review actions: its rights (`kind`, `license`, `copyrightHolder`)
 * change only through a proposal that another reviewer approves, or directly for whom `bypass`
 * admits; a new source is created with its rights. Editing a submitted or decided proposal makes
 * it a draft again, to be submitted anew.
 */
export const reviewRightsChange =
  ({ bypass }: Required<ReviewOptions>): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (operation !== 'update' || how(req, collection.slug).overrideAccess || !req.user) return data
    if (RIGHTS_FIELDS.some((field) => field in data && !same(data[field], originalDoc?.[field])) && !(await bypass({ req }))) {
      throw refuse(translate(req.t, 'error-rightsThroughReview'))
    }
    const before: Doc = originalDoc?.rightsProposal ?? {}
    const proposal: Doc = data.rightsProposal ?? {}
    const edited = RIGHTS_FIELDS.some((field) => field in proposal && !same(proposal[field], before[field]))
    if (edited) {
      data.rightsProposal = {
        ...before,
        ...proposal,
        state: 'draft',
        proposedBy: null,
        proposedAt: null,
        fingerprint: null,
        reviewedBy: null,
        reviewedAt: null,
      }
    }
    return data
  }
