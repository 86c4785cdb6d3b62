import type { SanitizedConfig } from 'payload'

import { convertHTMLToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { decodeHTML } from 'entities'
import { Window } from 'happy-dom'
import sanitizeHtml from 'sanitize-html'

import { IngestError } from './types'

/** What an article body may hold: text structure, links and tables. */
const BLOCKS = ['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td']
const INLINE = ['a', 'strong', 'b', 'em', 'i', 'u', 'sub', 'sup', 'br']
/**
 * Structure the first pass keeps for the second to resolve, never in the result: `div` stands
 * for any block wrapper, `span` for any inline one, `figure`/`figcaption`/`figcredit` for a
 * picture's caption and credit (HTML figures, NITF `media`), `caption` for a table's.
 */
const WRAPPERS = ['div', 'span', 'figure', 'figcaption', 'figcredit', 'caption']
const HEADINGS = new Set(['h2', 'h3', 'h4'])
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr'])
/** Elements that hold paragraphs; the others hold text. */
const FLOWS = new Set(['blockquote'])
const alias = (to: string, ...names: string[]) => Object.fromEntries(names.map((name) => [name, to]))

/** Deeper than this, tags are dropped and their text kept: it bounds the second pass's recursion. */
const NESTING_LIMIT = 64

/**
 * Elements a clean body may hold (paragraphs, cells, links, …): the editor's converter takes about
 * 0.3 ms each and holds the server while it runs (100,000 table cells: over 30 s).
 */
export const MAX_BODY_ELEMENTS = 10_000

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCKS, ...INLINE, ...WRAPPERS],
  allowedAttributes: { a: ['href'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // A document's head, title and what is no text (scripts, NITF's media references and data).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'media-reference', 'media-object', 'media-metadata', 'nitf-table-metadata'],
  nestingLimit: NESTING_LIMIT,
  // XHTML and NITF bodies close empty elements with "/>" (`<media-reference … />`).
  parser: { recognizeSelfClosing: true },
  transformTags: {
    ...alias('h2', 'h1', 'hl1', 'hl2'),
    ...alias('h4', 'h5', 'h6'),
    // NITF's block quote, and the wrappers of HTML5 and NITF that hold blocks.
    bq: 'blockquote',
    ...alias('div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'center', 'address', 'block', 'fn', 'note', 'pre', 'dl', 'dt', 'dd', 'body.content', 'nitf-table', 'hgroup', 'details', 'summary'),
    ...alias('figure', 'media'),
    ...alias('figcaption', 'media-caption'),
    ...alias('figcredit', 'media-producer'),
    // Inline wrappers: their boundaries may need a space (see `joined`).
    ...alias('span', 'font', 'small', 'big', 'abbr', 'cite', 'time', 'mark', 'q', 'code', 'kbd', 'samp', 'var', 'label', 'person', 'org', 'location', 'chron', 'event', 'function', 'money', 'num', 'classifier', 'copyrite', 'pronounce', 'lang', 'virtloc', 'object.title', 'credit'),
  },
}

// The second pass reads the first one's output: tags as sanitize-html writes them, text escaped.
type Element = { tag: string; attributes: string; children: Node[] }
type Node = Element | string

/** sanitize-html's output as a tree: it escapes "<" and ">" in text and attribute values, so a tag is what lies between them. */
const treeOf = (html: string): Element => {
  const root: Element = { tag: '', attributes: '', children: [] }
  const open: Element[] = [root]
  let at = 0
  while (at < html.length) {
    const start = html.indexOf('<', at)
    const end = start < 0 ? -1 : html.indexOf('>', start)
    if (start < 0 || end < 0) {
      open.at(-1)!.children.push(html.slice(at))
      break
    }
    if (start > at) open.at(-1)!.children.push(html.slice(at, start))
    const tag = html.slice(start + 1, end)
    at = end + 1
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim()
      let depth = open.length - 1
      while (depth > 0 && open[depth].tag !== name) depth--
      if (depth > 0) open.length = depth
      continue
    }
    const bare = tag.endsWith('/') ? tag.slice(0, -1).trimEnd() : tag
    const space = bare.indexOf(' ')
    const name = space < 0 ? bare : bare.slice(0, space)
    const element: Element = { tag: name, attributes: space < 0 ? '' : bare.slice(space), children: [] }
    open.at(-1)!.children.push(element)
    if (name !== 'br') open.push(element)
  }
  return root
}

const isElement = (node: Node): node is Element => typeof node !== 'string'
const isBlock = (node: Node) => isElement(node) && (BLOCKS.includes(node.tag) || ['div', 'figure', 'caption'].includes(node.tag))

/** The text of a subtree, entities decoded, whitespace collapsed; blocks and line breaks are spaces. */
const textOf = (node: Node): string => {
  const text = (child: Node): string => {
    if (!isElement(child)) return decodeHTML(child)
    const inner = child.children.map(text).join('')
    return (INLINE.includes(child.tag) && child.tag !== 'br') || child.tag === 'span' ? inner : ` ${inner} `
  }
  return text(node).replace(/\s+/g, ' ').trim()
}

/**
 * A figure's (or a NITF `media`'s) caption and credit as one line, "Caption text (Credit)"; the
 * picture itself is not kept. The credit is `figcredit` (NITF's `media-producer`) and any loose
 * text beside the picture ("Photo: Jane Roe"). Empty when the figure has neither.
 */
const captionOf = (figure: Element): string => {
  const caption = figure.children.filter((child) => isElement(child) && child.tag === 'figcaption').map(textOf).filter(Boolean).join(' ')
  const credits = figure.children.filter((child) => !isBlock(child) && !(isElement(child) && child.tag === 'figcaption')).map(textOf)
  const credit = credits.filter(Boolean).join(', ')
  return caption && credit ? `${caption} (${credit})` : caption || credit
}
const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
/** A caption is an italic paragraph of its own: it never runs into the text around it. */
const captionParagraph = (caption: string): Element[] => (caption ? [{ tag: 'p', attributes: '', children: [{ tag: 'em', attributes: '', children: [escape(caption)] }] }] : [])
/** What a figure holds besides its picture, caption and credit (a quote, a table): kept where it stands. */
const figureContent = (figure: Element) => figure.children.filter(isBlock)

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u
/**
 * Whether text that met at an inline wrapper's boundary ran two words together: "Försvar"+"TT",
 * "TT"+"Nästa", "2024"+"Photo". "NASA"+"'s" and "kilo"+"meter" stay joined.
 */
const runTogether = (left: string, right: string): boolean => {
  const [a, b, c] = [left.at(-1) ?? '', right[0] ?? '', right[1] ?? '']
  if (!LETTER_OR_DIGIT.test(a) || !UPPER.test(b)) return false
  return !UPPER.test(a) || LOWER.test(c)
}

/** The last and first characters of text a node shows. */
const edgeText = (node: Node, end: 'first' | 'last'): string => {
  if (!isElement(node)) return decodeHTML(node)
  const children = end === 'first' ? node.children : [...node.children].reverse()
  for (const child of children) {
    const text = edgeText(child, end)
    if (text) return text
  }
  return ''
}

/**
 * Inline content: wrappers unwrapped, a space where two wrappers (or a wrapper and text) meet
 * without one and the words would run together, or where a block wrapper stood.
 */
const inline = (nodes: Node[]): Node[] => {
  const out: Node[] = []
  const push = (node: Node, boundary: 'space' | 'wrapper' | 'none') => {
    const previous = out.at(-1)
    if (previous !== undefined && boundary !== 'none') {
      const [left, right] = [edgeText(previous, 'last'), edgeText(node, 'first')]
      const spaced = /\s$/.test(left) || /^\s/.test(right)
      if (!spaced && (boundary === 'space' || runTogether(left, right))) out.push(' ')
    }
    out.push(node)
  }
  nodes.forEach((node, i) => {
    const before = nodes[i - 1]
    const after: 'space' | 'wrapper' | 'none' =
      before === undefined || !isElement(before) || !WRAPPERS.includes(before.tag) ? 'none' : before.tag === 'span' ? 'wrapper' : 'space'
    if (!isElement(node)) return push(node, after)
    if (node.tag === 'figure') {
      const caption = captionOf(node)
      const content = inline(figureContent(node))
      content.forEach((child, j) => push(child, j === 0 ? 'space' : 'none'))
      if (caption) push({ tag: 'em', attributes: '', children: [escape(caption)] }, 'space')
      return
    }
    if (WRAPPERS.includes(node.tag)) {
      const boundary = node.tag === 'span' ? 'wrapper' : 'space'
      inline(node.children).forEach((child, j) => push(child, j === 0 ? boundary : 'none'))
      return
    }
    const element = { ...node, children: node.tag === 'a' || INLINE.includes(node.tag) ? inline(node.children) : blockContent(node) }
    push(element, after)
  })
  return out
}

/** A block's children: paragraphs for flow containers, tables' rows and cells as they are, text for the rest. */
const blockContent = (element: Element): Node[] => {
  if (FLOWS.has(element.tag)) return flow(element.children)
  if (TABLE_PARTS.has(element.tag)) return tableContent(element)
  if (element.tag === 'ul' || element.tag === 'ol') return element.children.filter((child) => isElement(child)).flatMap((child) => flow([child]))
  return inline(element.children)
}

/** Rows and cells only, whitespace between them dropped; a table's caption goes before it (see `flow`). */
const tableContent = (element: Element): Node[] =>
  element.children.filter(isElement).flatMap((child) => {
    if (child.tag === 'caption') return []
    if (child.tag === 'th' || child.tag === 'td') return [{ ...child, children: flow(child.children, true) }]
    return [{ ...child, children: tableContent(child) }]
  })

/**
 * Block content: each run of inline content becomes a paragraph, block wrappers are unwrapped
 * (their boundaries end a paragraph), figures become caption paragraphs. In a table cell a run
 * of inline content stays as it is.
 */
const flow = (nodes: Node[], inCell = false): Node[] => {
  const out: Node[] = []
  let run: Node[] = []
  const flush = () => {
    const content = trimmed(inline(run))
    if (content.length) out.push(...(inCell && !out.length ? content : [{ tag: 'p', attributes: '', children: content }]))
    run = []
  }
  for (const node of nodes) {
    if (!isBlock(node)) {
      run.push(node)
      continue
    }
    flush()
    const element = node as Element
    if (element.tag === 'div') out.push(...flow(element.children, inCell))
    else if (element.tag === 'figure') out.push(...flow(figureContent(element), inCell), ...captionParagraph(captionOf(element)))
    else if (element.tag === 'caption') out.push(...captionParagraph(textOf(element)))
    else if (element.tag === 'table') {
      const caption = element.children.find((child) => isElement(child) && child.tag === 'caption')
      out.push(...(caption ? captionParagraph(textOf(caption)) : []), { ...element, children: tableContent(element) })
    } else out.push({ ...element, children: blockContent(element) })
  }
  flush()
  return out.filter((node) => !isElement(node) || !isEmpty(node))
}

/** Without the whitespace at either end of inline content. */
const trimmed = (nodes: Node[]): Node[] => {
  const out = [...nodes]
  while (out.length && typeof out[0] === 'string' && !out[0].trim()) out.shift()
  while (out.length && typeof out.at(-1) === 'string' && !(out.at(-1) as string).trim()) out.pop()
  if (typeof out[0] === 'string') out[0] = out[0].trimStart()
  if (typeof out.at(-1) === 'string') out[out.length - 1] = (out.at(-1) as string).trimEnd()
  return out
}

/** A paragraph or heading with no text (nothing, or only line breaks); tables and lists are judged by their text too. */
const isEmpty = (element: Element): boolean => !textOf(element)

/** Neighbouring text as one string, its whitespace collapsed. */
const merged = (nodes: Node[]): Node[] => {
  const out: Node[] = []
  for (const node of nodes) {
    const last = out.at(-1)
    if (typeof node === 'string' && typeof last === 'string') out[out.length - 1] = last + node
    else out.push(node)
  }
  return out.map((node) => (typeof node === 'string' ? node.replace(/\s+/g, ' ') : node))
}

/** The tree as HTML; a link whose href was dropped (javascript:, data:) is its text, not an empty link. */
const serialize = (nodes: Node[]): string =>
  merged(nodes)
    .map((node) => {
      if (!isElement(node)) return node
      if (node.tag === 'br') return '<br />'
      const inner = serialize(HEADINGS.has(node.tag) || node.tag === 'p' || node.tag === 'li' ? trimmed(merged(node.children)) : node.children)
      if (node.tag === 'a' && !node.attributes.includes('href=')) return inner
      return `<${node.tag}${node.attributes}>${inner}</${node.tag}>`
    })
    .join('')

const elementCount = (nodes: Node[]): number => nodes.reduce((count, node) => count + (isElement(node) ? 1 + elementCount(node.children) : 0), 0)

const comparable = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()

export type CleanOptions = {
  /** The story's headline: a first heading that repeats it (a document's `<h1>`) is dropped. */
  headline?: string
}

/**
 * Wire HTML (a fragment or a whole document) reduced to what an article body may hold: no head,
 * scripts, styles, images or attributes but links' and cells' spans. Wrappers go but their
 * boundaries stay spaces or paragraph breaks; a figure's caption and credit become a paragraph in
 * italics ("Caption (Credit)") where the figure was; tables stay tables. Cleaning clean HTML
 * changes nothing.
 */
export const cleanHtml = (html: string, { headline }: CleanOptions = {}): string => {
  const blocks = flow(treeOf(sanitizeHtml(html, SANITIZE)).children)
  const elements = elementCount(blocks)
  if (elements > MAX_BODY_ELEMENTS) {
    throw new IngestError(`the body has ${elements.toLocaleString('en')} elements (paragraphs, table cells, links…), over the limit of ${MAX_BODY_ELEMENTS.toLocaleString('en')}`, 413)
  }
  const first = blocks[0]
  if (headline && first && isElement(first) && HEADINGS.has(first.tag) && comparable(textOf(first)) === comparable(headline)) blocks.shift()
  return serialize(blocks)
}

/** The text of wire HTML, for fields that hold text (a summary from an HTML description). */
export const htmlText = (html: string): string | undefined => textOf(treeOf(cleanHtml(html))) || undefined

/**
 * One DOM for every conversion: building a window costs far more than the parse, and the
 * conversion is synchronous, so no two conversions ever share it at once. Nothing is loaded or run.
 */
let window: Window | undefined
const dom = () =>
  (window ??= new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  }))

/** Shaped as the JSDOM class richtext-lexical's converter expects. */
class SharedDom {
  readonly window: { document: Document }
  constructor(html: string) {
    const shared = dom()
    shared.document.body.innerHTML = html
    this.window = shared as unknown as { document: Document }
  }
}

type EditorConfig = Awaited<ReturnType<typeof editorConfigFactory.default>>
const editorConfigs = new WeakMap<SanitizedConfig, Promise<EditorConfig>>()

/**
 * The editor of the articles' `body` (its own, else the app's `lexicalEditor()`): its features
 * decide what the converter keeps (a table needs the table feature). Richtext-lexical's defaults
 * when neither is a Lexical editor.
 */
const articleEditorConfig = async (config: SanitizedConfig): Promise<EditorConfig> => {
  const articles = config.collections.find((collection) => collection.slug === 'articles')
  const body = articles?.flattenedFields.find((field) => field.name === 'body' && field.type === 'richText')
  const editor = (body && 'editor' in body ? body.editor : undefined) ?? config.editor
  if (editor && typeof editor === 'object' && 'editorConfig' in editor) return editor.editorConfig as EditorConfig
  return editorConfigFactory.default({ config })
}

/**
 * Without the editor's table feature a table would lose its cell boundaries: each row becomes a
 * paragraph, its cells separated by " | ".
 */
const tablesAsRows = (html: string): string => {
  const rows = (nodes: Node[]): Node[] =>
    nodes.flatMap((node) => {
      if (!isElement(node)) return [node]
      if (node.tag === 'tr') {
        const cells = node.children.filter(isElement).map((cell) => serialize(inline(cell.children.flatMap((child) => (isElement(child) && child.tag === 'p' ? [' ', ...child.children, ' '] : [child])))).trim())
        return [{ tag: 'p', attributes: '', children: [cells.join(' | ')] }]
      }
      return TABLE_PARTS.has(node.tag) ? rows(node.children) : [{ ...node, children: rows(node.children) }]
    })
  return serialize(rows(treeOf(html).children))
}

/** The clean body as Lexical, by richtext-lexical's own HTML converter and the app's editor config. */
export const toLexical = async (html: string, config: SanitizedConfig) => {
  const clean = cleanHtml(html)
  if (!clean) throw new IngestError('the story has no body text once scripts, styles and empty tags are removed')
  let editorConfig = editorConfigs.get(config)
  if (!editorConfig) editorConfigs.set(config, (editorConfig = articleEditorConfig(config)))
  const resolved = await editorConfig
  const body = resolved.resolvedFeatureMap.has('experimental_table') ? clean : tablesAsRows(clean)
  return convertHTMLToLexical({ editorConfig: resolved, html: body, JSDOM: SharedDom })
}
