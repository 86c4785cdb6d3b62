/** GraphQL's route (a Next route of its own, not a config endpoint), described when it is on. */
import type { SanitizedConfig } from 'payload'

import type { Json } from './types'

import { jsonContent, jsonResponse, refusals } from './refs'

const RESULT = { type: 'object', properties: { data: { type: ['object', 'null'] }, errors: { type: 'array', items: { type: 'object' } } } }
const QUERY_EXAMPLE = '{ Articles(limit: 1) { docs { headline attribution { credit copyrightHolder } } } }'

export const graphqlPaths = (config: SanitizedConfig): Json => {
  if (config.graphQL.disable) return {}
  return {
    [config.routes.graphQL]: {
      get: {
        operationId: 'getGraphql',
        tags: ['api'],
        summary: 'GraphQL over GET',
        description: 'A query (never a mutation) in the URL: the cacheable form, with ETags like the REST reads (docs/api.md#graphql-over-get). At most 8 KB of query string; longer ones go as a POST.',
        security: [{}, { cookie: [] }, { jwt: [] }, { apiKey: [] }],
        parameters: [
          { name: 'query', in: 'query', required: true, schema: { type: 'string' }, example: QUERY_EXAMPLE },
          { name: 'variables', in: 'query', required: false, description: 'A JSON object.', schema: { type: 'string' } },
          { name: 'operationName', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: { 200: jsonResponse('The result.', RESULT), 304: { description: 'Not modified (If-None-Match).' }, ...refusals(400), 405: { $ref: '#/components/responses/Error' }, 414: { $ref: '#/components/responses/Error' } },
      },
      post: {
        operationId: 'postGraphql',
        tags: ['api'],
        summary: 'GraphQL',
        description:
          'The same collections and access as REST, with the typed `attribution` object; depth, aliases and cost are limited (see docs/api.md#limits). The schema is `schema.graphql` in the repository.',
        requestBody: {
          required: true,
          content: jsonContent({ type: 'object', properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } }, required: ['query'] }, { query: QUERY_EXAMPLE }),
        },
        responses: {
          200: jsonResponse('The result (GraphQL errors are in `errors`, with data or not).', RESULT),
          ...refusals(400),
        },
      },
    },
  }
}
