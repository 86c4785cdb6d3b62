/**
 * Crafted 100 KB lines against every pattern ingest used to backtrack on, through the scanners
 * that replaced them and through the parser. No clock here: recheck (`redos.test.ts`) is the proof
 * that the patterns are linear, and `bench/parse.ts` measures the time. The old patterns did not
 * come back from these inputs (cubic: 13 s for a 4 KB dateline, 45 s for a 4 KB subhead).
 */
import { describe, expect, it } from '@jest/globals'

import { toSlug } from '@/fields/slug'
import { parseDateline } from '@/ingest/dateline'
import { cleanHtml, MAX_BODY_ELEMENTS } from '@/ingest/html'
import { parseStory } from '@/ingest/parse'
import { linkOf, MAX_LINE_LENGTH, parseTextPage, subheadOf } from '@/ingest/text'
import { deadlineOf, IngestError } from '@/ingest/types'
import { hasInternalSubset } from '@/ingest/xml'
import { HOSTILE_LINES, HOSTILE_SIZE, hostileStories, ordinaryStory } from '../helpers/hostile'
import { wireFile } from '../helpers/wire'

const outcome = (input: { bytes: Buffer; filename: string }) => {
  try {
    const story = parseStory(input)
    return { headline: story.headline, credit: story.dateline.credit, links: story.relatedLinks.length, html: story.bodyHtml }
  } catch (error) {
    if (error instanceof IngestError) return { status: error.status, message: error.message }
    throw error
  }
}

describe('the scanners on crafted 100 KB lines', () => {
  it('are given lines of 100 KB', () => {
    for (const line of Object.values(HOSTILE_LINES)) expect(line).toHaveLength(HOSTILE_SIZE)
  })

  it('dateline: the first "(…)" with something in it is the credit', () => {
    expect(parseDateline(HOSTILE_LINES.dateline)).toEqual({ place: 'a', credit: 'x', date: undefined })
    expect(parseDateline('Paris (AFP) July 3, 2024')).toEqual({ place: 'Paris', credit: 'AFP', date: '2024-07-03' })
    expect(parseDateline('Paris (()) (AFP) Jul 3, 2024')).toEqual({ place: 'Paris (())', credit: 'AFP', date: '2024-07-03' })
    expect(parseDateline('(' + ' '.repeat(HOSTILE_SIZE))).toEqual({ place: '(' })
  })

  it('subhead: "- words -" only', () => {
    expect(subheadOf(`- x${' '.repeat(HOSTILE_SIZE)}x`)).toBeUndefined()
    expect(subheadOf(`- ${'x '.repeat(HOSTILE_SIZE / 2)}`)).toBeUndefined()
    expect(subheadOf('- Money and jobs -')).toBe('Money and jobs')
    expect(subheadOf('-  -')).toBeUndefined()
  })

  it('trailing URL: the last word, when it is an http(s) URL after a label', () => {
    expect(linkOf(HOSTILE_LINES.trailingUrl)).toBeUndefined()
    expect(linkOf(`${':'.repeat(HOSTILE_SIZE)} https://example.com`)).toBeUndefined()
    expect(linkOf(`Label${' -'.repeat(HOSTILE_SIZE / 2)} https://example.com/x`)).toEqual({ label: 'Label', url: 'https://example.com/x' })
    expect(linkOf('Roscosmos: https://www.roscosmos.ru')).toEqual({ label: 'Roscosmos', url: 'https://www.roscosmos.ru' })
  })

  it('DOCTYPE: an internal subset is a "[" before the DOCTYPE\'s ">"', () => {
    expect(hasInternalSubset(HOSTILE_LINES.doctype)).toBe(false)
    expect(hasInternalSubset(`${HOSTILE_LINES.doctype}[`)).toBe(true)
    expect(hasInternalSubset('<!doctype nitf><nitf>[x]</nitf>')).toBe(false)
    expect(hasInternalSubset('<!DOCTYPE nitf [<!ENTITY x "y">]><nitf/>')).toBe(true)
  })
})

describe('the parser on stories carrying them', () => {
  const stories = Object.fromEntries(hostileStories('hostile', MAX_LINE_LENGTH).map((story) => [story.name, story]))

  it.each(['dateline line', 'subhead line', 'trailing URL line'])(
    'refuses a %s longer than the cap, naming the line and the cap',
    (name) => {
      expect(outcome(stories[name])).toEqual({
        status: 400,
        message: expect.stringMatching(/^line \d+ is 102,400 characters long, over the 20,000-character limit for a line of a wire page$/),
      })
    },
  )

  it('takes 100 KB of subhead-like paragraph under the cap as a paragraph', () => {
    const story = outcome(stories['subhead paragraph'])
    expect(story).toMatchObject({ credit: 'AFP', links: 2 })
    expect((story as { html: string }).html).toMatch(/<p>- x {100,}x/)
  })

  it('takes 100 KB of link-like lines under the cap, and makes no link of them', () => {
    // The block's short last line ("a:") is a label without a URL, kept for an editor like any such line.
    expect(outcome(stories['trailing URL lines'])).toMatchObject({ credit: 'AFP', links: 3 })
  })

  it('reads a 100 KB NITF dateline in one pass', () => {
    expect(outcome(stories['NITF dateline'])).toMatchObject({ credit: 'x' })
  })

  it('refuses 100 KB of DOCTYPEs as XML that is not well-formed', () => {
    expect(outcome(stories['NITF DOCTYPE'])).toEqual({ status: 400, message: expect.stringMatching(/^XML is not well-formed at line 1: Start tag expected/) })
  })

  it('takes an ordinary page of the same size', () => {
    expect(outcome(ordinaryStory('ordinary'))).toMatchObject({ credit: 'AFP', links: 2 })
  })

  it('takes a line of exactly the cap', () => {
    const page = wireFile('good/afp-text.txt').bytes.toString().replace('\n\n', `\n\n${'word '.repeat(MAX_LINE_LENGTH / 5)}\n\n`)
    expect(parseTextPage(page).bodyHtml).toContain('word word')
  })
})

describe('the time limit', () => {
  it('is checked while parsing: past the deadline, the timeout error', () => {
    const spent = deadlineOf(30_000, performance.now() - 31_000)
    for (const file of ['good/afp-text.txt', 'good/afp-nitf.xml', 'good/afp-ninjs1.json']) {
      expect(() => parseStory(wireFile(file), spent)).toThrow(new IngestError('took longer than 30 s; nothing was written', 504))
    }
    expect(parseStory(wireFile('good/afp-text.txt'), deadlineOf(30_000)).format).toBe('text')
  })
})

/** A NITF story with `content` as its body and `byline` as its byline. */
const nitfStory = ({ byline = '', content = '<p>x</p>' }: { byline?: string; content?: string }) => ({
  filename: 'hostile.xml',
  bytes: Buffer.from(
    `<nitf><body><body.head><hedline><hl1>Hostile</hl1></hedline><byline>${byline}</byline></body.head><body.content>${content}</body.content></body></nitf>`,
  ),
})
const timed = <T>(run: () => T): { result: T; ms: number } => {
  const start = performance.now()
  const result = run()
  return { result, ms: performance.now() - start }
}

describe('hostile XML structure', () => {
  const deep = (depth: number, tag = 'block') => `${`<${tag}>`.repeat(depth)}x${`</${tag}>`.repeat(depth)}`

  it.each([
    ['the body', nitfStory({ content: deep(100_000) })],
    ['the byline', nitfStory({ byline: deep(100_000, 'b') })],
  ])('refuses elements nested 100,000 deep in %s as a 400 naming the limit (the parser threw a 500)', (_, story) => {
    expect(outcome(story)).toEqual({ status: 400, message: 'XML is nested more than 100 elements deep' })
  })

  it('refuses the same inside a ninjs NITF body', () => {
    const ninjs = JSON.stringify({ headline: 'Hostile', bodies: [{ contentType: 'application/nitf+xml', value: `<body.content>${deep(100_000)}</body.content>` }] })
    expect(outcome({ filename: 'hostile.json', bytes: Buffer.from(ninjs) })).toEqual({
      status: 400,
      message: 'the NITF body cannot be read: XML is nested more than 100 elements deep',
    })
  })

  it('takes ordinary nesting', () => {
    expect(outcome(nitfStory({ content: deep(40) }))).toMatchObject({ headline: 'Hostile', html: '<p>x</p>' })
  })

  it('refuses entity declarations in a ninjs NITF body (XXE, billion laughs)', () => {
    for (const doctype of ['<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '<!DOCTYPE l [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]>']) {
      const ninjs = JSON.stringify({ headline: 'Hostile', bodies: [{ contentType: 'application/nitf+xml', value: `${doctype}<nitf><body><body.content><p>&x;&b;</p></body.content></body></nitf>` }] })
      expect(outcome({ filename: 'hostile.json', bytes: Buffer.from(ninjs) })).toMatchObject({ status: 400, message: expect.stringContaining('entity expansion is off') })
    }
  })
})

describe('a NITF byline of 50,000 job titles', () => {
  it('is read in linear time (it was rebuilt and trimmed at each title: 80 s for 100,000)', () => {
    const { result, ms } = timed(() => outcome(nitfStory({ byline: 'By JANE ROE<byttl>Writer</byttl> , '.repeat(50_000) })))
    expect(result).toMatchObject({ headline: 'Hostile' })
    expect(ms).toBeLessThan(5_000)
  })

  it('still sets each title after its name and one comma', () => {
    const byline = (xml: string) => parseStory(nitfStory({ byline: xml })).byline
    expect(byline('By BERNARD CONDON<byttl>AP Business Writer</byttl>')).toBe('Bernard Condon, AP Business Writer')
    expect(byline('By JANE ROE ,  <byttl>Writer</byttl><b> , </b><byttl>Editor</byttl>')).toBe('Jane Roe, Writer, Editor')
    expect(byline('By Jane Roe')).toBe('Jane Roe')
  })
})

describe('slugs of hostile headlines', () => {
  it('a headline of 100,000 combining accents has a visible slug (it was 120 accents and nothing to see)', () => {
    expect(toSlug('\u0301'.repeat(100_000))).toBe('untitled')
    expect(toSlug(`\u05E9${'\u05B0'.repeat(100_000)} \u05D0`)).toBe(`\u05E9${'\u05B0'.repeat(8)}-\u05D0`)
    expect(toSlug(`\u05D0 \u0301\u0301 \u05D1`)).toBe('\u05D0-\u05D1')
  })

  it('keeps the marks of real words', () => {
    expect(toSlug('שָׁלוֹם עוֹלָם')).toBe('שָׁלוֹם-עוֹלָם')
    expect(toSlug('Tiếng Việt')).toBe('tieng-viet')
  })

  it('drops direction overrides and zero-width characters, in linear time', () => {
    expect(toSlug('\u202Egnp.exe\u202C news')).toBe('gnpexe-news')
    expect(toSlug('\u202Eخبر عاجل\u202C')).toBe('خبر-عاجل')
    const start = performance.now()
    expect(toSlug(`${'\u200D'.repeat(100_000)}x`)).toBe('x')
    expect(toSlug('ab中ب'.repeat(250_000))).toHaveLength(120)
    expect(performance.now() - start).toBeLessThan(2_000)
  })
})

describe('NUL characters (PostgreSQL refuses them in text: the write was a 500)', () => {
  const ninjs = (doc: object) => ({ filename: 'nul.json', bytes: Buffer.from(JSON.stringify(doc)) })

  it.each([
    ['headline', ninjs({ headline: 'Nul\u0000 headline', body_html: '<p>x</p>' })],
    ['byline', ninjs({ headline: 'Nul', by: 'Jane\u0000Roe', body_html: '<p>x</p>' })],
    ['rights.holder', ninjs({ headline: 'Nul', copyrightholder: 'A\u0000B', body_html: '<p>x</p>' })],
    ['bodyHtml', ninjs({ headline: 'Nul', body_text: 'x\u0000y' })],
  ])('%s: a 400 naming the field', (field, input) => {
    expect(outcome(input)).toEqual({ status: 400, message: `${field}: the story holds a NUL character (\\u0000), which is not text` })
  })
})

describe('the size of a body', () => {
  it(`refuses over ${MAX_BODY_ELEMENTS} elements with a 413 naming the count, and takes the limit`, () => {
    expect(() => cleanHtml('<p>x</p>'.repeat(MAX_BODY_ELEMENTS + 1))).toThrow(
      new IngestError('the body has 10,001 elements (paragraphs, table cells, links…), over the limit of 10,000', 413),
    )
    expect(cleanHtml('<p>x</p>'.repeat(MAX_BODY_ELEMENTS))).toHaveLength(8 * MAX_BODY_ELEMENTS)
  })

  it('a huge HTML body in ninjs is refused, not passed over for a smaller plain one', () => {
    const input = { filename: 'big.json', bytes: Buffer.from(JSON.stringify({ headline: 'Big', bodies: [{ contentType: 'text/html', value: '<p>x</p>'.repeat(20_000) }, { contentType: 'text/plain', value: 'small' }] })) }
    expect(outcome(input)).toMatchObject({ status: 413 })
  })
})
