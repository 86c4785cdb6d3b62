import sanitizeHtml from 'sanitize-html'

/** Links go to the web or to a mailbox; anything else (javascript:, data:, relative) loses its href. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** A value as HTML text: what a variable becomes inside a notice. */
export const escapeText = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c])

/** Lexical marks strikethrough and underline with inline styles; styles are not allowed, the tags are. */
const decoration: sanitizeHtml.Transformer = (_, attribs) => {
  const style = attribs.style ?? ''
  return { tagName: style.includes('line-through') ? 's' : style.includes('underline') ? 'u' : 'span', attribs: {} }
}

const link: sanitizeHtml.Transformer = (tagName, attribs) => {
  const href = attribs.href?.trim() ?? ''
  const kept: sanitizeHtml.Attributes = {}
  if (SAFE_HREF.test(href)) Object.assign(kept, { href }, attribs.target === '_blank' && { target: '_blank', rel: 'noopener noreferrer' })
  return { tagName, attribs: kept }
}

/**
 * The one allow-list for the HTML the plugin emits (notices in `attribution.html`, ninjs
 * `text/html` bodies) and the host's pages show: what richtext-lexical's converter writes for text,
 * paragraphs, headings, lists, quotes and links, with no `style`, no event attribute, and links to
 * http(s) and mailto only; tables without their styles. Anything else is dropped, its text kept (scripts and styles whole).
 */
export const HTML_ALLOW_LIST: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'br', 'strong', 'em', 's', 'u', 'code', 'sub', 'sup', 'a', 'ul', 'ol', 'li', 'blockquote', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    // Wire copy carries tables (results, budgets); Lexical wraps them in a div.
    ...['div', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  ],
  allowedAttributes: { a: ['href', 'target', 'rel'], ol: ['class'], ul: ['class'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedClasses: { ol: ['list-number'], ul: ['list-bullet', 'list-check'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: link, span: decoration },
}

/** HTML reduced to the allow-list. */
export const sanitizeHtmlOutput = (html: string): string => sanitizeHtml(html, HTML_ALLOW_LIST)
