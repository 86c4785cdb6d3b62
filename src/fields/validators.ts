import type { CollectionSlug, Validate, Where } from 'payload'

import { date as dateValidator, text as textValidator } from 'payload/shared'

type Check<T> = (
  value: null | T | undefined,
  args: Parameters<Validate<T>>[1],
) => Promise<string | true> | string | true

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

/**
 * A date on a day that exists. Payload's own check lets "2024-02-30" through: SQLite then
 * stores March 1 and PostgreSQL fails the whole request with a 500.
 */
export const calendarDate = alsoCheck<Date | string | null | undefined>(dateValidator, (value) => {
  const match = typeof value === 'string' ? /^(\d{4,})-(\d{2})-(\d{2})/.exec(value) : null
  if (!match) return true
  const [year, month, day] = match.slice(1).map(Number)
  const parsed = new Date(0)
  parsed.setUTCFullYear(year, month - 1, day)
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day
    ? true
    : `"${value}" is not a valid date.`
})

/** A date that, when both are set, comes after the sibling `fromField`. */
export const dateAfter = (fromField: string) =>
  alsoCheck<Date | string | null | undefined>(calendarDate, (value, { siblingData }) => {
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

/**
 * A top-level text value unique among the documents that share `scopeField` (a section's
 * slug within its site). The compound unique index alone answers with the database's column
 * names (`site_id`, or `site_id, slug`), not with this field.
 */
export const uniqueWithin = (scopeField: string) =>
  alsoCheck<string | null | undefined>(textValidator, async (value, { collectionSlug, id, path, req, siblingData }) => {
    const scope = (siblingData as Record<string, unknown>)?.[scopeField]
    const scopeId = scope && typeof scope === 'object' ? (scope as { id?: unknown }).id : scope
    if (!value || scopeId === null || scopeId === undefined || !collectionSlug) return true
    const where: Where = {
      and: [
        { [path.join('.')]: { equals: value } },
        { [scopeField]: { equals: scopeId } },
        ...(id === undefined ? [] : [{ id: { not_equals: id } }]),
      ],
    }
    const { totalDocs } = await req.payload.count({ collection: collectionSlug as CollectionSlug, req, where })
    return totalDocs === 0 ? true : `"${value}" is already used within this ${scopeField}`
  })
