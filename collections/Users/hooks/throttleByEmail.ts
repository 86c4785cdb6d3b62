import { APIError, type CollectionBeforeOperationHook } from 'payload'

import type { LimitName } from '@/env'

import { accountKey, limiter, waitMessage } from '@/rateLimit/limiter'

const LIMITS: Partial<Record<string, { limit: LimitName; what: string }>> = {
  login: { limit: 'LOGIN_EMAIL', what: 'sign-in attempts for this account' },
  forgotPassword: { limit: 'FORGOT_PASSWORD_EMAIL', what: 'password reset requests for this account' },
}

/**
 * Per-account rate limits on sign-in and password resets over REST and GraphQL, keyed by the
 * email as Payload normalizes it (the per-address limits are in the express server). A 429 with
 * Retry-After; the Local API (scripts, seed) is not throttled.
 */
export const throttleByEmail: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const rule = LIMITS[operation]
  const email: unknown = (args as { data?: { email?: unknown } })?.data?.email
  if (!rule || req.payloadAPI === 'local' || typeof email !== 'string' || !email.trim()) return args
  const wait = await limiter(rule.limit).consume(accountKey(email))
  if (wait === null) return args
  req.responseHeaders = new Headers({ 'Retry-After': String(wait) })
  throw new APIError(waitMessage(rule.what, wait), 429, null, true)
}
