/**
 * Ingest fidelity: what each fixture under test/fixtures/wire-fidelity parses to, exactly (ninjs
 * 1.x pattern properties and body_xhtml, 2.x with bodies of several types, 3.x camelCase with a
 * whole HTML document as its body, NITF with byttl, extended dates, a table and media, a plain
 * page whose related links have no URL), and the body's conversion to Lexical with and without
 * the editor's table feature. The fixtures live apart from test/fixtures/wire, which the CLI test
 * ingests whole against the counts in wire-expected.json.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'
import { EXPERIMENTAL_TableFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'

import { cleanHtml, toLexical } from '@/ingest/html'
import { parseNinjs } from '@/ingest/ninjs'
import { parseStory } from '@/ingest/parse'
import { IngestError } from '@/ingest/types'

const parsed = (file: string) => parseStory({ bytes: readFileSync(path.resolve('test/fixtures/wire-fidelity', file)), filename: file })

describe('ninjs 1.x: pattern properties and body_xhtml', () => {
  const story = parsed('ninjs1-patterns.json')

  it('reads headline_main, description_summary and the rights, and takes body_xhtml over body_text', () => {
    expect(story).toEqual({
      format: 'ninjs',
      wireId: 'urn:newsml:wire.example:20230412:WX-0412-07',
      headline: 'Sounding rocket lofts student experiments above Lapland',
      byline: 'Harriet Ostrowski',
      dateline: { place: 'Kiruna, Sweden', date: '2023-04-12' },
      section: 'LAUNCH PAD',
      summary: 'A sounding rocket carried eleven university experiments to 240 kilometres.',
      bodyHtml:
        '<p>A sounding rocket carried eleven student experiments to an altitude of 240 kilometres on Wednesday, the range operator said.</p><p>The payload section landed by parachute<br />about 70 kilometres north of the pad.</p>',
      relatedLinks: [],
      distributors: [],
      rights: {
        holder: 'Wire Example AB',
        notice: 'Copyright 2023 Wire Example AB. All rights reserved.',
        usageTerms: 'Editorial use only. No archiving after 60 days.',
      },
      // No zone in the file: UTC.
      firstCreated: '2023-04-12T08:55:00Z',
      versionCreated: '2023-04-12T09:40:00Z',
    })
  })
})

describe('ninjs 2.x: bodies of several types', () => {
  it('keeps the HTML body, whatever its position, and an HTML summary as text', () => {
    const story = parsed('ninjs2-bodies.json')
    expect(story.headline).toBe('Ion engine passes 10,000-hour endurance test')
    expect(story.bodyHtml).toBe(
      '<p>A xenon ion thruster has run for 10,000 hours in a vacuum chamber, its builder said on Tuesday.</p><h2>Next steps</h2><p>Engineers will now take the engine apart and inspect its grids for erosion.</p>',
    )
    expect(story.summary).toBe('A xenon thruster ran for 10,000 hours without a fault.')
    expect(story).toMatchObject({
      rights: { holder: 'Wire Example AB', usageTerms: 'Subscribers only.' },
      firstCreated: '2024-05-21T13:30:00Z',
      versionCreated: '2024-05-21T14:05:00Z',
      dateline: { place: 'Noordwijk', date: '2024-05-21' },
      distributors: ['WX'],
    })
  })

  it('parses a NITF body as NITF over a plain one: no markup kept, media as a caption, the repeated headline dropped', () => {
    expect(parsed('ninjs2-nitf-body.json').bodyHtml).toBe(
      '<p>Amateur radio operators in three countries heard the <em>Lumo-2</em> beacon again on Wednesday.</p><p><em>The cubesat before launch (Wire Example/Ann Berg)</em></p><p>The team thinks a battery heater failed.</p>',
    )
  })

  const withBodies = (...bodies: object[]) => parseNinjs(JSON.stringify({ uri: 'urn:x', headline: 'Title', bodies }))

  it('takes a value that opens like NITF as NITF, whatever its content type says', () => {
    expect(withBodies({ contenttype: 'text/html', value: '<body.content><p>Fine.</p><media-caption>x</media-caption></body.content>' }).bodyHtml).toBe(
      '<p>Fine.</p><p>x</p>',
    )
  })

  it('falls back to plain text when the only rich body yields nothing; refuses unreadable NITF when nothing else is left', () => {
    expect(withBodies({ contenttype: 'text/html', value: '<img src="x.jpg">' }, { contenttype: 'text/plain', value: 'One.\n\nTwo & three.' }).bodyHtml).toBe(
      '<p>One.</p><p>Two &amp; three.</p>',
    )
    expect(() => withBodies({ contenttype: 'application/nitf+xml', value: '<body.content><p>open' })).toThrow(
      expect.objectContaining({ name: 'IngestError', message: expect.stringMatching(/^the NITF body cannot be read: XML is not well-formed/) }) as never,
    )
    expect(withBodies({ contenttype: 'application/nitf+xml', value: '<body.content><p>open' }, { value: 'Plain.' }).bodyHtml).toBe('<p>Plain.</p>')
  })
})

describe('ninjs 3.x: camelCase, and a whole HTML document as the body', () => {
  const story = parsed('ninjs3-document.json')

  it('reads the rights and times in camelCase', () => {
    expect(story).toMatchObject({
      rights: { holder: 'TT Example News Agency', notice: '© 2025 TT Example News Agency', usageTerms: 'May not be resold.' },
      firstCreated: '2025-03-04T05:10:00Z',
      versionCreated: '2025-03-04T07:45:00Z',
      // The day as the wire wrote it (+01:00).
      dateline: { place: 'Stockholm', date: '2025-03-04' },
      section: 'MILITARY SPACE',
      distributors: ['TX'],
    })
  })

  it('drops head, title, script and the h1 repeating the headline; spaces between spans; figure as a caption; the table kept', () => {
    expect(story.bodyHtml).toBe(
      [
        '<p>Försvar TT</p>',
        '<p><em>A radar satellite in the test hall. (Photo: Erik Lund/TT)</em></p>',
        '<p>The defence procurement agency has ordered two radar satellites able to see through cloud, it said on Tuesday.</p>',
        '<p>Cost: 1.1 billion kronor</p>',
        '<p>Deliveries start in 2027.</p>',
        '<p><em>Planned launches</em></p>',
        '<table><thead><tr><th>Satellite</th><th>Year</th></tr></thead><tbody><tr><td>Radar 1</td><td>2027</td></tr><tr><td>Radar 2</td><td>2028</td></tr></tbody></table>',
      ].join(''),
    )
  })
})

describe('NITF: byttl, extended dates, rights, a table and media', () => {
  const story = parsed('nitf-byttl.xml')

  it('sets the job title apart in the byline, in title case, without "By"', () => {
    expect(story.byline).toBe('Margaret Ellison-Hart, Wire Example Business Writer')
  })

  it('reads extended ISO dates, the copyright and the rights', () => {
    expect(story).toMatchObject({
      wireId: 'WX-20200907-0031',
      dateline: { place: 'London', date: '2020-09-07' },
      firstCreated: '2020-09-07T13:30:00Z',
      versionCreated: '2020-09-07T14:45:26Z',
      rights: {
        holder: 'Wire Example AB',
        notice: '© 2020 Wire Example AB',
        usageTerms: 'No use in advertising; territory: Worldwide; from 2020-09-07 until 2021-09-07; rights agent: Wire Example Licensing',
      },
      summary: 'Premiums for launch cover have risen by a third. Brokers blame three failures.',
    })
  })

  it('keeps media captions and producers out of the paragraphs, and the table as a table', () => {
    expect(story.bodyHtml).toBe(
      [
        '<p>Insurers have raised premiums for satellite launch cover by about a third this year, brokers said on Monday.</p>',
        '<p><em>A launch vehicle on the pad before its failed flight. (Wire Example/Tom Reyes)</em></p>',
        '<p>Three launch failures in twelve months cost the market more than it took in, according to Orbit Brokers.</p>',
        '<p><em>Launch cover premiums</em></p>',
        '<table><tr><th>Year</th><th>Rate</th></tr><tr><td>2019</td><td>6%</td></tr><tr><td>2020</td><td>8%</td></tr></table>',
        '<h2>Fewer insurers</h2>',
        '<p>Some underwriters have left the market altogether.</p>',
      ].join(''),
    )
  })
})

describe('plain pages: related links without a URL', () => {
  it('keeps a label-only line as a link with an empty URL, and "Label:" without its colon', () => {
    expect(parsed('text-unlinked.txt').relatedLinks).toEqual([
      { label: 'Learn about deep space tracking at Frontier Defense', url: '' },
      { label: 'Mission page', url: 'https://www.nasa.example/lunar-tracking' },
      { label: 'Station fact file', url: '' },
    ])
  })
})

describe('cleaning HTML', () => {
  it.each([
    ['adjacent spans', '<p><span>Försvar</span><span>TT</span></p>', '<p>Försvar TT</p>'],
    ['a credit before the next sentence', '<p><span>Photo: TT</span>Next sentence.</p>', '<p>Photo: TT Next sentence.</p>'],
    ['spans inside a word', "<p>NASA<span>'s</span> kilo<span>metre</span></p>", "<p>NASA's kilometre</p>"],
    ['block wrappers', '<div>One</div><div>Two</div>Three', '<p>One</p><p>Two</p><p>Three</p>'],
    ['a figure without a caption', '<figure><img src="x.jpg"></figure><p>Text.</p>', '<p>Text.</p>'],
    ['a figure in a list item', '<ul><li>Item<figure><figcaption>Cap</figcaption></figure></li></ul>', '<ul><li>Item <em>Cap</em></li></ul>'],
    ['a cell with paragraphs and a span', '<table><tr><td><p>a</p><p>b</p></td><td colspan="2" style="x">c</td></tr></table>', '<table><tr><td><p>a</p><p>b</p></td><td colspan="2">c</td></tr></table>'],
    ['an h1 that is not the headline', '<h1>Another title</h1><p>Text.</p>', '<h2>Another title</h2><p>Text.</p>'],
    ['a link without a safe href', '<p><a href="javascript:x()">text</a> <a href="https://ok.example/">ok</a></p>', '<p>text <a href="https://ok.example/">ok</a></p>'],
  ])('%s', (_, html, clean) => {
    expect(cleanHtml(html, { headline: 'The headline' })).toBe(clean)
    expect(cleanHtml(clean)).toBe(clean)
  })

  it('drops a leading heading that repeats the headline, however it is spaced or cased', () => {
    expect(cleanHtml('<h1>  The   HEADLINE </h1><p>Text.</p>', { headline: 'The headline' })).toBe('<p>Text.</p>')
    expect(cleanHtml('<p>Intro.</p><h1>The headline</h1>', { headline: 'The headline' })).toBe('<p>Intro.</p><h2>The headline</h2>')
  })

  it('is linear on deep nesting: tags past the limit go, their text stays', () => {
    const deep = `${'<div><span>'.repeat(5_000)}deep${'</span></div>'.repeat(5_000)}`
    const started = performance.now()
    expect(cleanHtml(deep)).toBe('<p>deep</p>')
    expect(performance.now() - started).toBeLessThan(2_000)
  })
})

describe('the body in Lexical', () => {
  const configWith = (features: boolean) =>
    buildConfig({
      secret: 'x'.repeat(32),
      editor: features ? lexicalEditor({ features: ({ defaultFeatures }) => [...defaultFeatures, EXPERIMENTAL_TableFeature()] }) : lexicalEditor(),
      collections: [{ slug: 'articles', fields: [{ name: 'body', type: 'richText' }] }],
      db: undefined as never,
    })
  const types = (node: { type: string; children?: unknown[] }): string[] => [
    node.type,
    ...((node.children ?? []) as { type: string }[]).flatMap((child) => types(child)),
  ]
  const table = '<p><em>Cap</em></p><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>'

  it('keeps a table as a table when the editor has the table feature', async () => {
    const { root } = await toLexical(table, await configWith(true))
    expect(types(root)).toEqual(expect.arrayContaining(['table', 'tablerow', 'tablecell']))
  })

  it('without it, writes each row as a paragraph of cells separated by " | "', async () => {
    const { root } = await toLexical(table, await configWith(false))
    const text = root.children.map((block) => ((block as { children?: { text?: string }[] }).children ?? []).map((t) => t.text).join(''))
    expect(text).toEqual(['Cap', 'A | B', '1 | 2'])
    expect(types(root)).not.toContain('table')
  })

  it('refuses a body with no text', async () => {
    await expect(toLexical('<img src="x.jpg"><p> </p>', await configWith(false))).rejects.toThrow(IngestError)
  })
})
