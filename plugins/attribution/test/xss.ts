import sanitizeHtml from 'sanitize-html'

import { HTML_ALLOW_LIST } from '../src/html.ts'

/**
 * Hostile values for every field that reaches a template variable: markup, event attributes,
 * `javascript:` URLs, HTML comments, mustache of every kind, a way out of a JSON-LD script.
 */
export const VALUE_PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  '<!-- x --><b>bold</b>',
  '{{! comment }}',
  '{{> partial}}',
  '{{#source.name}}section{{/source.name}}',
  '{{=<% %>=}}',
  '{{{source.name}}}',
  '{{& source.name}}',
  '</script><script>alert(1)</script>',
  '&lt;b&gt; & &amp;',
]

/** Notice bodies that use mustache beyond `{{known.variable}}`, and the construct each is refused for. */
export const BODY_PAYLOADS: [body: string, construct: string][] = [
  ['Copyright {{{source.name}}}.', '{{{'],
  ['Copyright {{& source.name}}.', '{{&'],
  ['{{#source.name}}Copyright {{source.name}}.{{/source.name}}', '{{#'],
  ['{{^source.name}}No source.{{/source.name}}', '{{^'],
  ['Copyright {{/source.name}}.', '{{/'],
  ['Copyright {{! note }}{{source.name}}.', '{{!'],
  ['Copyright {{> footer}}.', '{{>'],
  ['{{=<% %>=}}Copyright <% source.name %>.', '{{='],
  ['Copyright {{source.nmae}}.', '{{source.nmae}}'],
  ['Copyright {{source.name.', '{{source.name.'],
]

type Element = { tag: string; attribs: Record<string, string> }

/** Every element of an HTML string, as a browser's parser would see it. */
export const elementsOf = (html: string): Element[] => {
  const seen: Element[] = []
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    exclusiveFilter: (frame) => {
      seen.push({ tag: frame.tag, attribs: frame.attribs })
      return false
    },
  })
  return seen
}

const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i

/** What in `html` the allow-list does not allow: tags, attributes, unsafe links. Empty when clean. */
export const outsideAllowList = (html: string): string[] => {
  const tags = HTML_ALLOW_LIST.allowedTags as string[]
  const attributes = HTML_ALLOW_LIST.allowedAttributes as Record<string, string[]>
  return elementsOf(html).flatMap(({ tag, attribs }) => [
    ...(tags.includes(tag) ? [] : [`<${tag}>`]),
    ...Object.entries(attribs)
      .filter(([name, value]) => !attributes[tag]?.includes(name) || (name === 'href' && !SAFE_HREF.test(value)))
      .map(([name, value]) => `<${tag} ${name}="${value}">`),
  ])
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' }

/** The text a reader sees in `html`. */
export const textOf = (html: string): string =>
  sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&(?:lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e])
