/**
 * The endpoints' own description, as OpenAPI 3.1 operations under each endpoint's
 * `custom.openapi`, for a host that generates its API's document from the config (Wirehouse's
 * `GET /api/openapi.json`). Refs point at `#/components/schemas/<slug>` (the host's collections),
 * `#/components/schemas/Attribution`, `AttributionFull` and `Error`, and
 * `#/components/responses/<BadRequest | Unauthorized | Forbidden | NotFound | TooManyRequests | Error>`.
 */
type Json = Record<string, any>

export const schema = (name: string): Json => ({ $ref: `#/components/schemas/${name}` })

export const ok = (description: string, body: Json, example?: unknown): Json => ({
  description,
  content: { 'application/json': { schema: body, ...(example !== undefined && { example }) } },
})

const RESPONSES = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Error', 406: 'Error', 429: 'TooManyRequests' } as const

/** The refusals an operation answers, each in Payload's error shape. */
export const refusals = (...codes: (keyof typeof RESPONSES)[]): Json =>
  Object.fromEntries(codes.map((code) => [String(code), { $ref: `#/components/responses/${RESPONSES[code]}` }]))

export const idParameter = (description = "The document's id."): Json => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' } })

export const query = (name: string, description: string, type: Json = { type: 'string' }): Json => ({ name, in: 'query', required: false, description, schema: type })

export const jsonBody = (body: Json, required = false, example?: unknown): Json => ({
  required,
  content: { 'application/json': { schema: body, ...(example !== undefined && { example }) } },
})

/** A `{ id, email }` of who acted, as the review and lifecycle answers name people. */
export const PERSON: Json = { type: ['object', 'null'], properties: { id: { type: ['string', 'number'] }, email: { type: ['string', 'null'] } } }
