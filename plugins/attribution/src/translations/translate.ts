import type { en } from './en.ts'

import { I18N } from '../constants.ts'

type Keys = keyof (typeof en)[typeof I18N]

type Singular<K> = K extends `${infer Key}_${'one' | 'other'}` ? Key : K

/** A key of the plugin's translations, without the `_one`/`_other` of plural forms. */
export type TranslationKey = Singular<Keys>

/** Payload's `t`, from `req.t`, `i18n.t` or `useTranslation()`. */
type T = (key: any, vars?: Record<string, unknown>) => string

/** The plugin's text for `key`, in the language Payload chose for the request or the admin. */
export const translate = (t: T, key: TranslationKey, vars?: Record<string, unknown>): string => t(`${I18N}:${key}`, vars)

/** A label or description that Payload translates where it shows it. */
export const label =
  (key: TranslationKey) =>
  ({ t }: { t: T }): string =>
    translate(t, key)

/** Texts by language, as `i18n.translations` holds them. */
export type Texts = Record<string, Record<string, unknown>>

/**
 * A label as a `{ [language]: text }` record, for fields rendered on the server from Payload's
 * client schema map: Payload 3.90 caches that map per collection whatever the language, so a
 * label function there speaks the language of whoever opened the collection first.
 */
export const labelsByLanguage = (key: TranslationKey, texts: Texts): Record<string, string> =>
  Object.fromEntries(
    Object.entries(texts).flatMap(([language, namespaces]) => {
      const text = (namespaces[I18N] as Record<string, string> | undefined)?.[key]
      return text ? [[language, text]] : []
    }),
  )

/** Select options labelled `<prefix>-<value>` in the plugin's translations. */
export const translatedOptions = (prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: label(`${prefix}-${value}` as TranslationKey) }))
