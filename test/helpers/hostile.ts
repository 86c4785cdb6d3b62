import { readFileSync } from 'node:fs'
import path from 'node:path'

import { expected, WIRE } from './wire'

/** The size of each crafted line: 100 KB. */
export const HOSTILE_SIZE = 100 * 1024

const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
const around = (head: string, run: string, middle: string, tail: string) => {
  const half = (HOSTILE_SIZE - head.length - middle.length - tail.length) / 2
  return head + fill(run, Math.floor(half)) + middle + fill(run, Math.ceil(half)) + tail
}

/**
 * 100 KB lines built from the attacks recheck reported for the patterns ingest used to have:
 * long runs the pattern could split many ways, then an ending that makes it fail and try them
 * all (a line separator, which `.` does not match, survives the split into lines).
 */
export const HOSTILE_LINES = {
  /** `^(.*?)\s*\(([^()]+)\)\s*(.*)$`: cubic. */
  dateline: around('a', ' ', '(x)', 'x(\u2028)'),
  /** `^-\s+(.+?)\s+-$`: cubic. */
  subhead: around('- ', ' ', 'x', '\u2028-\u2028-'),
  /** `^(.*?)[\s:–-]*\s(https?:\/\/\S+)$`: quadratic. */
  trailingUrl: 'a' + fill(':', HOSTILE_SIZE - 1),
  /** `<!DOCTYPE[^>[]*\[`: quadratic. */
  doctype: fill('<!DOCTYPE', HOSTILE_SIZE),
} as const

export type HostileCase = { name: string; filename: string; bytes: Buffer }

const fixture = (file: string) => readFileSync(path.join(WIRE, file), 'utf8')

/** The AFP plain page with `tag` before its headline: a story the database has not seen. */
const afpPage = (tag: string) => {
  const { headline } = expected.good.find((want) => want.file === 'good/afp-text.txt')!
  return fixture('good/afp-text.txt').replaceAll(headline, `${tag} ${headline}`)
}

/**
 * One 100 KB block as lines under `maxLine`, the long runs inside the lines (the parser trims
 * lines, then joins a paragraph's lines with a space): `first`, runs, `last`.
 */
const paragraph = (first: string, run: string, last: string, maxLine: number): string[] => {
  const lines = [first + fill(run, maxLine - first.length - 1) + 'x']
  let size = lines[0].length
  while (size < HOSTILE_SIZE - maxLine) {
    lines.push('x' + fill(run, maxLine - 2) + 'x')
    size += maxLine + 1
  }
  return [...lines, last]
}

/**
 * Whole stories, one per place a crafted line can reach a formerly vulnerable pattern, each with
 * a `tag` in its headline so it is new to the database. Plain pages refuse lines over `maxLine`,
 * so the subhead and related-link attacks also come as 100 KB of lines under it, which the old
 * patterns took quadratic time on (a paragraph that opens like a subhead but does not end like
 * one; links without a space). NITF collapses whitespace, so its 100 KB dateline was never
 * cubic; it is here for the new scanner.
 */
export const hostileStories = (tag: string, maxLine: number): HostileCase[] => {
  const page = afpPage(tag)
  const lines = page.split('\n')
  const dateline = lines.findIndex((line) => line.includes('(AFP)'))
  const related = lines.findIndex((line) => /^related links$/i.test(line.trim()))
  const withLines = (at: number, ...added: string[]) => [...lines.slice(0, at), ...added, ...lines.slice(at)].join('\n')
  const nitf = fixture('good/afp-nitf.xml').replace('<hl1>', `<hl1>${tag} `).replace(/id-string="([^"]+)"/, `id-string="$1-${tag}"`)
  const text = (name: string, body: string): HostileCase => ({ name, filename: `${name}.txt`, bytes: Buffer.from(body) })
  const xml = (name: string, body: string): HostileCase => ({ name, filename: `${name}.xml`, bytes: Buffer.from(body) })
  return [
    text('dateline line', withLines(dateline, HOSTILE_LINES.dateline)),
    text('subhead line', withLines(dateline + 2, HOSTILE_LINES.subhead, '')),
    text('subhead paragraph', withLines(dateline + 2, ...paragraph('- x', ' ', 'x', maxLine), '')),
    text('trailing URL line', withLines(related + 1, HOSTILE_LINES.trailingUrl)),
    text('trailing URL lines', withLines(related + 1, ...paragraph('a', ':', 'a:', maxLine))),
    xml('NITF dateline', nitf.replace(/<dateline>.*?<\/dateline>/s, `<dateline>${HOSTILE_LINES.dateline.replace('\u2028', ' ')}</dateline>`)),
    xml('NITF DOCTYPE', nitf.replace('<nitf', `${HOSTILE_LINES.doctype}\n<nitf`)),
  ]
}

/** An ordinary story of the hostile stories' size in `format`: the fixture with paragraphs repeated. */
export const ordinaryStory = (tag: string, format: 'nitf' | 'text' = 'text'): HostileCase => {
  if (format === 'nitf') {
    const nitf = fixture('good/afp-nitf.xml').replace('<hl1>', `<hl1>${tag} `)
    const paragraph = /<p>.*?<\/p>/s.exec(nitf)![0]
    const extra = paragraph.repeat(Math.ceil((HOSTILE_SIZE - nitf.length) / paragraph.length))
    return { name: 'ordinary NITF', filename: 'ordinary.xml', bytes: Buffer.from(nitf.replace('</body.content>', `${extra}</body.content>`)) }
  }
  const lines = afpPage(tag).split('\n')
  const paragraph = lines.find((line) => line.length > 200)!
  const at = lines.findIndex((line) => line.includes('(AFP)')) + 2
  const extra: string[] = []
  while (lines.join('\n').length + extra.join('\n').length < HOSTILE_SIZE) extra.push(paragraph, '')
  return { name: 'ordinary page', filename: 'ordinary.txt', bytes: Buffer.from([...lines.slice(0, at), ...extra, ...lines.slice(at)].join('\n')) }
}
