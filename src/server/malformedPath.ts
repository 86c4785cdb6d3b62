import type { RequestHandler } from 'express'

/** Whether a request target's path (before `?`) decodes: every `%` begins an escape of a valid UTF-8 sequence. */
export const decodablePath = (url: string): boolean => {
  const at = url.indexOf('?')
  try {
    decodeURIComponent(at === -1 ? url : url.slice(0, at))
    return true
  } catch {
    return false
  }
}

/**
 * A path with a malformed percent-escape (`/s/x/%E0%A4%A`) is the client's error: 400 naming it,
 * before Next, which answered it with a 500.
 */
export const refuseMalformedPaths = (): RequestHandler => (req, res, next) => {
  if (decodablePath(req.url)) return next()
  res.status(400).type('text/plain').send('The path has a malformed percent-escape.\n')
}
