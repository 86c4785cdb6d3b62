import { calendarDate, isoTimestamp, parseDateline, withoutBy } from './dateline'
import { cleanHtml, htmlText } from './html'
import { KILL_STATUSES, killWordOf, namedKill } from './kill'
import { type Deadline, IngestError, type Kill, NO_DEADLINE, type Story, type WireRights } from './types'
import { attribute, childrenOf, find, innerXml, parseXml, tagOf, textOf, type XmlNode } from './xml'

/**
 * NITF 3.x: `hedline/hl1`, `byline`, `dateline` (text, or `location` and `story.date`),
 * `distributor`, `docdata/doc.copyright@holder`, `docdata/doc-id@id-string`,
 * `pubdata@position.section`, `abstract`, and `body.content` as the body.
 */
export const parseNitf = (xml: string, deadline: Deadline = NO_DEADLINE): Story => {
  const nodes = parseXml(xml, deadline)
  deadline.check()
  const root = nodes.find((node) => !tagOf(node).startsWith('?') && tagOf(node) !== '#text')
  if (!root || tagOf(root) !== 'nitf') {
    throw new IngestError(`not a NITF document: the root element is <${root ? tagOf(root) : 'none'}>, expected <nitf>`)
  }
  const top = childrenOf(root)
  const docdata = find(top, 'head', 'docdata')
  const bodyHead = childrenOf(find(top, 'body', 'body.head'))

  const headline = textOf(find(bodyHead, 'hedline', 'hl1'))
  const docdataNodes = childrenOf(docdata)
  const kill = killOf(docdata, headline, top)
  if (kill) {
    deadline.check()
    return { format: 'nitf', wireId: kill.wireId, headline: headline ?? '', dateline: {}, bodyHtml: '', relatedLinks: [], distributors: [], rights: {}, kill }
  }
  if (!headline) throw new IngestError('no headline: <hedline><hl1> is missing or empty')
  const bodyHtml = cleanHtml(innerXml(find(top, 'body', 'body.content')), { headline })
  if (!bodyHtml) throw new IngestError('the story has no body: <body.content> is missing or empty')
  deadline.check()

  const distributor = textOf(find(bodyHead, 'distributor'))
  const datelineNode = find(bodyHead, 'dateline')
  const issued = attribute(find(docdataNodes, 'date.issue'), 'norm')
  const released = attribute(find(docdataNodes, 'date.release'), 'norm')
  const embargoUntil = embargoOf(docdata, issued, released)
  const storyDate = attribute(find(childrenOf(datelineNode), 'story.date'), 'norm')
  return {
    format: 'nitf',
    wireId: attribute(find(childrenOf(docdata), 'doc-id'), 'id-string'),
    headline,
    byline: bylineOf(find(bodyHead, 'byline')),
    dateline: dateline(datelineNode, issued),
    section: attribute(find(top, 'head', 'pubdata'), 'position.section'),
    summary: textOf(find(bodyHead, 'abstract')),
    bodyHtml,
    relatedLinks: [],
    distributors: distributor ? [distributor] : [],
    rights: rightsOf(docdataNodes),
    // The story's own time when the dateline gives one (a bare day is no time), else this issue's (or release's).
    firstCreated: (storyDate?.includes('T') ? isoTimestamp(storyDate) : undefined) ?? isoTimestamp(issued) ?? isoTimestamp(released) ?? isoTimestamp(storyDate),
    versionCreated: isoTimestamp(issued) ?? isoTimestamp(released),
    ...(embargoUntil ? { embargoUntil } : {}),
  }
}

const isKillStatus = (value: string | undefined): value is (typeof KILL_STATUSES)[number] =>
  KILL_STATUSES.includes(value?.toLowerCase() as never)

/**
 * A kill, by NITF 3.x's news management attributes on `<docdata>` or a headline opening with
 * `KILL`/`WITHDRAWN`: `management-status="canceled|withheld"` cancels the story that
 * `management-doc-idref` names, else this document's own `doc-id`; `management-idref-status`
 * gives the new status of the story `management-doc-idref` names. The message is `<ed-msg info>`,
 * else the body's text, else the abstract.
 */
const killOf = (docdata: XmlNode | undefined, headline: string | undefined, top: XmlNode[]): Kill | undefined => {
  const nodes = childrenOf(docdata)
  const [status, idref, idrefStatus] = ['management-status', 'management-doc-idref', 'management-idref-status'].map((name) => attribute(docdata, name))
  const ownId = attribute(find(nodes, 'doc-id'), 'id-string')
  const word = headline ? killWordOf(headline) : undefined
  let kill: Kill | undefined
  if (isKillStatus(status)) kill = { signal: `management-status="${status}"`, wireId: idref ?? ownId, headline: word ? word.rest || undefined : headline }
  else if (idref && isKillStatus(idrefStatus)) kill = { signal: `management-idref-status="${idrefStatus}"`, wireId: idref, headline: word?.rest || undefined }
  else if (word) kill = { signal: `headline ${word.word}`, wireId: idref, headline: word.rest || undefined }
  if (!kill) return undefined
  const message =
    attribute(find(nodes, 'ed-msg'), 'info') ??
    htmlText(cleanHtml(innerXml(find(top, 'body', 'body.content')))) ??
    textOf(find(childrenOf(find(top, 'body', 'body.head')), 'abstract'))
  return namedKill(
    { ...kill, ...(message ? { message } : {}) },
    'give <docdata management-doc-idref="…">, its <doc-id id-string="…">, or its headline after KILL in <hl1>',
  )
}

/**
 * The embargo: `<date.release norm>` ("date/time document is available to be released") when
 * `<docdata management-status="embargoed">` says so or the release is later than `<date.issue>`.
 * An embargo that is no date is refused: guessing could publish the story early.
 */
const embargoOf = (docdata: XmlNode | undefined, issued: string | undefined, released: string | undefined): string | undefined => {
  const embargoed = attribute(docdata, 'management-status')?.toLowerCase() === 'embargoed'
  const release = isoTimestamp(released)
  const issue = isoTimestamp(issued)
  if (embargoed && !release) {
    throw new IngestError(`management-status="embargoed" needs a <date.release norm="…"> as an ISO 8601 date-time${released ? `, not "${released.slice(0, 40)}"` : ''}`)
  }
  if (!release) return undefined
  return embargoed || (issue && new Date(release) > new Date(issue)) ? release : undefined
}

/**
 * `<doc.copyright year holder>` and `<doc.rights owner agent limitations geography startdate enddate …>`:
 * the holder is the copyright holder, else the rights owner; the notice is the copyright
 * statement the file makes ("© 2025 Holder"); the usage terms are the rights' limitations with
 * where and when they apply and who administers them.
 */
const rightsOf = (docdata: XmlNode[]): WireRights => {
  const copyright = find(docdata, 'doc.copyright')
  const rights = docdata.filter((node) => tagOf(node) === 'doc.rights')
  const holder = attribute(copyright, 'holder') ?? rights.map((node) => attribute(node, 'owner')).find(Boolean)
  const year = attribute(copyright, 'year')
  const terms = rights.map((node) => {
    const [limitations, geography, agent] = ['limitations', 'geography', 'agent'].map((name) => attribute(node, name))
    const [from, to] = ['startdate', 'enddate'].map((name) => calendarDate(attribute(node, name)) ?? attribute(node, name))
    const period = from || to ? [from && `from ${from}`, to && `until ${to}`].filter(Boolean).join(' ') : undefined
    return [limitations, geography && `territory: ${geography}`, period, agent && `rights agent: ${agent}`].filter(Boolean).join('; ')
  })
  return {
    holder,
    notice: attribute(copyright, 'holder') ? `© ${year ? `${year} ` : ''}${attribute(copyright, 'holder')}` : undefined,
    usageTerms: terms.filter(Boolean).join('. ') || undefined,
  }
}

/**
 * NITF's body in a ninjs `bodies` entry (`application/nitf+xml`): a whole `<nitf>` document, its
 * `<body.content>` or `<body>`, as clean HTML.
 */
export const nitfBody = (xml: string, deadline: Deadline = NO_DEADLINE, headline?: string): string => {
  const nodes = parseXml(xml, deadline).filter((node) => !tagOf(node).startsWith('?') && tagOf(node) !== '#text')
  deadline.check()
  const content = bodyContentOf(nodes) ?? nodes[0]
  return cleanHtml(innerXml(content), { headline })
}

/** The first `<body.content>`, looking through `nitf` and `body` only: the body is never deeper. */
const bodyContentOf = (nodes: XmlNode[]): XmlNode | undefined => {
  for (const node of nodes) {
    const tag = tagOf(node)
    if (tag === 'body.content') return node
    const inner = tag === 'nitf' || tag === 'body' ? bodyContentOf(childrenOf(node)) : undefined
    if (inner) return inner
  }
  return undefined
}

/** "BERNARD CONDON and JOSH BOAK" → "Bernard Condon and Josh Boak"; a name in mixed case is left as written. */
const nameCase = (name: string): string => {
  const bare = name.replaceAll(' and ', ' ')
  if (bare !== bare.toUpperCase() || bare === bare.toLowerCase()) return name
  let out = ''
  for (const char of name.toLowerCase()) out += out && /\p{L}/u.test(out.at(-1)!) ? char : char.toUpperCase()
  return out.replaceAll(' And ', ' and ')
}

/**
 * `<byline>By BERNARD CONDON<byttl>AP Business Writer</byttl></byline>` → "Bernard Condon, AP
 * Business Writer": without "by", each job title (`byttl`) after its name and a comma, and a name
 * in capitals (as AP sends it) in title case when a job title marks it as a person's.
 */
const bylineOf = (node: XmlNode | undefined): string | undefined => {
  const children = childrenOf(node)
  const titled = children.some((child) => tagOf(child) === 'byttl')
  // Parts, not one string trimmed again at each title: a byline of many titles costs its length.
  const parts: string[] = []
  let started = false
  for (const child of children) {
    const text = textOf({ part: [child] }) ?? ''
    if (tagOf(child) !== 'byttl') {
      const name: string = started ? text : (withoutBy(text) ?? '')
      parts.push(` ${titled ? nameCase(name) : name}`)
      started ||= Boolean(name.trim())
    } else if (text) {
      // The title follows its name after one comma: the name's trailing spaces and comma go.
      while (parts.length) {
        const last = parts.pop()!.trimEnd().replace(/,$/, '').trimEnd()
        if (last) {
          parts.push(last)
          break
        }
      }
      parts.push(`, ${text}`)
      started = true
    }
  }
  return withoutBy(parts.join('').replace(/^[\s,]+/, ''))
}

/** `<dateline>` holds either `location` and `story.date`, or the wire's one-line dateline. */
const dateline = (node: XmlNode | undefined, issued: string | undefined): Story['dateline'] => {
  const parts = childrenOf(node)
  const location = find(parts, 'location')
  const storyDate = find(parts, 'story.date')
  const fromText = location || storyDate ? {} : parseDateline(textOf(node) ?? '')
  return {
    place: textOf(location) ?? fromText.place,
    credit: fromText.credit,
    date: calendarDate(attribute(storyDate, 'norm')) ?? calendarDate(textOf(storyDate)) ?? fromText.date ?? calendarDate(issued),
  }
}
