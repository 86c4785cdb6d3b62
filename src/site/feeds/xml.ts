import { XMLBuilder } from 'fast-xml-parser'

/**
 * XML documents for the feeds and sitemaps, built from plain objects by fast-xml-parser's
 * `XMLBuilder` (already the app's XML parser for ingest): every text and attribute value is
 * escaped by the builder (`&`, `<`, `>`, quotes; so `]]>` can never end anything), never by hand.
 * Attributes are keys starting with `@_`, an element's text beside attributes is `#text`.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  // `isPermaLink="true"` stays an attribute with its value, not a bare name.
  suppressBooleanAttributes: false,
  processEntities: true,
})

/**
 * Characters XML 1.0 forbids anywhere (C0 controls but tab, newline and carriage return; U+FFFE,
 * U+FFFF; lone surrogates): a reader rejects the whole document over one, so they are dropped.
 */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A value as XML text: characters XML cannot carry dropped, trimmed; undefined when nothing is left. */
export const xmlText = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value).replace(NOT_XML, '').trim()
  return text || undefined
}

/** An XML element tree: text, a list of repeated elements, or an element with children and `@_` attributes. */
export type XmlNode = string | number | undefined | XmlNode[] | { [name: string]: XmlNode }

/** Every string of the tree cleaned by `xmlText`; what is left empty is left out. */
const clean = (node: XmlNode): XmlNode => {
  if (typeof node === 'string' || typeof node === 'number') return xmlText(node)
  if (Array.isArray(node)) return node.map(clean).filter((n) => n !== undefined)
  if (!node) return undefined
  const entries = Object.entries(node).map(([name, child]) => [name, clean(child)] as const)
  return Object.fromEntries(entries.filter(([, child]) => child !== undefined))
}

/** A whole document: the XML declaration (UTF-8), then `root`. */
export const xmlDocument = (root: Record<string, XmlNode>): string =>
  builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...(clean(root) as Record<string, XmlNode>) }) as string
