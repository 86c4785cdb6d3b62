/**
 * Who is anonymous: one home for every layer that must tell (the express body guard, the API's
 * cache headers). A request is signed in, for these purposes, when it carries anything Payload
 * would read an identity from; whether the credentials are valid is Payload's to decide, so this
 * errs on the side of "signed in".
 */

/** The two headers an identity can come in, from express's `req.headers` or a fetch `Headers`. */
export type CredentialHeaders = { authorization?: null | string; cookie?: null | string }

/** A JWT's shape: three base64url parts. Every session cookie Payload sets has it. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/

/** Payload's session cookie: `<config.cookiePrefix>-token`. */
export const sessionCookieName = (cookiePrefix: string) => `${cookiePrefix}-token`

/**
 * `Authorization: JWT …` or `Bearer …` (Payload's JWT strategies), `Authorization: <collection>
 * API-Key …` (its API-key strategy), or the session cookie with a JWT-shaped value.
 */
export const hasCredentials = ({ authorization, cookie }: CredentialHeaders, cookieName: string): boolean => {
  const auth = authorization ?? ''
  if (auth.startsWith('JWT ') || auth.startsWith('Bearer ') || auth.includes(' API-Key ')) return true
  return (cookie ?? '').split(';').some((pair) => {
    const [name, value = ''] = pair.trim().split('=')
    return name === cookieName && JWT_SHAPE.test(value.trim())
  })
}

/** The same, for a fetch `Request`. */
export const isSignedIn = (request: Request, cookieName: string): boolean =>
  hasCredentials({ authorization: request.headers.get('authorization'), cookie: request.headers.get('cookie') }, cookieName)
