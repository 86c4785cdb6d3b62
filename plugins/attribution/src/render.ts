import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import type { TemplateVariables } from './types.ts'

import { type Converted, renderedBodies, renderedObjects } from './caches.ts'
import { fill } from './template.ts'

/** Every read renders the same few notice bodies: each is converted once per process. */
const convert = (body: SerializedEditorState): Converted => {
  const known = renderedObjects.get(body)
  if (known) return known
  const key = JSON.stringify(body)
  let result = renderedBodies.get(key)
  if (!result) {
    result = {
      text: convertLexicalToPlaintext({ data: body }).trim(),
      html: convertLexicalToHTML({ data: body, disableContainer: true }),
    }
    renderedBodies.set(key, result)
  }
  renderedObjects.set(body, result)
  return result
}

/**
 * A notice body as text and HTML with its variables filled. Lexical's converters escape the
 * body's own text; mustache then escapes the values it inserts into the HTML.
 */
export const renderBody = (body: null | SerializedEditorState | undefined, variables: TemplateVariables): Converted => {
  if (!body?.root) return { text: '', html: '' }
  const { text, html } = convert(body)
  return { text: fill(text, variables, { html: false }), html: fill(html, variables, { html: true }) }
}

/** A body's plain text before its variables are filled. */
export const bodyText = (body: null | SerializedEditorState | undefined): string => (body?.root ? convert(body).text : '')
