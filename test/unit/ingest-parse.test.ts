/**
 * The wire parsers against hand-written fixtures in all three formats for every source kind,
 * and against malformed input: each bad file fails with a reason that names the problem.
 */
import { describe, expect, it } from '@jest/globals'
import { decodeHTML } from 'entities'

import { calendarDate, parseDateline } from '@/ingest/dateline'
import { formatOf } from '@/ingest/decode'
import { cleanHtml } from '@/ingest/html'
import { externalIdOf } from '@/ingest/identity'
import { parseStory } from '@/ingest/parse'
import { IngestError } from '@/ingest/types'
import { expected, wireFile } from '../helpers/wire'

const blocks = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'gs'))].map((m) => decodeHTML(m[1].replace(/<[^>]+>/g, '')).trim())

describe.each(expected.good)('$file', (want) => {
  const story = parseStory(wireFile(want.file))

  it('reads headline, byline, dateline, section and ids', () => {
    expect(story).toMatchObject({ format: want.format, headline: want.headline, byline: want.byline })
    expect(story.dateline.place).toBe(want.place)
    expect(story.dateline.date).toBe(want.date)
    expect(story.section ?? null).toBe(want.section)
    expect(story.summary ?? null).toBe(want.summary)
    expect(story.wireId ?? null).toBe(want.externalId)
    expect(story.relatedLinks).toEqual(want.relatedLinks)
  })

  it('keeps the body and only the body: paragraphs and subheads, no page furniture', () => {
    const html = cleanHtml(story.bodyHtml)
    const paragraphs = blocks(html, 'p')
    expect(paragraphs).toHaveLength(want.paragraphs)
    expect(blocks(html, 'h2')).toEqual(want.headings)
    expect(paragraphs[0].split(/\s+/).slice(0, 6).join(' ')).toBe(want.firstWords)
    expect(html).not.toMatch(/Subscribe Free|RELATED CONTENT|Related Links|Tweet|GDPR/i)
  })
})

describe.each(expected.bad)('$file', ({ file, reason }) => {
  it(`fails with a reason naming "${reason}"`, () => {
    let error: unknown
    try {
      parseStory(wireFile(file))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(IngestError)
    expect((error as Error).message.toLowerCase()).toContain(reason)
  })
})

describe('formats and encodings', () => {
  it('takes the format from a Content-Type, or refuses it with 415 and the types it knows', () => {
    expect(formatOf({ contentType: 'application/json; charset=utf-8' })).toBe('ninjs')
    expect(formatOf({ contentType: 'application/vnd.iptc.nitf+xml' })).toBe('nitf')
    expect(formatOf({ contentType: 'text/plain' })).toBe('text')
    expect(() => formatOf({ contentType: 'application/pdf' })).toThrow(/unsupported Content-Type "application\/pdf".*text\/plain/)
    expect(() => formatOf({ filename: 'story.docx' })).toThrow(/unknown file type "\.docx"/)
  })

  it('honours an XML encoding declaration, and refuses bytes that are not what is declared', () => {
    const xml = (encoding: string, headline: string) =>
      `<?xml version="1.0" encoding="${encoding}"?><nitf><head><docdata><doc-id id-string="ENC-1"/></docdata></head><body><body.head><hedline><hl1>${headline}</hl1></hedline><distributor>AFP</distributor></body.head><body.content><p>Text.</p></body.content></body></nitf>`
    const latin1 = Buffer.from(xml('ISO-8859-1', 'Café à Kourou'), 'latin1')
    expect(parseStory({ bytes: latin1, filename: 'a.xml' }).headline).toBe('Café à Kourou')
    const lying = Buffer.from(xml('UTF-8', 'Café à Kourou'), 'latin1')
    expect(() => parseStory({ bytes: lying, filename: 'a.xml' })).toThrow(/not valid UTF-8.*declare its encoding/)
    expect(() => parseStory({ bytes: Buffer.from(xml('klingon', 'x')), filename: 'a.xml' })).toThrow(/unknown character encoding "klingon"/)
  })

  it('names the open elements of a truncated NITF file', () => {
    const { bytes } = wireFile('bad/truncated.xml')
    expect(() => parseStory({ bytes, filename: 'x.xml' })).toThrow(/ends inside <nitf> <body>/)
  })

  it('does not read what an external entity points at', () => {
    const { bytes } = wireFile('bad/xxe.xml')
    expect(() => parseStory({ bytes, filename: 'x.xml' })).toThrow(IngestError)
    expect(() => parseStory({ bytes, filename: 'x.xml' })).not.toThrow(/root:/)
  })
})

describe('datelines and ids', () => {
  it('splits place, credit and date, in the forms wires write dates', () => {
    expect(parseDateline('Astana, Kazakhstan (AFP) July 3, 2024')).toEqual({ place: 'Astana, Kazakhstan', credit: 'AFP', date: '2024-07-03' })
    expect(parseDateline('Pasadena CA (SPX) Jul 03, 2024')).toEqual({ place: 'Pasadena CA', credit: 'SPX', date: '2024-07-03' })
    expect(parseDateline('Paris')).toEqual({ place: 'Paris' })
    expect(calendarDate('20240703T231500-0500')).toBe('2024-07-03')
    expect(calendarDate('February 30, 2024')).toBeUndefined()
    expect(calendarDate('soon')).toBeUndefined()
  })

  it("gives a plain page a stable id from credit, headline and date, and keeps a wire's own", () => {
    const page = parseStory(wireFile('good/afp-text.txt'))
    expect(externalIdOf(page)).toMatch(/^AFP-2024-07-09-[0-9a-f]{12}$/)
    expect(externalIdOf(parseStory(wireFile('good/afp-text.txt')))).toBe(externalIdOf(page))
    expect(externalIdOf({ ...page, headline: `${page.headline}!` })).not.toBe(externalIdOf(page))
    const nitf = parseStory(wireFile('good/afp-nitf.xml'))
    expect(externalIdOf(nitf)).toBe(nitf.wireId)
  })
})

describe('cleaning wire HTML', () => {
  it('drops scripts, styles, images, event handlers and javascript: links; keeps text, headings and links', () => {
    const html = cleanHtml(
      '<p onclick="x()">Hi <script>alert(1)</script><img src="http://127.0.0.1/x.png"><a href="javascript:alert(1)">bad</a> <a href="https://ok.example/" style="color:red">ok</a></p><style>p{}</style><hl2>Sub</hl2><p> </p>',
    )
    expect(html).toBe('<p>Hi bad <a href="https://ok.example/">ok</a></p><h2>Sub</h2>')
  })
})
