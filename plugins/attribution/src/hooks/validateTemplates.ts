import type { CollectionBeforeValidateHook } from 'payload'

import { ValidationError } from 'payload'

import type { ResolvedOptions } from '../options.ts'
import type { TemplateVariables } from '../types.ts'

import { bodyText } from '../render.ts'
import { unknownVariables } from '../template.ts'
import { translate } from '../translations/translate.ts'

/** Every variable a notice may use, with placeholder values; the resolver fills the real ones. */
export const templateVocabulary = (options: ResolvedOptions): TemplateVariables => ({
  ...options.extraVariables,
  publisher: { name: '', copyrightStartYear: '', jurisdiction: '' },
  year: '',
  source: { name: '', code: '', credit: '', copyrightHolder: '' },
  site: { name: '' },
})

/** An unknown `{{variable}}` is an error when the notice is saved, never a blank at read time. */
export const rejectUnknownVariables =
  (options: ResolvedOptions): CollectionBeforeValidateHook =>
  ({ collection, data, req }) => {
    const body = data?.body
    if (!body?.root) return data
    const invalid = (message: string) =>
      new ValidationError({ collection: collection.slug, errors: [{ path: 'body', message }] }, req.t)
    let unknown: string[]
    try {
      unknown = unknownVariables(bodyText(body), templateVocabulary(options))
    } catch (error) {
      throw invalid(translate(req.t, 'error-templateParse', { message: (error as Error).message }))
    }
    if (unknown.length) {
      const names = unknown.map((v) => `{{${v}}}`).join(', ')
      throw invalid(translate(req.t, 'error-unknownVariables', { count: unknown.length, names }))
    }
    return data
  }
