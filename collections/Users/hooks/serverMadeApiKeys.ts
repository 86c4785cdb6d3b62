import type { CollectionBeforeOperationHook } from 'payload'

import { refuse } from '@/hooks/refuse'

import { SERVER_MADE_KEY } from '../apiKey'

/**
 * API keys are made by the server (`POST /api/users/:id/api-key`), never typed in: a key a person
 * chose can be guessed. Clearing a key is allowed. Holds for every API, the Local API included.
 */
export const serverMadeApiKeys: CollectionBeforeOperationHook = ({ args, context, operation }) => {
  if ((operation !== 'create' && operation !== 'update') || context?.[SERVER_MADE_KEY]) return args
  const data = (args as { data?: Record<string, unknown> }).data
  for (const field of ['apiKey', 'apiKeyIndex']) {
    if (data?.[field]) throw refuse(`"${field}" is set by the server: generate a key with POST /api/users/:id/api-key.`)
  }
  return args
}
