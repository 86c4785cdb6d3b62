import { isValid, parse } from 'date-fns'

const DATE_FORMATS = ['MMMM d, yyyy', 'MMM d, yyyy', 'MMM. d, yyyy', 'd MMMM yyyy']
const REFERENCE = new Date(2000, 0, 1)
// "September 30, 2024" is 18 characters, an ISO timestamp with zone 25: anything much longer is no date.
const MAX_DATE_LENGTH = 40
/**
 * ISO 8601, extended ("2020-09-07T14:45:26+02:00") or basic ("20200907T144526Z", NITF's `norm`):
 * the date, then optionally the time (seconds and fraction optional) and the zone. Every part
 * has a fixed width or a class of its own, so matching is linear.
 */
const ISO_8601 = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?$/i

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number; offset: number }

/** The fields of an ISO 8601 date or timestamp, or undefined when it is not one or names no real time. */
const iso8601 = (text: string): Parts | undefined => {
  const match = ISO_8601.exec(text)
  if (!match) return undefined
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = match
  const parts = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    ms: Number(fraction.padEnd(3, '0').slice(0, 3)),
    offset: zoneOffset(zone),
  }
  const { year: y, month: m, day: d, hour: h, minute: mi, second: s } = parts
  // Date.UTC rolls "February 30" over into March: a round trip that changes a field means no such day or time.
  const date = new Date(Date.UTC(y, m - 1, d, h, mi, s))
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && date.getUTCHours() === h &&
    date.getUTCMinutes() === mi && date.getUTCSeconds() === s && Math.abs(parts.offset) < 24 * 60
  return real ? parts : undefined
}

/** "+02:00", "-0500", "+05" or "Z" → minutes east of UTC. */
const zoneOffset = (zone: string): number => {
  if (zone.toUpperCase() === 'Z') return 0
  const digits = zone.slice(1).replace(':', '')
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)
  return zone.startsWith('-') ? -minutes : minutes
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * A wire timestamp in any ISO 8601 form → "2020-09-07T12:45:26Z" (UTC, milliseconds only when
 * given), so versions compare as text. A time without a zone is taken as UTC: the wires that
 * leave the zone out (NITF `norm` attributes, ninjs 1.x feeds) mean UTC, and guessing the
 * server's zone would make the same file mean different instants on different machines.
 */
export const isoTimestamp = (value: string | undefined): string | undefined => {
  const text = value?.trim()
  const parts = text && text.length <= MAX_DATE_LENGTH ? iso8601(text) : undefined
  if (!parts) return undefined
  const { year, month, day, hour, minute, second, ms, offset } = parts
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000)
  return instant.toISOString().replace('.000Z', 'Z')
}

/**
 * "July 3, 2024", "Jul 03, 2024", "20240703", "2024-07-03T23:15:00-05:00" → "2024-07-03"; undefined
 * when it is none of these. The day of a timestamp is the day as written (the wire's local day,
 * which is what its dateline prints), not the UTC day.
 */
export const calendarDate = (value: string | undefined): string | undefined => {
  const text = value?.trim()
  if (!text || text.length > MAX_DATE_LENGTH) return undefined
  const iso = iso8601(text)
  if (iso) return `${pad(iso.year, 4)}-${pad(iso.month)}-${pad(iso.day)}`
  for (const format of DATE_FORMATS) {
    const date = parse(text, format, REFERENCE)
    if (isValid(date)) return toDay(date)
  }
  return undefined
}

const toDay = (date: Date) => `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/**
 * Where the credit of "Astana, Kazakhstan (AFP) July 3, 2024" is: the first "(" whose next
 * parenthesis is a ")" with something between them. One pass, so a hostile line costs its length.
 */
const creditAt = (line: string): { open: number; close: number } | undefined => {
  let open = -1
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '(') open = i
    else if (line[i] === ')') {
      if (open >= 0 && i > open + 1) return { open, close: i }
      open = -1
    }
  }
  return undefined
}

/** Splits a wire dateline (place, the credit in parentheses, the date); a line without a credit is all place. */
export const parseDateline = (line: string): { place?: string; credit?: string; date?: string } => {
  const text = line.trim()
  const at = creditAt(text)
  if (!at) return { place: text || undefined }
  return {
    place: text.slice(0, at.open).trim() || undefined,
    credit: text.slice(at.open + 1, at.close).trim() || undefined,
    date: calendarDate(text.slice(at.close + 1)),
  }
}

/** "by AFP Staff Writers" → "AFP Staff Writers". */
export const withoutBy = (byline: string | undefined): string | undefined =>
  byline?.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim() || undefined
