import type { Server, ServerResponse } from 'node:http'

import { log, logError } from './log'

type Options = {
  /** How long in-flight requests may run once shutdown begins. */
  timeoutMs: number
  /** Releases what the server holds (database, Next) after the last request. */
  cleanup: () => Promise<void>
}

export type Shutdown = {
  readonly started: boolean
  begin: (signal: string) => Promise<void>
}

/**
 * Graceful shutdown of an HTTP server: stop accepting connections, let in-flight
 * requests finish (bounded by `timeoutMs`), run `cleanup`, exit.
 */
export const gracefulShutdown = (server: Server, { timeoutMs, cleanup }: Options): Shutdown => {
  let started = false
  const inFlight = new Set<ServerResponse>()

  // `server.close()` only ends idle keep-alive connections at the moment it is called;
  // a connection whose request finishes later would hold the close open until its keep-alive timeout.
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res)
    if (started) res.setHeader('Connection', 'close')
    res.once('close', () => {
      inFlight.delete(res)
      if (started) server.closeIdleConnections()
    })
  })

  /** Resolves with the number of requests cut off at the deadline. */
  const drain = () =>
    new Promise<number>((resolve) => {
      const timer = setTimeout(() => {
        const unfinished = inFlight.size
        server.closeAllConnections()
        resolve(unfinished)
      }, timeoutMs)
      server.close(() => {
        clearTimeout(timer)
        resolve(0)
      })
    })

  const begin = async (signal: string) => {
    if (started) {
      log(`${signal} received again; shutdown already under way`)
      return
    }
    started = true
    log(
      `${signal} received: no longer accepting connections; ` +
        `waiting for ${inFlight.size} in-flight request(s), up to ${timeoutMs} ms`,
    )
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close')
    // Not unref'd: it also keeps the event loop alive through cleanup, whose awaits may hold no
    // handle of their own (closeDatabase races pool.end() against an unref'd timer), and should
    // cleanup hang, the process still leaves rather than linger half-dead.
    setTimeout(() => {
      logError('shutdown did not finish in time; exiting')
      process.exit(1)
    }, timeoutMs + 10_000)

    const unfinished = await drain()
    if (unfinished === 0) log('all requests finished; HTTP server closed')
    else log(`${unfinished} request(s) still running after ${timeoutMs} ms; closed their connections`)

    try {
      await cleanup()
    } catch (error) {
      logError('cleanup failed', error)
      process.exit(1)
    }
    log('shutdown complete; exiting')
    process.exit(0)
  }

  return {
    get started() {
      return started
    },
    begin,
  }
}
