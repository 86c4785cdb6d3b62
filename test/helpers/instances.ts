import type { Payload } from 'payload'

import { BasePayload } from 'payload'

import type { AttributionPluginOptions } from '@wirehouse/payload-plugin-attribution'

type Cache = Map<string, { payload: Payload | null } & Record<string, unknown>>

/**
 * A second Payload on the app's database in this process, built with other attribution options
 * (e.g. `{ disabled: true }`), so the plugin can be compared on and off against the same rows.
 */
export const startTwin = async (attribution: AttributionPluginOptions): Promise<Payload> => {
  const { wirehouseConfig } = await import('../../payload.config')
  const config = await wirehouseConfig(attribution)
  return (await new BasePayload().init({ config })) as Payload
}

/**
 * Runs `fn` with `payload` as the instance Payload's Next route handlers (REST, GraphQL) use:
 * they look it up in Payload's module cache under the default key.
 */
export const asDefault = async <T>(payload: Payload, fn: () => Promise<T>): Promise<T> => {
  const cache = (globalThis as unknown as { _payload: Cache })._payload
  const previous = cache.get('default')
  cache.set('default', { ...previous, payload, promise: null, reload: false })
  try {
    return await fn()
  } finally {
    if (previous) cache.set('default', previous)
    else cache.delete('default')
  }
}

type Logger = { logQuery: (query: string, params: unknown[]) => void }
type Session = { logger: Logger; options?: { logger?: Logger } }

/**
 * Counts the SQL statements an instance sends, through Drizzle's query logger (every statement,
 * relational queries and transactions included). SQL adapters only.
 */
export const countQueries = async <T>(payload: Payload, fn: () => Promise<T>): Promise<{ queries: string[]; result: T }> => {
  const session = (payload.db as unknown as { drizzle: { session: Session } }).drizzle.session
  const queries: string[] = []
  const logger: Logger = { logQuery: (query) => queries.push(query) }
  const previous = { logger: session.logger, options: session.options?.logger }
  session.logger = logger
  if (session.options) session.options.logger = logger
  try {
    return { queries, result: await fn() }
  } finally {
    session.logger = previous.logger
    if (session.options) session.options.logger = previous.options
  }
}
