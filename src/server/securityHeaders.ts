import type { RequestHandler } from 'express'

import helmet from 'helmet'

import { API_POLICY, DOCS_POLICY, isDocsPath } from '../security/csp'

/**
 * Headers on every response: nosniff, `Referrer-Policy`, `X-Frame-Options: SAMEORIGIN` (the admin's
 * live preview frames the site on the same origin), and HSTS only on a request that came over HTTPS
 * (`req.secure`: the socket's TLS, or `X-Forwarded-Proto` when TRUST_PROXY trusts the proxy).
 * The API's Content-Security-Policy is set here (the API reference's, `/api/docs`, its own); pages get theirs from the proxy (`src/proxy.ts`,
 * with a nonce) and the admin from next.config.
 */
export const securityHeaders = (): RequestHandler[] => {
  const common = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    xFrameOptions: { action: 'sameorigin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Developers' front ends on other origins read the API (CORS); CORP same-origin would stop their no-cors loads.
    crossOriginResourcePolicy: { policy: 'same-site' },
  })
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 60 * 60, includeSubDomains: true })
  return [
    common,
    (req, res, next) => (req.secure ? hsts(req, res, next) : next()),
    (req, res, next) => {
      // The API reference is a page (its own strict policy); every other API answer is data.
      if (isDocsPath(req.path)) res.setHeader('Content-Security-Policy', DOCS_POLICY)
      else if (req.path === '/api' || req.path.startsWith('/api/')) res.setHeader('Content-Security-Policy', API_POLICY)
      next()
    },
  ]
}
