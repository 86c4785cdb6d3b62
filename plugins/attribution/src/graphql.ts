import type { CollectionConfig, Config, GraphQLExtension } from 'payload'

import { formatNames, toWords } from 'payload'

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
