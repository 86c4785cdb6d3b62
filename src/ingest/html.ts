import type { SanitizedConfig } from 'payload'

import { convertHTMLToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { Window } from 'happy-dom'
import sanitizeHtml from 'sanitize-html'

import { IngestError } from './types'

/** What a wire body may keep: text structure and links. NITF's `hl2` becomes a heading. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'u', 'sub', 'sup', 'br'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    hl1: 'h2',
    hl2: 'h2',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
  },
  exclusiveFilter: (frame) => {
    if (['p', 'h2', 'h3', 'h4'].includes(frame.tag) && !frame.text.trim()) return true
    // A link that lost its href (javascript:, data:) stays as its text, not as an empty link.
    return frame.tag === 'a' && !frame.attribs.href ? 'excludeTag' : false
  },
}

/** Wire HTML reduced to what an article body may hold: no scripts, styles, images or attributes but links. */
export const cleanHtml = (html: string): string => sanitizeHtml(html, SANITIZE).trim()

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

const editorConfigs = new WeakMap<SanitizedConfig, ReturnType<typeof editorConfigFactory.default>>()

/** The clean body as Lexical, by richtext-lexical's own HTML converter and the app's editor config. */
export const toLexical = async (html: string, config: SanitizedConfig) => {
  const clean = cleanHtml(html)
  if (!clean) throw new IngestError('the story has no body text once scripts, styles and empty tags are removed')
  let editorConfig = editorConfigs.get(config)
  if (!editorConfig) editorConfigs.set(config, (editorConfig = editorConfigFactory.default({ config })))
  return convertHTMLToLexical({ editorConfig: await editorConfig, html: clean, JSDOM: SharedDom })
}
