import type { CollectionConfig, Config, GraphQLExtension, PayloadRequest } from 'payload'

import { formatNames, toWords } from 'payload'

import type { ReviewOptions } from './options.ts'
import type { Subject } from './review/subjects.ts'

import { REVIEW_ACTIONS, type ReviewAction } from './constants.ts'
import { reviewAct } from './review/act.ts'

type QueryField = { args?: Record<string, unknown>; resolve: (...args: any[]) => unknown; type: unknown }

/** The names Payload gives a collection's find-by-id and find queries. */
const queryNames = (collection: CollectionConfig): string[] => {
  const graphQL = typeof collection.graphQL === 'object' ? collection.graphQL : {}
  const fromSlug = formatNames(collection.slug)
  const singular = graphQL.singularName ? toWords(graphQL.singularName, true) : fromSlug.singular
  const plural = graphQL.pluralName ? toWords(graphQL.pluralName, true) : fromSlug.plural
  return [singular, singular === plural ? `all${singular}` : plural]
}

/**
 * Adds `attributionAt: String` (an ISO date) to the attributed collections' `Article` and
 * `Articles` queries: the attribution as it was shown at that moment, for the whole request.
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
        resolve: (source: unknown, args: { attributionAt?: string }, ctx: { req: { context: Record<string, unknown> } }, info: unknown) => {
          if (args.attributionAt) ctx.req.context.attributionAt = args.attributionAt
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
