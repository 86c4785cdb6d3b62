/**
 * Server lifecycle messages. Written synchronously, unlike Payload's pino logger,
 * so the last lines before `process.exit` are never lost.
 */
export const log = (message: string): void => {
  process.stdout.write(`${new Date().toISOString()} [server] ${message}\n`)
}

export const logError = (message: string, error?: unknown): void => {
  const detail = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? '' : String(error)
  process.stderr.write(`${new Date().toISOString()} [server] ${message}${detail ? `\n${detail}` : ''}\n`)
}
