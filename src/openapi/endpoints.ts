/**
 * The config endpoints of the API's description: `GET /api/openapi.json` (the generated
 * document) and `GET /api/docs` (Swagger UI on it). Both public: the document describes the
 * public contract only (paths, shapes, how to sign in), never data or secrets.
 */
import type { Endpoint, Payload } from 'payload'

import { problem } from '../api/problem'
import { documentFor } from './document'
import { DOCS_FILES } from './files'
import { jsonResponse, pathParameter, refusals } from './refs'
import { docsAsset, docsPage } from './swagger'

const bodies = new WeakMap<Payload, string>()
const documentBody = (payload: Payload) => {
  let body = bodies.get(payload)
  if (body === undefined) bodies.set(payload, (body = JSON.stringify(documentFor(payload).document)))
  return body
}

const html = { description: 'The page.', content: { 'text/html': { schema: { type: 'string' } } } }

export const openApiEndpoints: Endpoint[] = [
  {
    path: '/openapi.json',
    method: 'get',
    // Generated once per instance (~20 ms) and sent as the same bytes after: a request costs no work
    // (HEAD and If-None-Match are answered by the route's `cachedReads`). The query is ignored.
    handler: (req) => new Response(documentBody(req.payload), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' } }),
    custom: {
      openapi: {
        summary: 'This document',
        description: 'The OpenAPI 3.1 description of this API, generated from the running configuration.',
        tags: ['api'],
        security: [{}],
        responses: { 200: jsonResponse('The OpenAPI document.', { type: 'object', required: ['openapi', 'paths'] }) },
      },
    },
  },
  {
    path: '/docs',
    method: 'get',
    handler: (req) => docsPage(req.payload.config.routes.api),
    custom: {
      openapi: { summary: 'The API reference', description: 'Swagger UI on this document, to browse and try the API.', tags: ['api'], security: [{}], responses: { 200: html } },
    },
  },
  {
    path: '/docs/:file',
    method: 'get',
    handler: async (req) => {
      const name = String(req.routeParams?.file ?? '')
      return (
        (await docsAsset(req.payload.config.routes.api, name)) ??
        problem(404, `No file "${name.slice(0, 100)}" in the API reference: it serves ${[...DOCS_FILES.keys()].join(', ')}.`, { 'X-Content-Type-Options': 'nosniff' })
      )
    },
    custom: {
      openapi: {
        summary: "The API reference's files",
        description: 'Swagger UI\'s stylesheet and script (`swagger-ui.css`, `swagger-ui-bundle.js`), the page\'s initializer (`init.js`) and icon.',
        tags: ['api'],
        security: [{}],
        parameters: [pathParameter('file', 'The file: `swagger-ui.css`, `swagger-ui-bundle.js`, `init.js` or `favicon-32x32.png`.')],
        responses: {
          200: { description: 'The file.', content: { 'text/css': { schema: { type: 'string' } }, 'text/javascript': { schema: { type: 'string' } }, 'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } } } },
          ...refusals(404),
        },
      },
    },
  },
]
