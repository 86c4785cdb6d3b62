import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser'

import { type Deadline, IngestError, NO_DEADLINE } from './types'

/** A node of fast-xml-parser's `preserveOrder` output: `{ tag: children, ':@': attributes }`. */
export type XmlNode = { [tag: string]: unknown; ':@'?: Record<string, string> }

const ATTRIBUTE_PREFIX = '@_'
const options = { ignoreAttributes: false, attributeNamePrefix: ATTRIBUTE_PREFIX, preserveOrder: true } as const
/** Deeper than this, a file is refused: no NITF nests so, and the parser's own limit is a plain Error (a 500). */
export const MAX_XML_DEPTH = 100
const parser = new XMLParser({ ...options, trimValues: false, htmlEntities: true, maxNestedTags: MAX_XML_DEPTH })
const builder = new XMLBuilder({ ...options, suppressEmptyNode: true })

/**
 * Whether a DOCTYPE opens an internal DTD subset (a "[" before its ">"): where entities are
 * declared, the road to XXE and "billion laughs". One pass: each DOCTYPE's scan resumes where
 * the last one stopped, so "<!DOCTYPE" repeated costs its length, not its square.
 */
export const hasInternalSubset = (xml: string): boolean => {
  const doctype = /<!DOCTYPE/gi
  while (doctype.exec(xml)) {
    let i = doctype.lastIndex
    while (i < xml.length && xml[i] !== '>' && xml[i] !== '[') i++
    if (xml[i] === '[') return true
    doctype.lastIndex = i
  }
  return false
}

// fast-xml-parser's report of elements still open at the end of the input.
const UNCLOSED = /^Invalid '\[(.*)\]' found/s

/** Parses XML with entity declarations refused and external resources never read. */
export const parseXml = (xml: string, deadline: Deadline = NO_DEADLINE): XmlNode[] => {
  if (hasInternalSubset(xml)) {
    throw new IngestError('XML declaring entities (a DOCTYPE with an internal subset) is refused: entity expansion is off')
  }
  deadline.check()
  const valid = XMLValidator.validate(xml)
  deadline.check()
  if (valid !== true) {
    const { line, col, msg } = valid.err
    const unclosed = UNCLOSED.exec(msg)?.[1]
    throw new IngestError(
      unclosed
        ? `XML is not well-formed: the file ends inside ${unclosed.replace(/[\s"]+/g, '').split(',').map((tag) => `<${tag}>`).join(' ')} (truncated?)`
        : `XML is not well-formed at line ${line}${col ? `, column ${col}` : ''}: ${msg}`,
    )
  }
  try {
    return parser.parse(xml) as XmlNode[]
  } catch (error) {
    // The validator passed it, so what the parser refuses is one of its limits (nesting, entities).
    const nested = (error as Error).message.includes('nested')
    throw new IngestError(nested ? `XML is nested more than ${MAX_XML_DEPTH} elements deep` : `XML cannot be read: ${(error as Error).message}`)
  }
}

export const tagOf = (node: XmlNode): string => Object.keys(node).find((key) => key !== ':@') ?? ''

export const childrenOf = (node: XmlNode | undefined): XmlNode[] => {
  const value = node?.[tagOf(node)]
  return Array.isArray(value) ? (value as XmlNode[]) : []
}

/** The first element reached by following `path` from the `nodes`. */
export const find = (nodes: XmlNode[], ...path: string[]): XmlNode | undefined => {
  let node: XmlNode | undefined
  for (const tag of path) {
    node = nodes.find((candidate) => tagOf(candidate) === tag)
    if (!node) return undefined
    nodes = childrenOf(node)
  }
  return node
}

export const attribute = (node: XmlNode | undefined, name: string): string | undefined =>
  node?.[':@']?.[ATTRIBUTE_PREFIX + name]?.trim() || undefined

/**
 * NITF's and HTML's elements that run within a line of text: the others (`p`, `byttl`, `hl2`,
 * `br`, …) end a word, so "CONDON<byttl>AP" reads "CONDON AP".
 */
const INLINE = new Set([
  'a', 'b', 'em', 'i', 'strong', 'u', 'sub', 'sup', 'span', 'q', 'lang', 'pronounce', 'classifier', 'copyrite',
  'person', 'org', 'location', 'chron', 'event', 'function', 'money', 'num', 'object.title', 'virtloc', 'alt-code',
])

/** All text inside a node, in document order, with whitespace collapsed; block boundaries are spaces. */
export const textOf = (node: XmlNode | undefined): string | undefined => {
  const collect = (nodes: XmlNode[]): string =>
    nodes
      .map((child) => {
        const tag = tagOf(child)
        if (tag === '#text') return String(child['#text'])
        return INLINE.has(tag) ? collect(childrenOf(child)) : ` ${collect(childrenOf(child))} `
      })
      .join('')
  return node ? collect(childrenOf(node)).replace(/\s+/g, ' ').trim() || undefined : undefined
}

/** A node's children written back as markup. */
export const innerXml = (node: XmlNode | undefined): string => (node ? String(builder.build(childrenOf(node))) : '')
