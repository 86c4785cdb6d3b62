/** Shared pieces of the document: `$ref` helpers, the error shape, common responses and parameters. */
import type { Json } from './types'

export const schemaRef = (name: string): Json => ({ $ref: `#/components/schemas/${name}` })
export const responseRef = (name: string): Json => ({ $ref: `#/components/responses/${name}` })

/** A JSON answer of the given schema. */
export const jsonContent = (schema: Json, example?: unknown): Json => ({
  'application/json': { schema, ...(example !== undefined && { example }) },
})

export const jsonResponse = (description: string, schema: Json, example?: unknown): Json => ({ description, content: jsonContent(schema, example) })

/** `{ message }`, as Payload and the app answer an action. */
export const MESSAGE = { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] }

/** Payload's error shape, which every refusal of the app and the plugin uses too. */
export const ERROR_SCHEMA: Json = {
  type: 'object',
  description: 'Every refusal (4xx) and failure (5xx): Payload\'s own error shape.',
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          message: { type: 'string', description: 'What was wrong, for a person to read.' },
          name: { type: 'string' },
          data: { description: 'Details, when Payload gives them (the fields a validation refused).' },
        },
        required: ['message'],
      },
    },
  },
  required: ['errors'],
  example: { errors: [{ message: 'Not Found' }] },
}

const error = (description: string) => jsonResponse(description, schemaRef('Error'))

export const COMMON_RESPONSES: Json = {
  BadRequest: error('The request is malformed (a query, parameter or body the API refuses, named in the message).'),
  Unauthorized: error('Sign in first: a session cookie, `Authorization: JWT <token>` or an API key.'),
  Forbidden: error('Signed in, but not allowed to do this.'),
  NotFound: error('No such document (or not one the caller may read).'),
  TooManyRequests: error('Rate limited; `Retry-After` says when to try again.'),
  Error: error('An error, in Payload\'s error shape.'),
}

/** The refusals any operation may answer. */
export const refusals = (...codes: (400 | 401 | 403 | 404 | 429)[]): Json =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      responseRef({ 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 429: 'TooManyRequests' }[code]),
    ]),
  )

/** A path parameter. */
export const pathParameter = (name: string, description = `The document's id.`): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
})

export const queryParameter = (name: string, description: string, schema: Json = { type: 'string' }, extra: Json = {}): Json => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
  ...extra,
})
