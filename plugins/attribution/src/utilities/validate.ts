import type { Validate } from 'payload'

import { date as dateValidator, text as textValidator } from 'payload/shared'

import { translate } from '../translations/translate.ts'

type Check<T> = (
  value: null | T | undefined,
  args: Parameters<Validate<T>>[1],
) => Promise<string | true> | string | true

/**
 * A custom `validate` replaces Payload's own (required, maxLength, options...), so this runs
 * Payload's first and the extra check only on what it accepts.
 */
export const alsoCheck =
  <T>(base: unknown, check: Check<T>): Validate<T> =>
  async (value, args) => {
    const baseResult = await (base as Validate)(value, args as Parameters<Validate>[1])
    if (baseResult !== true) return baseResult
    return check(value, args)
  }

/**
 * A date on a day that exists. Payload's own check lets "2024-02-30" through: SQLite then
 * stores March 1 and PostgreSQL fails the whole request with a 500.
 */
export const calendarDate = alsoCheck<Date | string | null | undefined>(dateValidator, (value, { req }) => {
  const match = typeof value === 'string' ? /^(\d{4,})-(\d{2})-(\d{2})/.exec(value) : null
  if (!match) return true
  const [year, month, day] = match.slice(1).map(Number)
  const parsed = new Date(0)
  parsed.setUTCFullYear(year, month - 1, day)
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day
    ? true
    : translate(req.t, 'error-invalidDate', { value })
})

/** A date that, when both are set, comes after the sibling `fromField`. */
export const dateAfter = (fromField: string) =>
  alsoCheck<Date | string | null | undefined>(calendarDate, (value, { req, siblingData }) => {
    const from = (siblingData as Record<string, unknown>)?.[fromField]
    if (!value || !from) return true
    return new Date(value).getTime() > new Date(from as string).getTime()
      ? true
      : translate(req.t, 'error-laterThan', { field: fromField })
  })

/** An upper-case code such as AFP. */
export const sourceCode = alsoCheck<string | null | undefined>(textValidator, (value, { req }) =>
  !value || /^[A-Z][A-Z0-9-]{0,15}$/.test(value) ? true : translate(req.t, 'error-sourceCode'),
)
