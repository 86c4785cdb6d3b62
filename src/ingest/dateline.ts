import { isValid, parse } from 'date-fns'

const DATE_FORMATS = ['MMMM d, yyyy', 'MMM d, yyyy', 'MMM. d, yyyy', 'd MMMM yyyy', 'yyyy-MM-dd', 'yyyyMMdd']
// ISO 8601 basic, as in NITF's `norm` attributes: the calendar day is its first eight digits, as written.
const BASIC_ISO = /^(\d{8})T/
const REFERENCE = new Date(2000, 0, 1)

/** "July 3, 2024", "Jul 03, 2024", "20240703" → "2024-07-03"; undefined when it is none of these. */
export const calendarDate = (value: string | undefined): string | undefined => {
  const text = value?.trim()
  if (!text) return undefined
  const basic = BASIC_ISO.exec(text)
  if (basic) return calendarDate(basic[1])
  for (const format of DATE_FORMATS) {
    const date = parse(text, format, REFERENCE)
    if (isValid(date)) return toDay(date)
  }
  return undefined
}

const toDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

/** The UTC calendar day of an ISO timestamp ("2024-07-03T22:15:00Z" → "2024-07-03"). */
export const dayOf = (timestamp: string | undefined): string | undefined => {
  if (!timestamp) return undefined
  const date = new Date(timestamp)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10)
}

// Place, then the credit in parentheses, then the date: "Astana, Kazakhstan (AFP) July 3, 2024".
const DATELINE = /^(?<place>.*?)\s*\((?<credit>[^()]+)\)\s*(?<date>.*)$/

/** Splits a wire dateline; a line without a parenthesised credit is all place. */
export const parseDateline = (line: string): { place?: string; credit?: string; date?: string } => {
  const match = DATELINE.exec(line.trim())
  if (!match?.groups) return { place: line.trim() || undefined }
  const { place, credit, date } = match.groups
  return { place: place.trim() || undefined, credit: credit.trim() || undefined, date: calendarDate(date) }
}

/** "by AFP Staff Writers" → "AFP Staff Writers". */
export const withoutBy = (byline: string | undefined): string | undefined =>
  byline?.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim() || undefined
