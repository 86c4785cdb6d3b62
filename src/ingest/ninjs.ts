import { escapeText } from 'entities'

import { calendarDate, isoTimestamp, withoutBy } from './dateline'
import { type Deadline, IngestError, NO_DEADLINE, type Story } from './types'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
const list = (value: unknown): Json[] => (Array.isArray(value) ? value : value ? [value] : []).filter(isObject)
/** A key folded to compare spellings: "copyrightHolder", "copyrightholder" and "copyright_holder" are one. */
const fold = (key: string) => key.toLowerCase().replaceAll('_', '')
/**
 * ninjs 1.x and 2.x spell keys in lower case, 3.x in camel case, and some feeds with "_": read
 * any. The first of the names the document has wins; among spellings of one name, the first key.
 */
const field = (doc: Json, ...names: string[]): unknown => {
  for (const name of names) {
    if (doc[name] !== undefined) return doc[name]
    const wanted = fold(name)
    const key = Object.keys(doc).find((candidate) => fold(candidate) === wanted && doc[candidate] !== undefined)
    if (key) return doc[key]
  }
  return undefined
}

/** The entry of a `headlines`/`bodies`/`descriptions` array with the given role, else the first. */
const byRole = (entries: Json[], role: string) => entries.find((entry) => entry.role === role) ?? entries[0]

/**
 * IPTC ninjs 1.x, 2.x and 3.x: `headline`/`headlines`, `byline`/`by`, `located`,
 * `body_html`/`bodies`, `copyrightholder`/`copyrightHolder`, `uri`, `versioncreated`,
 * `infosource(s)`/`infoSources`; the section is a `subject(s)` entry with `scheme: "section"`.
 */
export const parseNinjs = (json: string, deadline: Deadline = NO_DEADLINE): Story => {
  let doc: unknown
  try {
    doc = JSON.parse(json)
  } catch (error) {
    throw new IngestError(`invalid JSON (truncated?): ${(error as Error).message}`)
  }
  deadline.check()
  if (!isObject(doc)) throw new IngestError('not a ninjs document: expected a JSON object')
  if (!['uri', 'headline', 'headlines', 'body_html', 'bodies'].some((key) => key in doc)) {
    throw new IngestError('not a ninjs document: it has none of uri, headline, headlines, body_html, bodies')
  }
  const type = text(doc.type)
  if (type && type !== 'text') throw new IngestError(`ninjs type "${type}" is not a text story`)

  const headline = text(doc.headline) ?? text(byRole(list(doc.headlines), 'main')?.value)
  if (!headline) throw new IngestError('no headline: neither "headline" nor "headlines" holds one')
  const bodyHtml = body(doc)
  if (!bodyHtml) throw new IngestError('the story has no body: neither "body_html" nor "bodies" holds one')
  const [firstCreated, versionCreated] = [text(field(doc, 'firstcreated')), text(field(doc, 'versioncreated'))]

  return {
    format: 'ninjs',
    wireId: text(doc.uri),
    headline,
    byline: withoutBy(text(field(doc, 'byline', 'by'))),
    dateline: {
      place: text(doc.located),
      // The story's own day: when it was first written, else this version's.
      date: calendarDate(firstCreated) ?? calendarDate(versionCreated),
    },
    section: text(
      [...list(doc.subject), ...list(doc.subjects)].find((s) => s.scheme === 'section' || s.rel === 'section')?.name,
    ),
    summary:
      text(doc.description_text) ?? text(list(field(doc, 'descriptions')).find((d) => d.role === 'summary')?.value),
    bodyHtml,
    relatedLinks: [],
    distributors: list(field(doc, 'infosource', 'infosources'))
      .map((source) => text(source.name))
      .filter((name): name is string => Boolean(name)),
    rights: {
      holder: text(field(doc, 'copyrightholder')),
      notice: text(field(doc, 'copyrightnotice')),
      usageTerms: text(field(doc, 'usageterms')),
    },
    firstCreated: isoTimestamp(firstCreated),
    versionCreated: isoTimestamp(versionCreated),
  }
}

/** HTML from `body_html` or an HTML body; plain text (`body_text`, a text/plain body) as paragraphs. */
const body = (doc: Json): string | undefined => {
  const html = text(doc.body_html)
  if (html) return html
  const bodies = list(doc.bodies)
  const typeOf = (entry: Json) => String(field(entry, 'contenttype') ?? 'text/plain')
  const htmlBody = bodies.filter((entry) => typeOf(entry).includes('html'))
  if (htmlBody.length) return text(byRole(htmlBody, 'main')?.value)
  const plain = text(doc.body_text) ?? text(byRole(bodies, 'main')?.value)
  return plain
    ?.split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeText(paragraph.trim())}</p>`)
    .join('')
}
