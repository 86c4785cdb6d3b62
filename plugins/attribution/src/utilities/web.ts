/** An http(s) URL with a host: what search engines and ninjs clients take for a link. */
export const isAbsoluteUrl = (value: unknown): value is string => {
  if (typeof value !== 'string' || !value) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && Boolean(url.host)
  } catch {
    return false
  }
}

/** ISO 8601 in UTC with its zone (`Z`), whatever the database handed back; nothing for no date. */
export const isoInstant = (value: unknown): string | undefined => {
  if (!value || (typeof value !== 'string' && !(value instanceof Date))) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}
