import { calendarDate, parseDateline, withoutBy } from './dateline'
import { type Deadline, IngestError, NO_DEADLINE, type Story } from './types'
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
  return {
    format: 'nitf',
    wireId: attribute(find(childrenOf(docdata), 'doc-id'), 'id-string'),
    headline,
    byline: withoutBy(textOf(find(bodyHead, 'byline'))),
    dateline: dateline(find(bodyHead, 'dateline'), attribute(find(childrenOf(docdata), 'date.issue'), 'norm')),
    section: attribute(find(top, 'head', 'pubdata'), 'position.section'),
    summary: textOf(find(bodyHead, 'abstract')),
    bodyHtml,
    relatedLinks: [],
    distributors: distributor ? [distributor] : [],
    rights: { holder: attribute(find(childrenOf(docdata), 'doc.copyright'), 'holder') },
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
