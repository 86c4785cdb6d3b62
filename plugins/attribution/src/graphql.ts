import type { CollectionConfig, Config, GraphQLExtension, PayloadRequest } from 'payload'

import { formatNames, toWords } from 'payload'

import type { ResolvedOptions, ReviewOptions } from './options.ts'
import type { Subject } from './review/subjects.ts'

import type { Wanted } from './resolve.ts'

import { REVIEW_ACTIONS, type ReviewAction } from './constants.ts'
import { lifecycleAct } from './endpoints/lifecycle.ts'
import { GRAPHQL_SELECTION } from './hooks/attribution.ts'
import { ATTRIBUTION_KEYS, FULL_NOTICE_KEYS, LEAN_NOTICE_KEYS } from './resolve.ts'
import { reviewAct } from './review/act.ts'

type Selection = { kind: string; name?: { value: string }; selectionSet?: { selections: readonly Selection[] } }
type Info = { operation: { selectionSet: { selections: readonly Selection[] } }; fragments: Record<string, { selectionSet: { selections: readonly Selection[] } }> }

/**
 * What the whole operation selects of `attribution`, wherever it appears (a list, a document,
 * populated relationships), through fragments; null when it selects none. Only that is computed.
 */
export const selectedAttribution = (info: Info): null | Wanted => {
  const keys = new Set<string>()
  const noticeKeys = new Set<string>()
  let found = false
  const seen = new Set<string>()
  const walk = (selections: readonly Selection[], within: 'attribution' | 'notices' | 'outside') => {
    for (const node of selections) {
      if (node.kind === 'FragmentSpread') {
        const name = node.name!.value
        if (!seen.has(`${within}:${name}`) && info.fragments[name]) {
          seen.add(`${within}:${name}`)
          walk(info.fragments[name].selectionSet.selections, within)
        }
      } else if (node.kind === 'InlineFragment') walk(node.selectionSet?.selections ?? [], within)
      else if (node.kind === 'Field') {
        const name = node.name!.value
        if (within === 'notices') noticeKeys.add(name)
        else if (within === 'attribution') {
          keys.add(name)
          if (name === 'notices') walk(node.selectionSet?.selections ?? [], 'notices')
        } else if (name === 'attribution' && node.selectionSet) {
          found = true
          walk(node.selectionSet.selections, 'attribution')
        } else walk(node.selectionSet?.selections ?? [], 'outside')
      }
    }
  }
  walk(info.operation.selectionSet.selections, 'outside')
  if (!found) return null
  const notices = FULL_NOTICE_KEYS.filter((key) => noticeKeys.has(key))
  return { keys: ATTRIBUTION_KEYS.filter((key) => keys.has(key)), noticeKeys: notices.length ? notices : LEAN_NOTICE_KEYS }
}

type QueryField = { args?: Record<string, unknown>; resolve: (...args: any[]) => unknown; type: unknown }

/** The names Payload gives a collection's find-by-id, find and count queries. */
const queryNames = (collection: CollectionConfig): string[] => {
  const graphQL = typeof collection.graphQL === 'object' ? collection.graphQL : {}
  const fromSlug = formatNames(collection.slug)
  const singular = graphQL.singularName ? toWords(graphQL.singularName, true) : fromSlug.singular
  const plural = graphQL.pluralName ? toWords(graphQL.pluralName, true) : fromSlug.plural
  const many = singular === plural ? `all${singular}` : plural
  return [singular, many, `count${many}`]
}

/**
 * Adds `attributionAt: String` (an ISO date) to the attributed collections' `Article`,
 * `Articles` and `countArticles` queries: the attribution as it was shown at that moment (and,
 * for readers of public stories only, the stories public then too), for the whole request.
 * They also note what the operation selects of `attribution`, so that only that is computed.
 */
export const attributionAtArgument = (config: Config, collections: CollectionConfig[]): GraphQLExtension => {
  const previous = config.graphQL?.queries
  return (GraphQL, context) => {
    const custom: Record<string, unknown> = { ...(previous?.(GraphQL, context) ?? {}) }
    const fields = context.Query.fields as Record<string, QueryField>
    for (const name of collections.flatMap(queryNames)) {
      const field = fields[name]
      if (!field) continue
      custom[name] = {
        ...field,
        args: {
          ...field.args,
          attributionAt: {
            type: GraphQL.GraphQLString,
            description: 'An ISO date: the attribution as it was shown then (or will be, for a future date).',
          },
        },
        resolve: (source: unknown, args: { attributionAt?: string }, ctx: { req: { context: Record<string, unknown> } }, info: Info) => {
          if (args.attributionAt) ctx.req.context.attributionAt = args.attributionAt
          if (!(GRAPHQL_SELECTION in ctx.req.context)) ctx.req.context[GRAPHQL_SELECTION] = selectedAttribution(info)
          return field.resolve(source, args, ctx, info)
        },
      }
    }
    return custom as ReturnType<GraphQLExtension>
  }
}

/**
 * `reviewLegalNotice(id, action, comment, unpublish)` and `reviewWireSource(…)`: the review
 * actions over GraphQL, with the rules, refusals and result of the REST endpoints.
 */
export const reviewMutations = (config: Config, review: Required<ReviewOptions>, subjects: Subject[]): GraphQLExtension => {
  const previous = config.graphQL?.mutations
  return (GraphQL, context) => {
    const custom: Record<string, unknown> = { ...(previous?.(GraphQL, context) ?? {}) }
    const action = new GraphQL.GraphQLEnumType({
      name: 'ReviewAction',
      values: Object.fromEntries(REVIEW_ACTIONS.map((value) => [value, { value }])),
    })
    for (const subject of subjects) {
      const type = context.collections[subject.slug]?.graphQL?.type
      if (!type) continue
      custom[`review${formatNames(subject.slug).singular}`] = {
        type,
        args: {
          id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
          action: { type: new GraphQL.GraphQLNonNull(action) },
          comment: { type: GraphQL.GraphQLString },
          unpublish: { type: GraphQL.GraphQLBoolean },
        },
        resolve: (_: unknown, args: { action: ReviewAction; comment?: null | string; id: string; unpublish?: boolean | null }, ctx: { req: PayloadRequest }) =>
          reviewAct(ctx.req, review, subject, String(args.id), args.action, {
            comment: args.comment ?? undefined,
            unpublish: args.unpublish ?? undefined,
          }),
      }
    }
    return custom as ReturnType<GraphQLExtension>
  }
}

/**
 * `withdrawArticle(id, reason, message)` and `restoreArticle(id)` (one pair per attributed
 * collection, named after it): the manual lifecycle actions over GraphQL, with the rules,
 * refusals and result (the document) of the REST endpoints.
 */
export const lifecycleMutations = (config: Config, options: ResolvedOptions): GraphQLExtension => {
  const previous = config.graphQL?.mutations
  return (GraphQL, context) => {
    const custom: Record<string, unknown> = { ...(previous?.(GraphQL, context) ?? {}) }
    for (const target of options.targets) {
      const type = context.collections[target.slug]?.graphQL?.type
      if (!type) continue
      const singular = formatNames(target.slug).singular
      custom[`withdraw${singular}`] = {
        type,
        args: {
          id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
          // A string, not an enum: a wrong reason gets the REST endpoint's words.
          reason: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString), description: 'manual | expired' },
          message: { type: GraphQL.GraphQLString },
        },
        resolve: async (_: unknown, args: { id: string; message?: null | string; reason: string }, ctx: { req: PayloadRequest }) =>
          (await lifecycleAct(ctx.req, options, target, args.id, 'withdraw', { reason: args.reason, ...(args.message != null && { message: args.message }) })).doc,
      }
      custom[`restore${singular}`] = {
        type,
        args: { id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
        resolve: async (_: unknown, args: { id: string }, ctx: { req: PayloadRequest }) =>
          (await lifecycleAct(ctx.req, options, target, args.id, 'restore', {})).doc,
      }
    }
    return custom as ReturnType<GraphQLExtension>
  }
}
