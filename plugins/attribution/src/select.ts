import type { SelectType } from 'payload'

import { getSelectMode } from 'payload/shared'

/** What a read's `select` asks of `attribution`, and which fields we added to compute it. */
export type SelectPlan = {
  wanted: boolean
  /** Subfields of `attribution` asked for, or all when undefined. */
  only?: string[]
  /** Fields the caller did not ask for but the resolver needs; removed again before returning. */
  added: string[]
}

export const FIELD = 'attribution'

const ALL: SelectPlan = { wanted: true, added: [] }

/**
 * A `select` that also reads the fields attribution needs, when attribution is asked for:
 * a virtual field sees only what was selected.
 */
export const widenSelect = (select: SelectType, needs: string[]): { plan: SelectPlan; select: SelectType | undefined } => {
  const widened: SelectType = { ...select }
  const own = select[FIELD]
  let plan: SelectPlan
  if (getSelectMode(select) === 'include') {
    plan = { wanted: Boolean(own), added: [] }
    if (own && typeof own === 'object') plan.only = Object.keys(own).filter((key) => (own as SelectType)[key])
    if (plan.wanted) {
      for (const name of needs) {
        if (select[name] === undefined) {
          widened[name] = true
          plan.added.push(name)
        }
      }
    }
  } else {
    plan = { wanted: own !== false, added: [] }
    if (plan.wanted) {
      for (const name of needs) {
        if (select[name] === false) {
          delete widened[name]
          plan.added.push(name)
        }
      }
    }
  }
  // An exclusion list emptied by widening means everything: an empty select would mean nothing.
  return { plan, select: Object.keys(widened).length ? widened : undefined }
}

/** What a select nobody widened asks of `attribution` (everything, when there is no select). */
export const selectPlan = (select: SelectType | undefined): SelectPlan => {
  if (!select || Object.keys(select).length === 0) return ALL
  const include = getSelectMode(select) === 'include'
  return { wanted: include ? Boolean(select[FIELD]) : select[FIELD] !== false, added: [] }
}
