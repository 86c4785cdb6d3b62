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

/** Select options labelled `<prefix>-<value>` in the plugin's translations. */
export const translatedOptions = (prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: label(`${prefix}-${value}` as TranslationKey) }))
