import { Router } from 'express'

type Options = {
  /** Resolves when the database answers; rejects otherwise. */
  ping: () => Promise<void>
  isShuttingDown: () => boolean
  /** An unreachable PostgreSQL host makes a query wait for good; a probe must answer. */
  pingTimeoutMs?: number
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    promise.then(resolve, reject).finally(() => clearTimeout(timer))
  })

/** `/healthz`: the process is up. `/readyz`: it can serve requests (database answers, not shutting down). */
export const healthRoutes = ({ ping, isShuttingDown, pingTimeoutMs = 3000 }: Options): Router => {
  const router = Router()
  router.use(['/healthz', '/readyz'], (_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })

  router.get('/readyz', async (_req, res) => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'unavailable', reason: 'shutting down' })
      return
    }
    try {
      await withTimeout(ping(), pingTimeoutMs)
      res.json({ status: 'ok' })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      res.status(503).json({ status: 'unavailable', reason: `database: ${message}` })
    }
  })
  return router
}
