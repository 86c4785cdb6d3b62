import { isValid, parse } from 'date-fns'

const DATE_FORMATS = ['MMMM d, yyyy', 'MMM d, yyyy', 'MMM. d, yyyy', 'd MMMM yyyy', 'yyyy-MM-dd', 'yyyyMMdd']
// ISO 8601 basic, as in NITF's `norm` attributes: the calendar day is its first eight digits, as written.
const BASIC_ISO = /^(\d{8})T/
const REFERENCE = new Date(2000, 0, 1)
// "September 30, 2024" is 18 characters, an ISO timestamp with zone 25: anything much longer is no date.
const MAX_DATE_LENGTH = 40

/** "July 3, 2024", "Jul 03, 2024", "20240703" → "2024-07-03"; undefined when it is none of these. */
export const calendarDate = (value: string | undefined): string | undefined => {
  const text = value?.trim()
  if (!text || text.length > MAX_DATE_LENGTH) return undefined
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
