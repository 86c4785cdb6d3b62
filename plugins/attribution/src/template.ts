import type { TemplateVariables } from './types.ts'

/**
 * Notice templates are Lexical trees whose text may hold `{{variable}}` placeholders, and nothing
 * else of mustache: a placeholder becomes text in the tree before any HTML exists (render.ts), so
 * no value and no template can write markup.
 */

/** The mustache sigils that mean something other than "insert this variable as text". */
export const CONSTRUCTS = ['{{{', '{{&', '{{#', '{{^', '{{/', '{{!', '{{>', '{{='] as const
export type Construct = (typeof CONSTRUCTS)[number]

/** A `{{…}}` in a string, from `start` to `end` (exclusive; -1 when it is never closed). */
export type Tag = { start: number; end: number; name?: string; construct?: Construct }

/** The `{{…}}` tags of a string, each a variable's name or the construct it is. */
export const tagsIn = (text: string): Tag[] => {
  const tags: Tag[] = []
  let from = 0
  while (from < text.length) {
    const start = text.indexOf('{{', from)
    if (start < 0) break
    const close = text.indexOf('}}', start + 2)
    if (close < 0) {
      tags.push({ start, end: -1 })
      break
    }
    const inner = text.slice(start + 2, close).trim()
    const construct = CONSTRUCTS.find((c) => c[2] === inner[0])
    // `{{{name}}}` closes with a third brace.
    const end = close + (construct === '{{{' && text[close + 2] === '}' ? 3 : 2)
    tags.push(construct ? { start, end, construct } : { start, end, name: inner })
    from = end
  }
  return tags
}

/** The names of `variables`, flattened with dots (`publisher.name`). */
export const knownVariables = (variables: TemplateVariables, prefix = ''): string[] =>
  Object.entries(variables).flatMap(([key, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? knownVariables(value as TemplateVariables, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  )

/** A variable's value as text: a dotted path into `variables`; missing is empty. */
export const valueOf = (variables: TemplateVariables, name: string): string => {
  let value: unknown = variables
  for (const key of name.split('.')) {
    value = value && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
  }
  if (Array.isArray(value)) return value.join(', ')
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}

/** A Lexical node, as much of it as templates look at. */
export type TemplateNode = { type?: string; text?: unknown; children?: TemplateNode[]; fields?: { url?: unknown } | null }

/** What is wrong with a template, each naming what to show the person who wrote it. */
export type Problem =
  | { kind: 'construct'; construct: Construct; tag: string }
  | { kind: 'link-url'; tag: string }
  | { kind: 'split'; tag: string }
  | { kind: 'unclosed'; tag: string }
  | { kind: 'unknown'; tag: string }

const INLINE = new Set(['autolink', 'linebreak', 'link', 'tab', 'text'])
const BREAKS: Record<string, string> = { linebreak: '\n', tab: '\t' }
const EXCERPT = 40

/** The text of a run of inline nodes, cut where one node ends and the next begins. */
type Run = { text: string; cuts: number[] }

const addInline = (node: TemplateNode, run: Run, problems: Problem[]): void => {
  if (node.type === 'text') run.text += typeof node.text === 'string' ? node.text : ''
  else if (node.type && BREAKS[node.type]) run.text += BREAKS[node.type]
  else {
    const url = node.fields?.url
    if (typeof url === 'string' && url.includes('{{')) problems.push({ kind: 'link-url', tag: url.slice(0, EXCERPT) })
    for (const child of node.children ?? []) addInline(child, run, problems)
    return
  }
  run.cuts.push(run.text.length)
}

const checkRun = ({ text, cuts }: Run, known: Set<string>, problems: Problem[]): void => {
  for (const { start, end, name, construct } of tagsIn(text)) {
    if (end < 0) {
      problems.push({ kind: 'unclosed', tag: text.slice(start, start + EXCERPT) })
      continue
    }
    const tag = text.slice(start, Math.min(end, start + EXCERPT))
    // Lexical merges neighbouring text of one format: a cut is a change of format or a link.
    if (cuts.some((cut) => cut > start && cut < end)) problems.push({ kind: 'split', tag })
    else if (construct) problems.push({ kind: 'construct', construct, tag })
    else if (!known.has(name!)) problems.push({ kind: 'unknown', tag })
  }
}

/**
 * Everything in a template tree other than `{{known.variable}}` placeholders, each whole in one
 * text node: mustache's other constructs, unknown names, a `{{` cut by formatting or a link or
 * never closed, a `{{` in a link's URL (variables are text only).
 */
export const problemsIn = (root: TemplateNode, variables: TemplateVariables): Problem[] => {
  const known = new Set(knownVariables(variables))
  const problems: Problem[] = []
  const walk = (node: TemplateNode) => {
    let run: Run = { text: '', cuts: [] }
    const flush = () => {
      checkRun(run, known, problems)
      run = { text: '', cuts: [] }
    }
    for (const child of node.children ?? []) {
      if (child.type && INLINE.has(child.type)) addInline(child, run, problems)
      else {
        flush()
        walk(child)
      }
    }
    flush()
  }
  walk(root)
  return problems
}
