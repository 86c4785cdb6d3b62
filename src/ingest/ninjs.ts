import { isAbsoluteUrl } from '@wirehouse/payload-plugin-attribution'
import { escapeText } from 'entities'

import { calendarDate, isoTimestamp, withoutBy } from './dateline'
import { cleanHtml, htmlText } from './html'
import { KILL_STATUSES, namedKill } from './kill'
import { fittingLinks } from './links'
import { nitfBody } from './nitf'
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
 * IPTC ninjs 1.x, 2.x and 3.x: `headline`/`headlines`/`headline_*`, `byline`/`by`, `located`,
 * `body_html`/`body_xhtml`/`body_text`/`body_*`/`bodies`, `description_*`/`descriptions`, the
 * rights (`copyrightholder`, `copyrightnotice`, `usageterms`), `uri`, `firstcreated`,
 * `versioncreated` and `infosource(s)`, in lower or camel case; the section is a `subject(s)`
 * entry with `scheme: "section"`.
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
  const keys = Object.keys(doc)
  if (!keys.some((key) => ['uri', 'headline', 'headlines', 'bodies'].includes(key) || key.startsWith('body_') || key.startsWith('headline_'))) {
    throw new IngestError('not a ninjs document: it has none of uri, headline, headlines, body_html, bodies')
  }
  const type = text(doc.type)
  if (type && type !== 'text') throw new IngestError(`ninjs type "${type}" is not a text story`)

  const headline =
    text(doc.headline) ?? text(byRole(list(doc.headlines), 'main')?.value) ?? text(doc.headline_main) ?? patterned(doc, keys, 'headline_')[0]?.value
  const embargoUntil = embargoOf(doc)
  const status = text(field(doc, 'pubstatus'))?.toLowerCase()
  // "withheld" with an embargo is the embargo (Wirehouse's own export writes it so); without one, a withdrawal.
  if (status === 'canceled' || (status === 'withheld' && !embargoUntil)) return killOf(doc, keys, status, headline, deadline)
  if (status && status !== 'usable' && status !== 'withheld') {
    throw new IngestError(`pubstatus "${status}" is not one of usable, withheld, canceled`)
  }
  if (!headline) throw new IngestError('no headline: neither "headline" nor "headlines" holds one')
  const bodyHtml = body(doc, keys, headline, deadline)
  if (!bodyHtml) throw new IngestError('the story has no body: neither "body_html" nor "bodies" holds one')
  const [firstCreated, versionCreated] = [text(field(doc, 'firstcreated')), text(field(doc, 'versioncreated'))]

  return {
    format: 'ninjs',
    wireId: wireIdOf(doc),
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
    summary: summaryOf(doc, keys),
    bodyHtml,
    relatedLinks: linksOf(doc),
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
    ...(embargoUntil ? { embargoUntil } : {}),
  }
}

/** The embargo: 2.x `embargoed`, 3.x `embargoedUntil`. A value that is no date is refused: guessing could publish early. */
const embargoOf = (doc: Json): string | undefined => {
  const value = text(field(doc, 'embargoed', 'embargoedUntil'))
  if (!value) return undefined
  const instant = isoTimestamp(value)
  if (!instant) throw new IngestError(`embargoed "${value.slice(0, 40)}" is not an ISO 8601 date-time: the embargo cannot be read`)
  return instant
}

/**
 * A `canceled` (or `withheld`) item: the story it takes down is the item's own (its wire id and
 * headline); the agency's words are its editorial note, else its description, else its body.
 */
const killOf = (doc: Json, keys: string[], status: (typeof KILL_STATUSES)[number], headline: string | undefined, deadline: Deadline): Story => {
  let bodyText: string | undefined
  try {
    const html = body(doc, keys, headline ?? '', deadline)
    bodyText = html ? htmlText(html) : undefined
  } catch (error) {
    // A kill's body is only its message: one that cannot be read is left out, a time-out is not.
    if (!(error instanceof IngestError) || error.status !== 400) throw error
  }
  const message = text(field(doc, 'ednote')) ?? summaryOf(doc, keys) ?? bodyText
  const kill = namedKill(
    { signal: `pubstatus "${status}"`, wireId: wireIdOf(doc), headline, ...(message ? { message } : {}) },
    'give its "uri" (or an "altids" entry with role "wire") or its "headline"',
  )
  return { format: 'ninjs', wireId: kill.wireId, headline: headline ?? '', dateline: {}, bodyHtml: '', relatedLinks: [], distributors: [], rights: {}, kill }
}

/**
 * The wire's id: an `altids` entry with role `wire` (what Wirehouse's own export carries, so a
 * re-ingested export finds its article), else `uri`.
 */
const wireIdOf = (doc: Json): string | undefined =>
  text(list(field(doc, 'altids')).find((id) => id.role === 'wire')?.value) ?? text(doc.uri)

/** An http(s) URL, else nothing. */
const webUrl = (value: unknown): string | undefined => (isAbsoluteUrl(value) ? value.trim() : undefined)

/**
 * Related links: `associations` that are links to pages (no `type`, or `text`), by their `web`
 * rendition or their `uri`; pictures and other media are not links.
 */
const linksOf = (doc: Json) =>
  fittingLinks(
    list(doc.associations).flatMap((association) => {
      const type = text(association.type)
      if (type && type !== 'text') return []
      const web = list(association.renditions).find((rendition) => rendition.name === 'web')
      const url = webUrl(web?.href) ?? webUrl(association.uri)
      const label = text(association.name) ?? text(association.headline) ?? url
      return url && label ? [{ label, url }] : []
    }),
  )

/** What a body is, best first: rich bodies are kept over plain text. */
const KINDS = ['html', 'nitf', 'plain'] as const
type Kind = (typeof KINDS)[number]
/** A body, a headline or a description, wherever the document put it. */
type Entry = { value: string; role?: string; contentType?: string }

/**
 * ninjs 1.x pattern properties (`headline_main`, `body_xhtml_full`, `description_summary`): the
 * string values of the keys with the prefix, each with its suffix as its role.
 */
const patterned = (doc: Json, keys: string[], prefix: string): Entry[] =>
  keys.flatMap((key) => {
    const value = key.startsWith(prefix) ? text(doc[key]) : undefined
    return value ? [{ value, role: key.slice(prefix.length) }] : []
  })

/** 2.x/3.x `bodies`/`descriptions` entries with their role and content type, in any key spelling. */
const entries = (value: unknown): Entry[] =>
  list(value).flatMap((entry) => {
    const content = text(entry.value)
    return content ? [{ value: content, role: text(entry.role), contentType: text(field(entry, 'contenttype')) }] : []
  })

/**
 * What a body holds, by its content type (or a 1.x key's name: `body_xhtml` is HTML), else by
 * its first characters: NITF (`application/nitf+xml`, `text/xml`, a value opening `<nitf` or
 * `<body.content`) is parsed as NITF, never kept as markup.
 */
const kindOf = ({ value, contentType = '' }: Entry): Kind => {
  const type = contentType.split(';')[0].trim().toLowerCase()
  const start = value.trimStart().slice(0, 16).toLowerCase()
  if (start.startsWith('<nitf') || start.startsWith('<body.content')) return 'nitf'
  if (type.includes('html')) return 'html'
  if (type.includes('nitf') || type.endsWith('xml') || (!type && start.startsWith('<?xml'))) return 'nitf'
  if (type) return 'plain'
  return start.startsWith('<') ? 'html' : 'plain'
}

/** A 1.x `body_*` key's content type from its name. */
const typeOfKey = (suffix: string): string | undefined =>
  suffix.includes('html') ? 'text/html' : suffix.includes('nitf') || suffix.includes('xml') ? 'application/nitf+xml' : suffix.includes('text') ? 'text/plain' : undefined

/** The main entry among several: role `main` (or `full`), else one with no role, else the first. */
const main = (candidates: Entry[]) =>
  candidates.find((entry) => entry.role === 'main' || entry.role === 'full') ?? candidates.find((entry) => !entry.role) ?? candidates[0]

const paragraphs = (plain: string) =>
  plain
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeText(paragraph.trim())}</p>`)
    .join('')

/**
 * The body as clean HTML: an HTML body, else a NITF one, else plain text as paragraphs, whatever
 * their order in the file. A body that yields no text gives way to the next; a NITF body that
 * cannot be read is refused when nothing else is left.
 */
const body = (doc: Json, keys: string[], headline: string, deadline: Deadline): string | undefined => {
  const candidates = [
    ...patterned(doc, keys, 'body_').map((entry) => ({ ...entry, contentType: typeOfKey(entry.role!) })),
    ...entries(doc.bodies),
  ]
  let refusal: IngestError | undefined
  for (const kind of KINDS) {
    const ofKind = candidates.filter((entry) => kindOf(entry) === kind)
    const entry = main(ofKind)
    if (!entry) continue
    try {
      const html =
        kind === 'html' ? cleanHtml(entry.value, { headline }) : kind === 'nitf' ? nitfBody(entry.value, deadline, headline) : paragraphs(entry.value)
      if (html) return html
    } catch (error) {
      // A body over the size limits is refused as it is, not passed over for a smaller one.
      if (!(error instanceof IngestError) || error.status === 413) throw error
      refusal ??= new IngestError(`the NITF body cannot be read: ${error.message}`, error.status)
    }
  }
  if (refusal) throw refusal
  return undefined
}

/** The summary: a `summary` description (or one without a role), as text; an HTML one loses its markup. */
const summaryOf = (doc: Json, keys: string[]): string | undefined => {
  const described = [
    ...(text(doc.description_text) ? [{ value: text(doc.description_text)!, role: 'summary', contentType: 'text/plain' }] : []),
    ...entries(field(doc, 'descriptions')),
    ...patterned(doc, keys, 'description_').map((entry) => ({ ...entry, contentType: typeOfKey(entry.role!) })),
  ].filter((entry) => !entry.role || ['summary', 'text', 'html'].includes(entry.role))
  const entry = described.find((candidate) => candidate.role === 'summary') ?? described[0]
  if (!entry) return undefined
  return kindOf(entry) === 'plain' ? entry.value : htmlText(entry.value)
}
