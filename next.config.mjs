import { withPayload } from '@payloadcms/next/withPayload'
import { fileURLToPath } from 'node:url'

/**
 * The admin's Content-Security-Policy. Payload's UI has inline scripts and styles of its own
 * (Next's bootstrap, theme), so it keeps 'unsafe-inline' but loads nothing from elsewhere, frames
 * only the site's live preview (same origin) and is framed by nothing else. The public pages get a
 * nonce-based policy from `src/proxy.ts`, the API its own from the express server.
 */
const ADMIN_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/**
 * With `REDIS_URL`, Next's cache lives in Redis (`cache-handler.mjs`), shared by every instance,
 * with no copy in each one's memory; without it, Next's default cache in each instance's memory.
 */
const sharedCache = process.env.REDIS_URL
  ? { cacheHandler: fileURLToPath(new URL('./cache-handler.mjs', import.meta.url)), cacheMaxMemorySize: 0 }
  : {}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  ...sharedCache,
  // Keep Payload's database drivers (and the rate limiter's Redis client) out of the server bundle;
  // swagger-ui-dist too: /api/docs reads its files from the package at run time.
  serverExternalPackages: ['@libsql/client', 'libsql', 'pg', 'mongoose', 'ioredis', 'swagger-ui-dist'],
  experimental: {
    // Without Redis, cached page data stays in each instance's memory (an LRU of `cacheMaxMemorySize`,
    // 50 MB): keyed by the site cache's generation, entries on disk would pile up with every change.
    isrFlushToDisk: false,
  },
  headers: async () => [{ source: '/admin/:path*', headers: [{ key: 'Content-Security-Policy', value: ADMIN_POLICY }] }],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
