import type { CollectionSlug, Where } from 'payload'

import { alsoCheck } from '@wirehouse/payload-plugin-attribution'
import { text as textValidator } from 'payload/shared'

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

// Letters and digits, with single or repeated hyphens inside; one way to match, so linear.
const LABEL = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/
const isLabel = (label: string) => label.length <= 63 && LABEL.test(label)

/** A bare host name such as `www.spacewar.example` (no scheme, path or port). */
export const hostname = alsoCheck<string | null | undefined>(textValidator, (value) =>
  !value || value.split('.').every(isLabel) ? true : `"${value}" is not a host name (expected e.g. www.example.com)`,
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
