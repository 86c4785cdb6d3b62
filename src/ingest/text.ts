import { escapeText } from 'entities'

import { isoTimestamp, parseDateline, withoutBy } from './dateline'
import { killWordOf, namedKill } from './kill'
import { fittingLinks } from './links'
import { type Deadline, IngestError, NO_DEADLINE, type RelatedLink, type Story } from './types'

/** Lines that start the page furniture below a story: nothing from here on is imported. */
const FURNITURE = [/^subscribe free to our daily newsletters$/i, /^tweet$/i, /^related content$/i, /^advertisement$/i]
const RELATED_LINKS = /^related links$/i
const BYLINE = /^by\s+\S/i
const WHITESPACE = /\s/
const LINK = /^https?:\/\/./
/** What may stand between a related link's label and its URL: "Label: https://…", "Label – https://…". */
const isSeparator = (char: string) => char.trim() === '' || char === ':' || char === '–' || char === '-'
/** How far down the page the dateline may be: masthead, section, headline twice, byline, and some slack. */
const HEADER_LINES = 12
/**
 * A line of a wire page is a paragraph at most, a few thousand characters: a longer one is refused
 * with its number. Every pattern here is linear anyway; the cap bounds what one line costs in the
 * code that is not ours (date parsing, slugs, the HTML converter) and between two deadline checks.
 */
export const MAX_LINE_LENGTH = 20_000

const isDateline = ({ credit, date }: Story['dateline']) => Boolean(credit && date)
const isFurniture = (line: string) => FURNITURE.some((pattern) => pattern.test(line))

/**
 * A plain wire page: masthead, section, the headline twice, `by …`, the dateline
 * `Place (CREDIT) Month D, YYYY`, paragraphs with `- Subhead -` lines, then `Related Links`.
 * Everything after the story (newsletter lines, related content, the legal footer) is dropped.
 */
export const parseTextPage = (page: string, deadline: Deadline = NO_DEADLINE): Story => {
  const lines = linesOf(page)
  deadline.check()
  const kill = killPage(lines)
  if (kill) return kill
  const embargoUntil = embargoLine(lines)
  const datelineAt = lines.findIndex((line, i) => i < HEADER_LINES && isDateline(parseDateline(line)))
  if (datelineAt < 0) {
    throw new IngestError('no dateline: expected a line like "Place (CREDIT) Month D, YYYY" under the byline')
  }
  const dateline = parseDateline(lines[datelineAt])
  deadline.check()

  const bylineAt = datelineAt > 0 && BYLINE.test(lines[datelineAt - 1]) ? datelineAt - 1 : datelineAt
  const header = lines.slice(0, bylineAt).filter(Boolean)
  const { headline, section, masthead } = readHeader(header)

  const { body, rest } = untilFurniture(lines.slice(datelineAt + 1))
  const paragraphs = blocks(body)
  if (paragraphs.length === 0) throw new IngestError('the story has no body text under the dateline')
  deadline.check()

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
    rights: {},
    ...(embargoUntil ? { embargoUntil } : {}),
  }
}

/**
 * A kill page: the first line that is not blank is `KILL` or `WITHDRAWN` (a `:` or `-` and the
 * story's name may follow on it); else the next line names the story, by headline or wire id
 * (both are looked for); the lines after it are the agency's message, paragraphs kept.
 */
const killPage = (lines: string[]): Story | undefined => {
  const first = lines.findIndex(Boolean)
  const word = first < 0 ? undefined : killWordOf(lines[first])
  if (!word) return undefined
  let at = first + 1
  let name = word.rest
  if (!name) {
    while (at < lines.length && !lines[at]) at++
    name = lines[at++] ?? ''
  }
  const message = lines.slice(at).join('\n').replace(/\n{3,}/g, '\n\n').trim() || undefined
  const kill = namedKill(
    { signal: word.word, wireId: name || undefined, headline: name || undefined, ...(message ? { message } : {}) },
    `the line after ${word.word} gives the story's headline or wire id`,
  )
  return { format: 'text', headline: name, dateline: {}, bodyHtml: '', relatedLinks: [], distributors: [], rights: {}, kill }
}

/** In capitals, as wires print it, so a headline "Embargo hits exports" is no embargo. */
const EMBARGO = /^EMBARGO(?:ED)?(?:\s+UNTIL)?\b\s*:?\s*/

/**
 * "EMBARGOED UNTIL 2025-03-04T10:00:00Z" (or "EMBARGO: …") above the dateline: the embargo, taken
 * out of the header. Its date must be ISO 8601: a date that cannot be read is refused rather than
 * the story published early.
 */
const embargoLine = (lines: string[]): string | undefined => {
  const at = lines.findIndex((line, i) => i < HEADER_LINES && EMBARGO.test(line))
  if (at < 0) return undefined
  const value = lines[at].replace(EMBARGO, '').trim()
  const instant = isoTimestamp(value)
  if (!instant) throw new IngestError(`line ${at + 1}: the embargo "${value.slice(0, 40)}" is not an ISO 8601 date-time (2025-03-04T10:00:00Z)`)
  lines[at] = ''
  return instant
}

/** The page's lines, trimmed; a line over `MAX_LINE_LENGTH` is refused with its number. */
const linesOf = (page: string): string[] =>
  page
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line, i) => {
      if (line.length <= MAX_LINE_LENGTH) return line.trim()
      const [length, limit] = [line.length, MAX_LINE_LENGTH].map((n) => n.toLocaleString('en'))
      throw new IngestError(`line ${i + 1} is ${length} characters long, over the ${limit}-character limit for a line of a wire page`)
    })

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

/** "- Subhead -": a dash and a space, the words, a space and a dash. */
export const subheadOf = (block: string): string | undefined => {
  const framed =
    block.length > 4 && block.startsWith('-') && block.endsWith('-') && WHITESPACE.test(block[1]) && WHITESPACE.test(block.at(-2)!)
  return (framed && block.slice(1, -1).trim()) || undefined
}

const toHtml = (block: string) => {
  const subhead = subheadOf(block)
  return subhead ? `<h2>${escapeText(subhead)}</h2>` : `<p>${escapeText(block)}</p>`
}

/** "Label https://…": the last word is an http(s) URL, and something other than separators is before it. */
export const linkOf = (line: string): RelatedLink | undefined => {
  const url = line.split(WHITESPACE).at(-1)!
  if (url.length === line.length || !LINK.test(url)) return undefined
  const label = withoutSeparators(line.slice(0, line.length - url.length - 1)).trim()
  return label ? { label, url } : undefined
}

/** "Label:" → "Label": what a line ends with before a URL that is not there. */
const withoutSeparators = (line: string) => {
  let end = line.length
  while (end > 0 && isSeparator(line[end - 1])) end--
  return line.slice(0, end)
}

/**
 * "Label https://…" lines up to the first blank line or furniture. A line without a URL (pages
 * often print only the label) is kept as a link with an empty URL for an editor to complete; a
 * bare URL is its own label. A line too long for a label is no link.
 */
const relatedLinks = (lines: string[]): RelatedLink[] => {
  const links: RelatedLink[] = []
  for (const line of lines) {
    if (!line || isFurniture(line)) break
    const link = linkOf(line) ?? (LINK.test(line) && !WHITESPACE.test(line) ? { label: line, url: line } : { label: withoutSeparators(line), url: '' })
    links.push(link)
  }
  return fittingLinks(links)
}
