import { escapeText } from 'entities'

import { parseDateline, withoutBy } from './dateline'
import { IngestError, type RelatedLink, type Story } from './types'

/** Lines that start the page furniture below a story: nothing from here on is imported. */
const FURNITURE = [/^subscribe free to our daily newsletters$/i, /^tweet$/i, /^related content$/i, /^advertisement$/i]
const RELATED_LINKS = /^related links$/i
const SUBHEAD = /^-\s+(.+?)\s+-$/
const BYLINE = /^by\s+\S/i
const URL_AT_END = /^(?<label>.*?)[\s:–-]*\s(?<url>https?:\/\/\S+)$/
/** How far down the page the dateline may be: masthead, section, headline twice, byline, and some slack. */
const HEADER_LINES = 12

const isDateline = ({ credit, date }: Story['dateline']) => Boolean(credit && date)
const isFurniture = (line: string) => FURNITURE.some((pattern) => pattern.test(line))

/**
 * A plain wire page: masthead, section, the headline twice, `by …`, the dateline
 * `Place (CREDIT) Month D, YYYY`, paragraphs with `- Subhead -` lines, then `Related Links`.
 * Everything after the story (newsletter lines, related content, the legal footer) is dropped.
 */
export const parseTextPage = (page: string): Story => {
  const lines = page.replace(/^\uFEFF/, '').split(/\r\n?|\n/).map((line) => line.trim())
  const datelineAt = lines.findIndex((line, i) => i < HEADER_LINES && isDateline(parseDateline(line)))
  if (datelineAt < 0) {
    throw new IngestError('no dateline: expected a line like "Place (CREDIT) Month D, YYYY" under the byline')
  }
  const dateline = parseDateline(lines[datelineAt])

  const bylineAt = datelineAt > 0 && BYLINE.test(lines[datelineAt - 1]) ? datelineAt - 1 : datelineAt
  const header = lines.slice(0, bylineAt).filter(Boolean)
  const { headline, section, masthead } = readHeader(header)

  const { body, rest } = untilFurniture(lines.slice(datelineAt + 1))
  const paragraphs = blocks(body)
  if (paragraphs.length === 0) throw new IngestError('the story has no body text under the dateline')

  return {
    format: 'text',
    headline,
    byline: bylineAt < datelineAt ? withoutBy(lines[bylineAt]) : undefined,
    dateline,
    section,
    masthead,
    bodyHtml: paragraphs.map(toHtml).join(''),
    relatedLinks: relatedLinks(rest),
    distributors: [],
  }
}

/** The headline is the line repeated above the byline; above it, the section and the masthead. */
const readHeader = (header: string[]) => {
  const last = header.length - 1
  if (last >= 1 && header[last] === header[last - 1]) {
    const above = header.slice(0, last - 1)
    return { headline: header[last], section: above.at(-1), masthead: above.length > 1 ? above[0] : undefined }
  }
  if (header.length >= 3) return { headline: header[last], section: header[last - 1], masthead: header[0] }
  throw new IngestError('no headline: expected the headline (printed twice) above the byline and dateline')
}

/** Splits the lines below the dateline into the story and what follows "Related Links". */
const untilFurniture = (lines: string[]) => {
  const end = lines.findIndex((line) => RELATED_LINKS.test(line) || isFurniture(line))
  if (end < 0) return { body: lines, rest: [] }
  return { body: lines.slice(0, end), rest: RELATED_LINKS.test(lines[end]) ? lines.slice(end + 1) : [] }
}

/** Paragraphs are separated by blank lines; a paragraph may wrap over several lines. */
const blocks = (lines: string[]): string[] => {
  const out: string[] = []
  let current: string[] = []
  for (const line of [...lines, '']) {
    if (line) current.push(line)
    else if (current.length) {
      out.push(current.join(' '))
      current = []
    }
  }
  return out
}

const toHtml = (block: string) => {
  const subhead = SUBHEAD.exec(block)
  return subhead ? `<h2>${escapeText(subhead[1])}</h2>` : `<p>${escapeText(block)}</p>`
}

/** "Label https://…" lines up to the first blank line or furniture; a line without a URL is not a link. */
const relatedLinks = (lines: string[]): RelatedLink[] => {
  const links: RelatedLink[] = []
  for (const line of lines) {
    if (!line || isFurniture(line)) break
    const match = URL_AT_END.exec(line)
    if (match?.groups?.label) links.push({ label: match.groups.label.trim(), url: match.groups.url })
  }
  return links
}
