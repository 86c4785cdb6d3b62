import type { Access, Where } from 'payload'

import type { ResolvedOptions, Target } from '../options.ts'
import type { SourceInput } from '../types.ts'

import { requestedMoment } from '../hooks/attribution.ts'
import { currentSnapshot } from '../load.ts'
import { availableWhere } from './rule.ts'

/**
 * Moments to the second: a query's text and parameters stay the same for a second, so the app's
 * count cache (and any cache keyed by the query) can reuse its answer; an embargo lifts, a window
 * ends, within a second of its moment.
 */
const toTheSecond = (moment: Date): Date => new Date(Math.floor(moment.getTime() / 1000) * 1000)

/**
 * The collection's read access, narrowed for readers it admits only in part (a `Where`, as the
 * published-only access of anonymous readers): they read the stories public now, and at the
 * moment they travel to (`?attributionAt=` narrows, never widens). Part of the query: the sources'
 * usage terms come from the rules' cache, so no read gets a statement more. Whoever the
 * collection admits wholly (`true`) reads every state, with `availability` saying which.
 */
export const availableToReaders =
  (read: Access | undefined, options: ResolvedOptions, target: Target): Access =>
  async (args) => {
    const { req } = args
    // A malformed moment is a 400 for every reader, counts included (the only read that attaches nothing).
    const at = requestedMoment(req)
    const admitted = read ? await read(args) : Boolean(req.user)
    if (typeof admitted === 'boolean') return admitted
    const sources = [...(await currentSnapshot(req, options)).sources.values()] as unknown as SourceInput[]
    const moments = [new Date(), ...(at ? [at] : [])].map(toTheSecond)
    return { and: [admitted, ...moments.map((moment): Where => availableWhere(target, sources, moment))] }
  }
