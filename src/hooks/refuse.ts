import { APIError } from 'payload'

/** A 403 that says why (and what to do instead), for every API: REST, GraphQL and Local. */
export const refuse = (message: string) => new APIError(message, 403, undefined, true)
