import type { CollectionAfterOperationHook, SelectType } from 'payload'

import { getSelectMode } from 'payload/shared'

import type { ResolvedOptions, Target } from '../options.ts'
import type { SourceInput } from '../types.ts'

import { availabilityAt, type LifecycleInput } from '../lifecycle/rule.ts'
import { currentSnapshot } from '../load.ts'
import { idOf } from '../utilities/idOf.ts'
import { requestedMoment } from './attribution.ts'

export const AVAILABILITY = 'availability'

const DOC_OPERATIONS = new Set(['create', 'findByID', 'updateByID'])
const LIST_OPERATIONS = new Set(['find', 'update'])

/** The stored fields `availability` is computed from, under the collection's names. */
const inputOf = (target: Target, doc: Record<string, any>): LifecycleInput | null => {
  const { fields } = target
  const needed = [fields.embargoUntil, fields.withdrawn, fields.source, fields.dateline, fields.publishedAt].filter(Boolean) as string[]
  // A `select` that left them out: no availability rather than a wrong one.
  if (needed.some((name) => !(name in doc))) return null
  return {
    embargoUntil: doc[fields.embargoUntil],
    withdrawn: doc[fields.withdrawn],
    dateline: fields.dateline ? doc[fields.dateline] : undefined,
    publishedAt: fields.publishedAt ? doc[fields.publishedAt] : undefined,
  }
}

/**
 * Attaches `availability` to every document an operation returns: where the story stands for
 * readers at the requested moment (now by default), from the sources in the rules' cache.
 */
export const attachAvailability =
  (options: ResolvedOptions, target: Target): CollectionAfterOperationHook =>
  async ({ args, operation, req, result }) => {
    const { select } = args as { select?: SelectType }
    if (select && Object.keys(select).length && (getSelectMode(select) === 'include' ? !select[AVAILABILITY] : select[AVAILABILITY] === false)) return result
    const docs = (
      LIST_OPERATIONS.has(operation) ? (result as { docs?: unknown[] }).docs : DOC_OPERATIONS.has(operation) ? [result] : undefined
    )?.filter(Boolean) as Record<string, any>[] | undefined
    if (!docs?.length) return result
    const at = requestedMoment(req) ?? new Date()
    const { sources } = await currentSnapshot(req, options)
    for (const doc of docs) {
      const input = inputOf(target, doc)
      if (!input) continue
      const id = idOf(doc[target.fields.source])
      const source = id === null ? null : (sources.get(String(id)) as unknown as SourceInput | undefined)
      doc[AVAILABILITY] = availabilityAt(input, source, at)
    }
    return result
  }
