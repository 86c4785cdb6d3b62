/** GraphQL's route (a Next route of its own, not a config endpoint), described when it is on. */
import type { SanitizedConfig } from 'payload'

import type { Json } from './types'

import { jsonContent, jsonResponse, refusals } from './refs'

export const graphqlPaths = (config: SanitizedConfig): Json => {
  if (config.graphQL.disable) return {}
  return {
    [config.routes.graphQL]: {
      post: {
        operationId: 'postGraphql',
        tags: ['api'],
        summary: 'GraphQL',
        description:
          'The same collections and access as REST, with the typed `attribution` object; depth, aliases and cost are limited (see docs/api.md#limits). The schema is `schema.graphql` in the repository.',
        requestBody: {
          required: true,
          content: jsonContent({ type: 'object', properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } }, required: ['query'] }, { query: '{ Articles(limit: 1) { docs { headline attribution { credit copyrightHolder } } } }' }),
        },
        responses: {
          200: jsonResponse('The result (GraphQL errors are in `errors`, with data or not).', { type: 'object', properties: { data: { type: ['object', 'null'] }, errors: { type: 'array', items: { type: 'object' } } } }),
          ...refusals(400),
        },
      },
    },
  }
}
