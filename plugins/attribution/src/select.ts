import type { SelectType } from 'payload'

import { getSelectMode } from 'payload/shared'

import type { Wanted } from './resolve.ts'

import { ATTRIBUTION_KEYS, FULL_NOTICE_KEYS, LEAN_NOTICE_KEYS } from './resolve.ts'

/** What a read's `select` asks of `attribution`, and which fields we added to compute it. */
export type SelectPlan = {
  wanted: boolean
  /** Fields the caller did not ask for but the resolver needs; removed again before returning. */
  added: string[]
}

export const FIELD = 'attribution'

/** The default answer: everything, each notice as `{ id, kind, title }`; `full` adds each notice's text and HTML. */
export const defaultWanted = (full: boolean): Wanted => ({ keys: ATTRIBUTION_KEYS, noticeKeys: full ? FULL_NOTICE_KEYS : LEAN_NOTICE_KEYS })

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

/**
 * What a `select` asks of `attribution` (Payload's select syntax, down to the notices' fields:
 * `select[attribution][notices][text]=true`), from `base` when it says nothing more precise;
 * null when it leaves `attribution` out.
 */
export const wantedBy = (select: SelectType | undefined, base: Wanted): null | Wanted => {
  if (!select || Object.keys(select).length === 0) return base
  const own = select[FIELD]
  if (getSelectMode(select) === 'include') {
    if (!own) return null
    if (!isObject(own)) return base
    const notices = own.notices
    return {
      keys: ATTRIBUTION_KEYS.filter((key) => own[key]),
      noticeKeys: isObject(notices) ? FULL_NOTICE_KEYS.filter((key) => notices[key]) : base.noticeKeys,
    }
  }
  if (own === false) return null
  if (!isObject(own)) return base
  const notices = own.notices
  return {
    keys: base.keys.filter((key) => own[key] !== false),
    noticeKeys: isObject(notices) ? base.noticeKeys.filter((key) => notices[key] !== false) : base.noticeKeys,
  }
}

/**
 * A `select` that also reads the fields attribution needs, when attribution is asked for:
 * a virtual field sees only what was selected.
 */
export const widenSelect = (select: SelectType, needs: string[]): { plan: SelectPlan; select: SelectType | undefined } => {
  const widened: SelectType = { ...select }
  const include = getSelectMode(select) === 'include'
  const plan: SelectPlan = { wanted: include ? Boolean(select[FIELD]) : select[FIELD] !== false, added: [] }
  if (plan.wanted) {
    for (const name of needs) {
      if (include && select[name] === undefined) {
        widened[name] = true
        plan.added.push(name)
      } else if (!include && select[name] === false) {
        delete widened[name]
        plan.added.push(name)
      }
    }
  }
  // An exclusion list emptied by widening means everything: an empty select would mean nothing.
  return { plan, select: Object.keys(widened).length ? widened : undefined }
}
