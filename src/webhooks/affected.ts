import type { Payload, Where } from 'payload'

import { noticeReachWhere } from '@wirehouse/payload-plugin-attribution'
import { createLocalReq } from 'payload'

import type { Id } from './events'

/** Whose articles an attribution change touches. */
export type Scope =
  /** The articles the notices with these rules reach now (the plugin's reach rule, as `GET …/:id/reach`). */
  | { kind: 'notices'; rules: { appliesTo?: unknown }[] }
  /** Every published article crediting the source, first or additional (public now or not: its rights decide that). */
  | { kind: 'source'; id: Id }
  /** Every published, public article (the publisher's name and logo are on all of them). */
  | { kind: 'all' }

const PUBLISHED: Where[] = [{ _status: { equals: 'published' } }, { deletedAt: { exists: false } }]

/**
 * The ids of the published articles an attribution change reaches, in id order. Read straight from
 * the database (ids only; the read hooks that attach attribution to each article would only slow it).
 */
export const affectedArticleIds = async (payload: Payload, scope: Scope): Promise<Id[]> => {
  const req = await createLocalReq({}, payload)
  let where: Where
  if (scope.kind === 'source') where = { or: [{ source: { equals: scope.id } }, { additionalSources: { in: [scope.id] } }] }
  else {
    const rules = scope.kind === 'notices' ? scope.rules : [{ appliesTo: { scope: 'all' } }]
    const reaches = (await Promise.all(rules.map((rule) => noticeReachWhere(req, rule as never)))).filter((w): w is Where => w !== null)
    if (!reaches.length) return []
    where = reaches.length === 1 ? reaches[0] : { or: reaches }
  }
  const { docs } = await payload.db.find<{ id: Id }>({
    collection: 'articles',
    where: { and: [...PUBLISHED, where] },
    select: { id: true },
    sort: 'id',
    pagination: false,
    limit: 0,
    req,
  })
  return [...new Set(docs.map((doc) => doc.id))]
}
