/**
 * Production server: Next's request handler (admin, REST, GraphQL) behind express,
 * with health and readiness probes and graceful shutdown. `npm start` after `npm run build`.
 */
import express from 'express'
import next from 'next'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPayload } from 'payload'

import { closeDatabase, pingDatabase } from './database'
import { ConfigError, env } from './env'
import { pageCache, pageResponses } from './pageCache/middleware'
import { startPageCache, stopPageCache } from './pageCache/runtime'
import { guardBodies } from './server/bodies'
import { healthRoutes } from './server/health'
import { closeRateLimits, startRateLimits } from './rateLimit/limiter'
import { log, logError } from './server/log'
import { refuseMalformedPaths } from './server/malformedPath'
import { rateLimits } from './server/rateLimit'
import { securityHeaders } from './server/securityHeaders'
import { gracefulShutdown } from './server/shutdown'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const main = async () => {
  // Fail on configuration before loading the app.
  void env.PAYLOAD_SECRET
  const { PORT: port, HOST: hostname, SHUTDOWN_TIMEOUT_MS: timeoutMs, TRUST_PROXY: trustProxy } = env
  void env.RATE_LIMITS
  const pageCacheSettings = env.PAGE_CACHE
  if (!env.ALLOWED_ORIGINS.length) log('SERVER_URL is not set: the session cookie is accepted from any origin (set it in production)')

  // Imported here, not at the top, so a ConfigError thrown while building the config is caught below.
  const { default: config } = await import('../payload.config')
  // Runs onInit (migrations, seed). Next's route handlers get this same instance from Payload's cache.
  const payload = await getPayload({ config })
  log('Payload initialized')

  const nextApp = next({ dev: false, dir: root, hostname, port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  const app = express()
  app.disable('x-powered-by')
  // Which proxies' X-Forwarded-For / -Proto to believe (req.ip, req.secure); none unless configured.
  app.set('trust proxy', trustProxy)
  const server = http.createServer(app)
  // A client that waits for `100 Continue` gets it only once `guardBodies` let its request through,
  // so a refused body is never sent. As a 'request', so the shutdown counts it in flight too.
  server.on('checkContinue', (req, res) => server.emit('request', req, res))
  const shutdown = gracefulShutdown(server, {
    timeoutMs,
    cleanup: async () => {
      await nextApp.close()
      log('Next closed')
      // Before the database: the cache's watch reads the site generation there.
      await stopPageCache()
      await closeDatabase(payload)
      log('database connections closed')
      await closeRateLimits()
    },
  })
  app.use(securityHeaders())
  app.use(refuseMalformedPaths())
  // Before anything reads a body: anonymous writes, and bodies over their limit, are refused.
  app.use(
    guardBodies({
      api: payload.config.routes.api,
      cookie: `${payload.config.cookiePrefix}-token`,
      authCollections: payload.config.collections.filter((collection) => collection.auth).map((collection) => collection.slug),
    }),
  )
  app.use(healthRoutes({ ping: () => pingDatabase(payload), isShuttingDown: () => shutdown.started }))
  await startRateLimits()
  // Rate limits only look at a few POST routes: a page served from the cache costs them one comparison.
  app.use(rateLimits())
  if (pageCacheSettings.enabled) {
    const { store } = await startPageCache(payload, pageCacheSettings, env.REDIS_URL)
    app.use(pageCache({ store, settings: pageCacheSettings, sessionCookie: `${payload.config.cookiePrefix}-token` }))
    log(`page cache on (${store.shared ? 'shared through Redis' : 'in this process'}, ${Math.round(pageCacheSettings.maxBytes / 1024 / 1024)} MB)`)
  } else {
    // Pages still answer with the status they declare (a tombstone's 410).
    app.use(pageResponses())
  }
  app.use((req, res) => handle(req, res))

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown.begin(signal))

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, () => resolve())
  })
  log(`listening on http://${hostname}:${port} (ready ${process.uptime().toFixed(1)} s after process start)`)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`)
  else logError('failed to start', error)
  process.exit(1)
})
