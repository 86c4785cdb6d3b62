import type { FieldHook, TextField, TextFieldSingleValidation } from 'payload'

import { text } from 'payload/shared'
import slugify from 'slugify'

import { alsoCheck } from '@wirehouse/payload-plugin-attribution'

/** Without the dashes a cut left at the end; a loop, since /-+$/ backtracks over every run of dashes. */
const trimDashes = (slug: string): string => {
  let end = slug.length
  while (slug[end - 1] === '-') end--
  return slug.slice(0, end)
}

/** "Élysée: talks resume!" → "elysee-talks-resume" (transliterated, not dropped). */
export const toSlug = (value: string): string => trimDashes(slugify(value, { lower: true, strict: true, trim: true }).slice(0, 120))

const fillFrom =
  (useAsSlug: string): FieldHook =>
  ({ data, value }) => {
    if (typeof value === 'string' && value.trim()) return toSlug(value)
    const source = data?.[useAsSlug]
    return typeof source === 'string' && source.trim() ? toSlug(source) : value
  }

type SlugOptions = { unique?: boolean; validate?: TextFieldSingleValidation }

/**
 * A URL slug made from another field when left empty; normalised when typed by hand.
 * Not `required` in the schema, so API inputs (GraphQL, generated types) may omit it,
 * but never saved empty.
 */
export const slugField = (useAsSlug: string, { unique = true, validate }: SlugOptions = {}): TextField => ({
  name: 'slug',
  type: 'text',
  unique,
  index: true,
  maxLength: 120,
  validate: alsoCheck<string>(validate ?? text, (value) => (value ? true : 'This field is required.')),
  hooks: { beforeValidate: [fillFrom(useAsSlug)] },
  admin: { position: 'sidebar', description: `Made from the ${useAsSlug} when left empty.` },
})
