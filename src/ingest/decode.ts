import { IngestError, type WireFormat } from './types'

const BY_CONTENT_TYPE: Record<string, WireFormat> = {
  'text/plain': 'text',
  'application/xml': 'nitf',
  'text/xml': 'nitf',
  'application/nitf+xml': 'nitf',
  'application/vnd.iptc.nitf+xml': 'nitf',
  'application/json': 'ninjs',
  'application/ninjs+json': 'ninjs',
  'application/vnd.iptc.ninjs+json': 'ninjs',
}
const BY_EXTENSION: Record<string, WireFormat> = { txt: 'text', text: 'text', xml: 'nitf', nitf: 'nitf', json: 'ninjs' }

/** A story's bytes and what is known about them: a Content-Type (HTTP) or a file name (CLI). */
export type WireInput = { bytes: Uint8Array; contentType?: string; filename?: string }

/** The format a Content-Type or a file extension names. */
export const formatOf = ({ contentType, filename }: Omit<WireInput, 'bytes'>): WireFormat => {
  if (contentType) {
    const type = contentType.split(';')[0].trim().toLowerCase()
    const format = BY_CONTENT_TYPE[type]
    if (!format) {
      throw new IngestError(
        `unsupported Content-Type "${type}": send text/plain (a wire page), application/xml (NITF) or application/json (ninjs)`,
        415,
      )
    }
    return format
  }
  const extension = filename?.split('.').pop()?.toLowerCase() ?? ''
  const format = BY_EXTENSION[extension]
  if (!format) throw new IngestError(`unknown file type ".${extension}": expected .txt (wire page), .xml (NITF) or .json (ninjs)`)
  return format
}

// A BOM or the NUL bytes of ASCII in UTF-16 give UTF-16 away.
const looksUtf16 = (bytes: Uint8Array) =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) ||
  (bytes[0] === 0xfe && bytes[1] === 0xff) ||
  (bytes.length > 3 && (bytes[0] === 0 || bytes[1] === 0) && (bytes[2] === 0 || bytes[3] === 0))

// An attribute follows whitespace in XML.
const XML_ENCODING = /\sencoding\s*=\s*["']([\w.:-]+)["']/

/** The encoding an XML declaration (`<?xml … encoding="…"?>`) at the very start names. */
const xmlEncoding = (head: string): string | undefined => {
  const text = head.startsWith('\uFEFF') ? head.slice(1) : head
  if (!text.startsWith('<?xml')) return undefined
  const end = text.indexOf('>')
  return XML_ENCODING.exec(end < 0 ? text : text.slice(0, end))?.[1]
}

/**
 * The story's text: UTF-8 (a BOM is dropped), or the encoding an XML declaration or a
 * Content-Type charset names. Anything else is refused with where it went wrong, never guessed.
 */
export const decode = ({ bytes, contentType }: WireInput, format: WireFormat): string => {
  if (bytes.length === 0) throw new IngestError('the file is empty')
  if (looksUtf16(bytes)) throw new IngestError('the file is UTF-16: save it as UTF-8')
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? (format === 'nitf' ? xmlEncoding(head) : undefined)
  const encoding = declared?.toLowerCase() ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false })
  } catch {
    throw new IngestError(`unknown character encoding "${declared}"`)
  }
  try {
    return decoder.decode(bytes)
  } catch {
    const text = new TextDecoder(encoding).decode(bytes)
    const at = text.indexOf('\uFFFD')
    const line = text.slice(0, at).split('\n').length
    throw new IngestError(
      `the file is not valid ${decoder.encoding.toUpperCase()} (line ${line}): save it as UTF-8${format === 'nitf' ? ' or declare its encoding' : ''}`,
    )
  }
}
