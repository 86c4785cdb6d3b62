import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'

import type { Captured } from './entry'

type WriteHead = ServerResponse['writeHead']

/**
 * Runs `listener` once, just before the status line and headers go out, however they go (an
 * explicit `writeHead`, or the first write), with the headers given to `writeHead` already set
 * on the response so it sees them all; it may change them. As the `on-headers` package does.
 */
export const beforeHeaders = (res: ServerResponse, listener: () => void): void => {
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse
  let fired = false
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (fired || this.headersSent) return writeHead.call(this, statusCode, ...rest)
    fired = true
    const message = typeof rest[0] === 'string' ? rest[0] : undefined
    const headers = (message === undefined ? rest[0] : rest[1]) as OutgoingHttpHeaders | string[] | undefined
    this.statusCode = statusCode
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1])
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value)
    }
    listener()
    return message === undefined ? writeHead.call(this, this.statusCode) : writeHead.call(this, this.statusCode, message)
  } as WriteHead
}

const toBuffer = (chunk: unknown, encoding: unknown): Buffer | undefined => {
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  if (chunk instanceof Uint8Array) return Buffer.from(chunk)
  return undefined
}

/**
 * Copies what is written to `res` while `wanted()` says so, up to `maxBytes` (a longer body is
 * not kept). Resolves when the response is finished: its status, headers and body, or undefined
 * if it was not wanted, too long, or cut off.
 */
export const captureBody = (res: ServerResponse, { maxBytes, wanted }: { maxBytes: number; wanted: () => boolean }): Promise<Captured | undefined> => {
  const chunks: Buffer[] = []
  let size = 0
  let over = false
  const collect = (chunk: unknown, encoding: unknown) => {
    if (over || !wanted()) return
    const buffer = toBuffer(chunk, encoding)
    if (!buffer) return
    size += buffer.length
    if (size > maxBytes) {
      over = true
      chunks.length = 0
    } else chunks.push(buffer)
  }
  const write = res.write as (...args: unknown[]) => boolean
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0])
    return write.call(this, chunk, ...rest)
  } as ServerResponse['write']
  const end = res.end as (...args: unknown[]) => ServerResponse
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') collect(chunk, rest[0])
    return end.call(this, chunk, ...rest)
  } as ServerResponse['end']

  return new Promise((resolve) => {
    res.once('close', () => {
      if (!res.writableFinished || over || !wanted()) return resolve(undefined)
      const headers: Captured['headers'] = {}
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value : String(value)
      }
      resolve({ status: res.statusCode, headers, body: Buffer.concat(chunks) })
    })
  })
}
