import type { FieldHook, TextField } from 'payload'

import slugify from 'slugify'

/** "Élysée: talks resume!" → "elysee-talks-resume" (transliterated, not dropped). */
export const toSlug = (value: string): string =>
  slugify(value, { lower: true, strict: true, trim: true }).slice(0, 120).replace(/-+$/, '')

const fillFrom =
  (useAsSlug: string): FieldHook =>
  ({ data, value }) => {
    if (typeof value === 'string' && value.trim()) return toSlug(value)
    const source = data?.[useAsSlug]
    return typeof source === 'string' && source.trim() ? toSlug(source) : value
  }

/** A URL slug made from another field when left empty; normalised when typed by hand. */
export const slugField = (useAsSlug: string, { unique = true }: { unique?: boolean } = {}): TextField => ({
  name: 'slug',
  type: 'text',
  required: true,
  unique,
  index: true,
  maxLength: 120,
  hooks: { beforeValidate: [fillFrom(useAsSlug)] },
  admin: { position: 'sidebar', description: `Made from the ${useAsSlug} when left empty.` },
})
