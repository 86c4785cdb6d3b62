import type { RequestHandler } from 'express'

import type { LimitName } from '../env'

import { limiter, waitMessage } from '../rateLimit/limiter'

import { routedPath } from './bodies'

/** The throttled endpoints, counted per client address before Next reads their bodies. */
const ROUTES: { path: string; limit: LimitName; what: string }[] = [
  { path: '/api/users/login', limit: 'LOGIN_IP', what: 'sign-in attempts from this address' },
  { path: '/api/users/forgot-password', limit: 'FORGOT_PASSWORD_IP', what: 'password reset requests from this address' },
  { path: '/api/users/first-register', limit: 'FIRST_REGISTER_IP', what: 'registrations from this address' },
  { path: '/api/articles/ingest', limit: 'INGEST_IP', what: 'ingest requests from this address' },
  { path: '/api/attribution/preview', limit: 'PREVIEW_IP', what: 'attribution previews from this address' },
]

/**
 * Per-IP rate limits: 429 with Retry-After and Payload's error shape. The address is the socket's,
 * or `X-Forwarded-For`'s as express's `trust proxy` (TRUST_PROXY) allows.
 */
export const rateLimits = (): RequestHandler => async (req, res, next) => {
  if (req.method !== 'POST') return next()
  // As Next will route it, so `//api/users/login/` or `/api/users/./login` count too.
  const path = routedPath(req.url)
  const route = ROUTES.find((r) => r.path === path)
  if (!route) return next()
  const wait = await limiter(route.limit).consume(req.ip ?? req.socket.remoteAddress ?? 'unknown')
  if (wait === null) return next()
  res.set('Retry-After', String(wait)).status(429).json({ errors: [{ message: waitMessage(route.what, wait) }] })
}
