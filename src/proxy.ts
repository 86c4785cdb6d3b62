import { type NextRequest, NextResponse } from 'next/server.js'

import { env } from './env'
import { OWN_HOST_HEADER } from './site/format'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0'])

/**
 * Sites are told apart by host name: a request for `frontierdefense.example/superpowers` is
 * served by `/s/frontierdefense.example/superpowers`. On a local host nothing is rewritten and
 * the sites answer under `/s/<domain>` (the path fallback).
 */
export function proxy(request: NextRequest) {
  const host = (request.headers.get('host') ?? '').replace(/:\d+$/, '').toLowerCase()
  const admin = env.SERVER_URL ? new URL(env.SERVER_URL).hostname : ''
  if (!host || LOCAL_HOSTS.has(host) || host === admin) return NextResponse.next()
  const url = request.nextUrl.clone()
  url.pathname = `/s/${host}${url.pathname === '/' ? '' : url.pathname}`
  const headers = new Headers(request.headers)
  headers.set(OWN_HOST_HEADER, host)
  return NextResponse.rewrite(url, { request: { headers } })
}

export const config = {
  // Payload's admin and API, Next's assets, the path fallback and the preview route stay as they are.
  matcher: ['/((?!admin|api|_next|s/|preview|favicon.ico).*)'],
}
