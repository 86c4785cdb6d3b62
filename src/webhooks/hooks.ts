import type { CollectionAfterOperationHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook, TextFieldSingleValidation } from 'payload'

import { refuse } from '../hooks/refuse'
import { newSecret } from './sign'
import { checkTarget } from './ssrf'

const SECRET = 'webhooks:newSecret'

/** The secret is the server's to make: one sent by a client (create or update, any API) is a 403 naming the field. */
export const refuseClientSecret: CollectionBeforeOperationHook = ({ args, operation }) => {
  if ((operation === 'create' || operation === 'update' || operation === 'updateByID') && args.data && typeof args.data === 'object') {
    const secret = (args.data as { secret?: unknown }).secret
    if (secret !== undefined && secret !== null) throw refuse('secret: the server makes the webhook’s secret; do not send one')
  }
  return args
}

/** A new webhook gets a random secret, kept for the create response (`returnSecretOnce`). */
export const generateSecret: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const secret = newSecret()
  req.context[SECRET] = secret
  return { ...data, secret }
}

/** The create response (REST, GraphQL, Local API) carries the secret, the one time it is ever read. */
export const returnSecretOnce: CollectionAfterOperationHook = ({ operation, req, result }) => {
  if (operation !== 'create' || typeof req.context[SECRET] !== 'string') return result
  const secret = req.context[SECRET]
  delete req.context[SECRET]
  return { ...(result as object), secret } as typeof result
}

/** The target URL passes the SSRF guard (`src/webhooks/ssrf.ts`), else a 400 naming what is wrong. */
export const validateTarget: TextFieldSingleValidation = async (value) => {
  try {
    await checkTarget(value)
    return true
  } catch (error) {
    return (error as Error).message
  }
}
