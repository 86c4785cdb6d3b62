import { createHash } from 'node:crypto'

/**
 * A cached page: its status, the headers Next set and its body, each split at the CSP nonce it
 * was rendered with, so every response it serves gets a fresh one (`stamp`).
 */
export type Entry = {
  status: number
  /** Header name and its value in pieces, to be joined with the response's nonce. */
  headers: [string, string[]][]
  /** The body in pieces, likewise. */
  parts: Buffer[]
  /** Tags the page declared while it rendered (`./tags.ts`). */
  tags: string[]
  /** The tag clock when its render started (`./clock.ts`): a tag expired after that expires it. */
  epoch: number
  /** Weak: the bodies it serves differ by their nonce. */
  etag: string
  /** When it is dropped at the latest (ms since 1970). */
  expiresAt: number
  /** Bytes it holds in memory, roughly. */
  size: number
}

export type Captured = { status: number; headers: Record<string, string | string[]>; body: Buffer }

/** Headers a response gets anew every time, or that the cache sets itself. */
const NOT_STORED = new Set(['cache-control', 'connection', 'content-length', 'date', 'etag', 'keep-alive', 'set-cookie', 'transfer-encoding', 'x-cache'])

const splitBuffer = (body: Buffer, separator: Buffer): Buffer[] => {
  const parts: Buffer[] = []
  let start = 0
  for (let at = body.indexOf(separator); at !== -1; at = body.indexOf(separator, start)) {
    parts.push(body.subarray(start, at))
    start = at + separator.length
  }
  parts.push(body.subarray(start))
  return parts
}

/** The nonce of a page's Content-Security-Policy (`src/security/csp.ts`), if it has one. */
export const nonceOf = (policy: string | undefined): string | undefined => /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy ?? '')?.[1]

/**
 * An entry from a captured response. `keep` names the headers that were on the response before
 * Next saw it (the security headers every response gets from express): those are not stored.
 */
export const toEntry = (
  captured: Captured,
  { keep, tags, epoch, expiresAt }: { keep: (name: string) => boolean; tags: string[]; epoch: number; expiresAt: number },
): Entry => {
  const policy = captured.headers['content-security-policy']
  const nonce = nonceOf(Array.isArray(policy) ? policy.join(', ') : policy)
  const split = (value: string) => (nonce ? value.split(nonce) : [value])
  const headers: [string, string[]][] = []
  for (const [name, value] of Object.entries(captured.headers)) {
    if (NOT_STORED.has(name) || !keep(name)) continue
    for (const one of Array.isArray(value) ? value : [String(value)]) headers.push([name, split(one)])
  }
  // Copied: the captured chunks' memory may be a larger pool's.
  const body = Buffer.from(captured.body)
  const parts = nonce ? splitBuffer(body, Buffer.from(nonce)) : [body]
  const hash = createHash('sha1')
  for (const part of parts) hash.update(part).update('\0nonce\0')
  const etag = `W/"${hash.digest('base64url')}"`
  const headerBytes = headers.reduce((sum, [name, pieces]) => sum + name.length + pieces.join('').length, 0)
  return { status: captured.status, headers, parts, tags, epoch, etag, expiresAt, size: body.length + headerBytes + 256 }
}

/** The entry's headers and body with `nonce` where the rendered one was. */
export const stamp = (entry: Entry, nonce: string): { headers: [string, string][]; body: Buffer } => {
  const separator = Buffer.from(nonce)
  const chunks: Buffer[] = []
  entry.parts.forEach((part, i) => {
    if (i > 0) chunks.push(separator)
    chunks.push(part)
  })
  return { headers: entry.headers.map(([name, pieces]) => [name, pieces.join(nonce)]), body: Buffer.concat(chunks) }
}

type Meta = Omit<Entry, 'parts' | 'size'> & { lengths: number[] }

/** One buffer for Redis: a 4-byte length, the entry's JSON, then its body parts back to back. */
export const serialize = (entry: Entry): Buffer => {
  const { parts, size: _size, ...rest } = entry
  const meta: Meta = { ...rest, lengths: parts.map((part) => part.length) }
  const json = Buffer.from(JSON.stringify(meta))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([length, json, ...parts])
}

/** The entry in `buffer`, or undefined if it is not one `serialize` wrote. */
export const deserialize = (buffer: Buffer): Entry | undefined => {
  try {
    const length = buffer.readUInt32BE(0)
    const { lengths, ...meta } = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8')) as Meta
    const parts: Buffer[] = []
    let at = 4 + length
    for (const part of lengths) {
      parts.push(Buffer.from(buffer.subarray(at, at + part)))
      at += part
    }
    if (at !== buffer.length || !Array.isArray(meta.tags) || !Array.isArray(meta.headers)) return undefined
    return { ...meta, parts, size: buffer.length + 256 }
  } catch {
    return undefined
  }
}
