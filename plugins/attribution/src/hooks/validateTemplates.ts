import type { CollectionBeforeValidateHook } from 'payload'

import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { ValidationError } from 'payload'

import type { ResolvedOptions } from '../options.ts'
import type { TemplateVariables } from '../types.ts'

import { unknownVariables } from '../template.ts'

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
    let unknown: string[]
    try {
      unknown = unknownVariables(convertLexicalToPlaintext({ data: body }), templateVocabulary(options))
    } catch (error) {
      throw new ValidationError(
        { collection: collection.slug, errors: [{ path: 'body', message: `template does not parse: ${(error as Error).message}` }] },
        req.t,
      )
    }
    if (unknown.length) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: [{ path: 'body', message: `unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((v) => `{{${v}}}`).join(', ')}` }],
        },
        req.t,
      )
    }
    return data
  }
