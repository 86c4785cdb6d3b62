import type { FieldHook, TextField, TextFieldSingleValidation } from 'payload'

import { text } from 'payload/shared'
import slugify from 'slugify'
import { transliterate } from 'transliteration'

import { alsoCheck } from '@wirehouse/payload-plugin-attribution'

const MAX_LENGTH = 120

/** Without the dashes a cut left at the end; a loop, since /-+$/ backtracks over every run of dashes. */
const trimDashes = (slug: string): string => {
  let end = slug.length
  while (slug[end - 1] === '-') end--
  return slug.slice(0, end)
}

/** At most `max` UTF-16 units (the field's limit), never half of a surrogate pair. */
const cut = (slug: string, max = MAX_LENGTH): string => {
  let end = Math.min(slug.length, max)
  if (end < slug.length && /[\uD800-\uDBFF]/.test(slug[end - 1])) end--
  return trimDashes(slug.slice(0, end))
}

/**
 * Scripts written without vowels (Arabic, Hebrew, Syriac, Thaana): transliterated they lose
 * them ("wkl-lfd"), so their letters are kept as they are.
 */
const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u
/** What a slug keeps of a title it cannot transliterate: letters, marks, digits and pictographs. */
const NOT_WORD = /[^\p{L}\p{M}\p{N}\p{Extended_Pictographic}]+/gu

const MARK = /\p{M}/u
/** Marks one letter keeps: enough for stacked vowels, points and tones; "Zalgo" text loses the rest. */
const MAX_MARKS = 8

/**
 * The first `max` units of `words` without leading or doubled dashes, with combining marks on a letter or
 * digit only and at most `MAX_MARKS` each: a title of 100,000 accents (or of marks after a dash)
 * would make a slug that shows as nothing.
 */
const visible = (words: string, max: number): string => {
  let out = ''
  let marks = MAX_MARKS
  for (const char of words) {
    if (out.length >= max) break
    if (!MARK.test(char)) {
      marks = char === '-' ? MAX_MARKS : 0
      // A dash neither first nor after a dash: the marks dropped between two may have left both.
      if (char !== '-' || (out && !out.endsWith('-'))) out += char
    } else if (marks < MAX_MARKS) {
      marks++
      out += char
    }
  }
  return out
}

/** The title's own letters, lower-cased, words joined by dashes: the URL carries them percent-encoded. */
const ownLetters = (value: string): string => cut(visible(value.normalize('NFC').toLowerCase().replace(NOT_WORD, '-'), MAX_LENGTH))

/**
 * "Élysée: talks resume!" → "elysee-talks-resume"; "Роскосмос запустил спутник" →
 * "roskosmos-zapustil-sputnik"; "中国发射" → "zhong-guo-fa-she". Transliterated where the
 * `transliteration` library can; Arabic and Hebrew titles (and what transliterates to nothing, an
 * emoji-only title) keep their own letters. Never empty for a title with any letter or symbol.
 */
export const toSlug = (value: string): string => {
  const latin = ABJAD.test(value) ? '' : cut(slugify(transliterate(value), { lower: true, strict: true, trim: true }))
  return latin || ownLetters(value) || (value.trim() ? 'untitled' : '')
}

/** "slug" and "3f2a…" → "slug-3f2a…", within the field's length: the slug is cut to make room, never mid-character. */
export const withSuffix = (slug: string, suffix: string): string => `${cut(slug, MAX_LENGTH - suffix.length - 1)}-${suffix}`

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
  maxLength: MAX_LENGTH,
  validate: alsoCheck<string>(validate ?? text, (value) => (value ? true : 'This field is required.')),
  hooks: { beforeValidate: [fillFrom(useAsSlug)] },
  admin: { position: 'sidebar', description: `Made from the ${useAsSlug} when left empty.` },
})
