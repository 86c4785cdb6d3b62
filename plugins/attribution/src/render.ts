import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import type { TemplateVariables } from './types.ts'

import { fill } from './template.ts'

export type Rendered = { text: string; html: string }

// Every read renders the same few notice bodies: convert each once per process (bounded), and
// once per body object within a request.
const byObject = new WeakMap<SerializedEditorState, Rendered>()
const byContent = new Map<string, Rendered>()
const MAX_BODIES = 1000

const convert = (body: SerializedEditorState): Rendered => {
  const known = byObject.get(body)
  if (known) return known
  const key = JSON.stringify(body)
  let result = byContent.get(key)
  if (!result) {
    result = {
      text: convertLexicalToPlaintext({ data: body }).trim(),
      html: convertLexicalToHTML({ data: body, disableContainer: true }),
    }
    if (byContent.size >= MAX_BODIES) byContent.clear()
    byContent.set(key, result)
  }
  byObject.set(body, result)
  return result
}

/**
 * A notice body as text and HTML with its variables filled. Lexical's converters escape the
 * body's own text; mustache then escapes the values it inserts into the HTML.
 */
export const renderBody = (body: null | SerializedEditorState | undefined, variables: TemplateVariables): Rendered => {
  if (!body?.root) return { text: '', html: '' }
  const { text, html } = convert(body)
  return { text: fill(text, variables, { html: false }), html: fill(html, variables, { html: true }) }
}

/** A body's plain text before its variables are filled. */
export const bodyText = (body: null | SerializedEditorState | undefined): string => (body?.root ? convert(body).text : '')
