import type { SerializedEditorState } from 'lexical'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import type { TemplateVariables } from './types'

import { fill } from './template'

export type Rendered = { text: string; html: string }

/**
 * A notice body as text and HTML with its variables filled. Lexical's converters escape the
 * body's own text; mustache then escapes the values it inserts into the HTML.
 */
export const renderBody = (body: null | SerializedEditorState | undefined, variables: TemplateVariables): Rendered => {
  if (!body?.root) return { text: '', html: '' }
  const text = convertLexicalToPlaintext({ data: body }).trim()
  const html = convertLexicalToHTML({ data: body, disableContainer: true })
  return { text: fill(text, variables, { html: false }), html: fill(html, variables, { html: true }) }
}
