import type { Validate } from 'payload'

import { date as dateValidator, text as textValidator } from 'payload/shared'

type Check<T> = (value: null | T | undefined, args: Parameters<Validate<T>>[1]) => string | true

/**
 * A custom `validate` replaces Payload's own (required, maxLength, options...),
 * so run Payload's first and ours only on what it accepts.
 */
export const alsoCheck =
  <T>(base: unknown, check: Check<T>): Validate<T> =>
  async (value, args) => {
    const baseResult = await (base as Validate)(value, args as Parameters<Validate>[1])
    if (baseResult !== true) return baseResult
    return check(value, args)
  }

const parseUrl = (value: string): string | true => {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `"${value}" is not a well-formed URL`
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? true : `"${value}" must start with http:// or https://`
}

/** An absolute http(s) URL, parsed by the WHATWG URL parser. */
export const httpUrl = alsoCheck<string | null | undefined>(textValidator, (value) =>
  value ? parseUrl(value) : true,
)

const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
const hostPattern = new RegExp(`^(?:${label}\\.)*${label}$`)

/** A bare host name such as `www.spacewar.example` (no scheme, path or port). */
export const hostname = alsoCheck<string | null | undefined>(textValidator, (value) =>
  !value || hostPattern.test(value) ? true : `"${value}" is not a host name (expected e.g. www.example.com)`,
)

/** A date that, when both are set, comes after the sibling `fromField`. */
export const dateAfter = (fromField: string) =>
  alsoCheck<Date | string | null | undefined>(dateValidator, (value, { siblingData }) => {
    const from = (siblingData as Record<string, unknown>)?.[fromField]
    if (!value || !from) return true
    return new Date(value).getTime() > new Date(from as string).getTime() ? true : `must be later than ${fromField}`
  })

/** Upper-case code such as AFP. */
export const sourceCode = alsoCheck<string | null | undefined>(textValidator, (value) =>
  !value || /^[A-Z][A-Z0-9-]{0,15}$/.test(value)
    ? true
    : 'must be upper-case letters, digits or dashes, starting with a letter (e.g. AFP)',
)
