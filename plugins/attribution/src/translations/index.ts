import type { Config } from 'payload'

import { I18N } from '../constants.ts'
import { de } from './de.ts'
import { en } from './en.ts'
import { fr } from './fr.ts'

/** The plugin's texts in each language it ships. */
export const translations = { de, en, fr }

/**
 * The host's i18n with the plugin's texts added under `plugin-attribution`; a text the host
 * already sets there (to reword one, or for another language) wins.
 */
export const withTranslations = (i18n: Config['i18n']): NonNullable<Config['i18n']> => {
  const merged: Record<string, Record<string, unknown>> = { ...(i18n?.translations as Record<string, Record<string, unknown>>) }
  for (const [language, texts] of Object.entries(translations)) {
    const host = merged[language] ?? {}
    merged[language] = { ...host, [I18N]: { ...texts[I18N], ...(host[I18N] as object | undefined) } }
  }
  return { ...i18n, translations: merged as NonNullable<Config['i18n']>['translations'] }
}
