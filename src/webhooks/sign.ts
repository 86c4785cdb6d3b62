import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** A webhook's secret: 32 random bytes, hex, made by the server. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('hex')}`

/** `X-Wirehouse-Signature`: `sha256=` and the hex HMAC-SHA256 of the body's exact bytes with the webhook's secret. */
export const signature = (body: string, secret: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

/** Whether `header` is the body's signature (constant time), as a receiver checks it. */
export const verifySignature = (body: string, secret: string, header: null | string | undefined): boolean => {
  const expected = Buffer.from(signature(body, secret))
  const given = Buffer.from(header ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
