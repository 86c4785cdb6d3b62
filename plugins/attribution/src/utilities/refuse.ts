import { APIError } from 'payload'

/** A 403 that says why (and what to do instead), the same over REST, GraphQL and the Local API. */
export const refuse = (message: string) => new APIError(message, 403, undefined, true)
