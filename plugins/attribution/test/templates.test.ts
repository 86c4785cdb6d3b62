/**
 * Notice templates hold text and `{{known.variable}}` placeholders only: values go into the
 * Lexical tree as text before any HTML exists, the HTML passes one allow-list, and every other
 * mustache construct is a problem named at save.
 */
import { describe, expect, it } from '@jest/globals'

import type { NoticeInput, SourceInput } from '../src/types.ts'

import { sanitizeHtmlOutput } from '../src/html.ts'
import { renderBody } from '../src/render.ts'
import { resolveAttribution } from '../src/resolve.ts'
import { problemsIn } from '../src/template.ts'
import { paragraph } from './helpers.ts'
import { BODY_PAYLOADS, outsideAllowList, textOf, VALUE_PAYLOADS } from './xss.ts'

type Node = Record<string, unknown>
const text = (value: string, format = 0): Node => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })
const link = (url: string, children: Node[]): Node => ({
  type: 'link',
  fields: { linkType: 'custom', url, newTab: true },
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 3,
})
const tree = (...children: Node[]) =>
  ({
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: [{ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, textFormat: 0, version: 1 }],
    },
  }) as unknown as NoticeInput['body'] & { root: Node }

const ALL_VARIABLES =
  'Source {{source.name}} / {{source.code}} / {{source.credit}} / {{source.copyrightHolder}}; publisher {{publisher.name}} / {{publisher.jurisdiction}} / {{publisher.copyrightStartYear}}; site {{site.name}}; {{network.url}}; {{year}}.'

const vocabulary = { publisher: { name: '', copyrightStartYear: '', jurisdiction: '' }, year: '', source: { name: '', code: '', credit: '', copyrightHolder: '' }, site: { name: '' } }

const attributionWith = (payload: string) => {
  const source: SourceInput = {
    id: 1,
    name: payload,
    code: payload,
    kind: 'news-agency',
    license: 'copyright',
    copyrightHolder: payload,
    credit: payload,
    bylineAliases: [payload],
  }
  const notice: NoticeInput = {
    id: 1,
    title: 'Copyright',
    kind: 'source-copyright',
    order: 1,
    body: paragraph(ALL_VARIABLES) as unknown as NoticeInput['body'],
    appliesTo: { scope: 'sources', sources: [1] },
    _status: 'published',
  }
  return resolveAttribution({
    article: { source: 1 },
    sources: [source],
    notices: [notice],
    publisher: { name: payload, copyrightStartYear: 1995, jurisdiction: payload },
    variables: { site: { name: payload }, network: { url: payload } },
    at: new Date('2026-01-01T00:00:00Z'),
  })
}

describe('a hostile value in every field that reaches a variable', () => {
  it.each(VALUE_PAYLOADS)('%s: shown as text, no markup outside the allow-list', (payload) => {
    const a = attributionWith(payload)
    expect(outsideAllowList(a.html)).toEqual([])
    expect(a.html).not.toMatch(/<(?!\/?p>)/)
    expect(textOf(a.html)).toBe(a.text)
    expect(a.text.split(payload)).toHaveLength(9)
    // Mustache in a value is never read as mustache.
    expect(a.text).not.toContain('{{publisher')
    expect(a.credit).toBe(payload)
    expect(a.jsonLd.creditText).toBe(payload)
  })
})

describe('notice bodies', () => {
  it.each(BODY_PAYLOADS)('%s: a problem naming %s', (body, named) => {
    const [problem] = problemsIn(tree(text(body)).root, vocabulary)
    expect('construct' in problem ? problem.construct : problem.tag).toBe(named)
  })

  it('markup typed in a body is text', () => {
    const { html, text: plain } = renderBody(tree(text('Copyright <img src=x onerror=alert(1)> <!-- c --> {{source.name}}.')), { source: { name: 'AFP' } })
    expect(outsideAllowList(html)).toEqual([])
    expect(plain).toBe('Copyright <img src=x onerror=alert(1)> <!-- c --> AFP.')
    expect(textOf(html)).toBe(plain)
  })

  it('a mustache comment around a link is refused, and stored ones render as text with the link intact', () => {
    const body = tree(text('Copyright {{! '), link('https://example.com/" onclick="alert(1)', [text('AFP')]), text(' }} {{source.name}}.'))
    expect(problemsIn(body.root, vocabulary)).toEqual([{ kind: 'split', tag: '{{! AFP }}' }])
    const { html } = renderBody(body, { source: { name: '<b>AFP</b>' } })
    expect(outsideAllowList(html)).toEqual([])
    expect(html).toBe(
      '<p>Copyright {{! <a href="https://example.com/&quot; onclick=&quot;alert(1)" target="_blank" rel="noopener noreferrer">AFP</a> }} &lt;b&gt;AFP&lt;/b&gt;.</p>',
    )
  })

  it('a variable cut by formatting is refused; a bold variable is fine and filled as bold text', () => {
    expect(problemsIn(tree(text('{{source.'), text('name}}', 1)).root, vocabulary)).toEqual([{ kind: 'split', tag: '{{source.name}}' }])
    const bold = tree(text('By '), text('{{source.name}}', 1))
    expect(problemsIn(bold.root, vocabulary)).toEqual([])
    expect(renderBody(bold, { source: { name: '<i>AFP</i>' } }).html).toBe('<p>By <strong>&lt;i&gt;AFP&lt;/i&gt;</strong></p>')
  })

  it('a variable in a link URL is refused; links keep http(s) and mailto only', () => {
    expect(problemsIn(tree(link('{{network.url}}', [text('home')])).root, { network: { url: '' } })).toEqual([
      { kind: 'link-url', tag: '{{network.url}}' },
    ])
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/relative', '//evil.example']) {
      const { html } = renderBody(tree(link(url, [text('x')])), {})
      expect(outsideAllowList(html)).toEqual([])
      expect(html).toBe('<p><a>x</a></p>')
    }
    for (const url of ['https://example.com/a?b=1&c=2', 'http://example.com', 'mailto:legal@example.com']) {
      expect(outsideAllowList(renderBody(tree(link(url, [text('x')])), {}).html)).toEqual([])
      expect(renderBody(tree(link(url, [text('x')])), {}).html).toContain('href="')
    }
  })

  it('strikethrough and underline without styles; no style or event attribute survives', () => {
    const { html } = renderBody(tree(text('gone', 4), text('under', 8)), {})
    expect(html).toBe('<p><s>gone</s><u>under</u></p>')
    expect(sanitizeHtmlOutput('<p style="color:red" onclick="x()" class="a">t<img src=x onerror=y><script>z()</script></p>')).toBe('<p>t</p>')
  })

  it('a marker character typed in a body cannot make a slot', () => {
    const { html, text: plain } = renderBody(tree(text('a\uE0000\uE001b {{source.name}}')), { source: { name: 'AFP' } })
    expect(plain).toBe('a0b AFP')
    expect(html).toBe('<p>a0b AFP</p>')
  })
})
