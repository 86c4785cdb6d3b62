import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import type { TemplateNode } from './template.ts'
import type { TemplateVariables } from './types.ts'

import { type Compiled, type Slotted, renderedBodies, renderedObjects } from './caches.ts'
import { escapeText, sanitizeHtmlOutput } from './html.ts'
import { tagsIn, valueOf } from './template.ts'

// Private-use characters mark where a variable's text goes; the body's own are dropped.
const OPEN = '\uE000'
const CLOSE = '\uE001'
const MARKERS = /[\uE000\uE001]/g
const SLOT = /\uE000(\d+)\uE001/

/** A text node's `{{name}}` tags as slot markers; anything else stays as the text it is. */
const markSlots = (text: string, names: string[]): string => {
  let out = ''
  let from = 0
  for (const { start, end, name } of tagsIn(text)) {
    if (name === undefined || end < 0) continue
    if (!names.includes(name)) names.push(name)
    out += `${text.slice(from, start)}${OPEN}${names.indexOf(name)}${CLOSE}`
    from = end
  }
  return out + text.slice(from)
}

const slotted = (output: string): Slotted => {
  const pieces = output.split(SLOT)
  return { parts: pieces.filter((_, i) => i % 2 === 0), slots: pieces.filter((_, i) => i % 2 === 1).map(Number) }
}

/**
 * A body converted once, with its variables as slots in text: each text node's `{{name}}`
 * becomes a marker before richtext-lexical converts the tree, so a slot can only sit where text
 * sits, and the HTML around the slots has been through the allow-list.
 */
const compile = (body: SerializedEditorState): Compiled => {
  const known = renderedObjects.get(body)
  if (known) return known
  const key = JSON.stringify(body)
  let result = renderedBodies.get(key)
  if (!result) {
    const tree = JSON.parse(key.replace(MARKERS, '')) as SerializedEditorState
    const names: string[] = []
    const mark = (node: TemplateNode) => {
      if (node.type === 'text' && typeof node.text === 'string') node.text = markSlots(node.text, names)
      node.children?.forEach(mark)
    }
    mark(tree.root as TemplateNode)
    result = {
      names,
      text: slotted(convertLexicalToPlaintext({ data: tree }).trim()),
      html: slotted(sanitizeHtmlOutput(convertLexicalToHTML({ data: tree, disableContainer: true }))),
    }
    renderedBodies.set(key, result)
  }
  renderedObjects.set(body, result)
  return result
}

const fill = ({ parts, slots }: Slotted, values: string[]): string => {
  let out = parts[0]
  for (let i = 0; i < slots.length; i++) out += values[slots[i]] + parts[i + 1]
  return out
}

/** A notice body as text and HTML with its variables filled: as text, escaped in the HTML. */
export const renderBody = (body: null | SerializedEditorState | undefined, variables: TemplateVariables): { text: string; html: string } => {
  if (!body?.root) return { text: '', html: '' }
  const { names, text, html } = compile(body)
  const values = names.map((name) => valueOf(variables, name))
  return { text: fill(text, values), html: fill(html, values.map(escapeText)) }
}

/** The variables a body uses, in order of first use. */
export const variablesOf = (body: null | SerializedEditorState | undefined): string[] => (body?.root ? compile(body).names : [])
