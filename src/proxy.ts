import { type NextRequest, NextResponse } from 'next/server.js'

import { env } from './env'
import { NONCE_HEADER, newNonce, sitePolicy } from './security/csp'
import { hostNameOf, OWN_HOST_HEADER, sitePathFor } from './site/format'

/**
 * Every public page gets a Content-Security-Policy with a fresh nonce: on the request, where Next
 * finds it for its own scripts and the pages read it (`x-nonce`) for theirs, and on the response.
 *
 * Sites are told apart by host name: a request for `frontierdefense.example/superpowers` is
 * served by `/s/frontierdefense.example/superpowers`. On a local host nothing is rewritten and
 * the sites answer under `/s/<domain>` (the path fallback).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce()
  const policy = sitePolicy(nonce)
  const headers = new Headers(request.headers)
  headers.set(NONCE_HEADER, nonce)
  headers.set('Content-Security-Policy', policy)

  const host = hostNameOf(request.headers.get('host'))
  const admin = env.SERVER_URL ? new URL(env.SERVER_URL).hostname : ''
  const { pathname } = request.nextUrl
  const sitePath = sitePathFor(host, pathname, admin)
  let response: NextResponse
  if (!sitePath) {
    response = NextResponse.next({ request: { headers } })
  } else {
    const url = request.nextUrl.clone()
    url.pathname = sitePath
    headers.set(OWN_HOST_HEADER, host)
    response = NextResponse.rewrite(url, { request: { headers } })
  }
  response.headers.set('Content-Security-Policy', policy)
  return response
}

export const config = {
  // Payload's admin and API (their own policies), and Next's static assets, are not pages.
  matcher: ['/((?!admin|api|_next/static|_next/image|favicon.ico).*)'],
}
