import { calendarDate, isoTimestamp, parseDateline, withoutBy } from './dateline'
import { type Deadline, IngestError, NO_DEADLINE, type Story, type WireRights } from './types'
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
  if (!headline) throw new IngestError('no headline: <hedline><hl1> is missing or empty')
  const bodyHtml = innerXml(find(top, 'body', 'body.content'))
  if (!bodyHtml.trim()) throw new IngestError('the story has no body: <body.content> is missing or empty')

  const distributor = textOf(find(bodyHead, 'distributor'))
  const docdataNodes = childrenOf(docdata)
  const datelineNode = find(bodyHead, 'dateline')
  const issued = attribute(find(docdataNodes, 'date.issue'), 'norm')
  const released = attribute(find(docdataNodes, 'date.release'), 'norm')
  const storyDate = attribute(find(childrenOf(datelineNode), 'story.date'), 'norm')
  return {
    format: 'nitf',
    wireId: attribute(find(childrenOf(docdata), 'doc-id'), 'id-string'),
    headline,
    byline: withoutBy(textOf(find(bodyHead, 'byline'))),
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
  }
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
    return [limitations, geography && `in ${geography}`, period, agent && `rights agent: ${agent}`].filter(Boolean).join('; ')
  })
  return {
    holder,
    notice: attribute(copyright, 'holder') ? `© ${year ? `${year} ` : ''}${attribute(copyright, 'holder')}` : undefined,
    usageTerms: terms.filter(Boolean).join('. ') || undefined,
  }
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
