import { DEFAULT_NINJS_VERSION, isNinjsVersion, NINJS_MEDIA_TYPE, type NinjsVersion, SUPPORTED_NINJS_VERSIONS } from './versions.ts'

/**
 * The version a request gets, and whether the answer is labelled `application/ninjs+json`; or why
 * not: 400 for a `?version` that is not a version number, 406 for a version not written here.
 */
export type Negotiation = { version: NinjsVersion; ninjsMediaType: boolean } | { refused: 400 | 406; asked: string }

const isDigits = (part: string) => part.length > 0 && [...part].every((c) => c >= '0' && c <= '9')

/** `3.1`, or a major version alone (`3`: its latest minor); null when `asked` is no version number. */
const versionOf = (asked: string): NinjsVersion | null | undefined => {
  const parts = asked.split('.')
  if (parts.length > 2 || !parts.every(isDigits)) return null
  if (parts.length === 2) return isNinjsVersion(asked) ? asked : undefined
  return SUPPORTED_NINJS_VERSIONS.filter((v) => v.split('.')[0] === asked).at(-1)
}

type Range = { type: string; q: number; version?: string }

const unquote = (value: string) => (value.length > 1 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value)

/** The media ranges of an `Accept` header, most wanted first (ties in the order given). */
const rangesOf = (accept: string): Range[] =>
  accept
    .split(',')
    .map((range): Range => {
      const [type, ...params] = range.split(';')
      const found: Range = { type: type.trim().toLowerCase(), q: 1 }
      for (const param of params) {
        const at = param.indexOf('=')
        if (at < 0) continue
        const key = param.slice(0, at).trim().toLowerCase()
        const value = unquote(param.slice(at + 1).trim())
        if (key === 'q') found.q = Number.isNaN(Number(value)) ? 0 : Number(value)
        if (key === 'version') found.version = value
      }
      return found
    })
    .filter((range) => range.type && range.q > 0)
    .sort((a, b) => b.q - a.q)

/** What a refusal repeats of the request: a long `?version` or `Accept` header is not echoed whole. */
const SHOWN = 60
const shown = (asked: string) => (asked.length > SHOWN ? `${asked.slice(0, SHOWN)}…` : asked)

const ANY_JSON = new Set(['*/*', 'application/*', 'application/json'])

/** The version asked by `?version=` (first) or by `Accept: application/ninjs+json;version=…`, else the default. */
export const negotiateNinjs = (queryVersion: unknown, accept: null | string | undefined): Negotiation => {
  if (queryVersion !== undefined) {
    const asked = typeof queryVersion === 'string' ? queryVersion.trim() : JSON.stringify(queryVersion)
    const version = typeof queryVersion === 'string' ? versionOf(asked) : null
    if (version === null) return { refused: 400, asked: shown(asked) }
    if (version === undefined) return { refused: 406, asked: shown(asked) }
    return { version, ninjsMediaType: Boolean(accept?.toLowerCase().includes(NINJS_MEDIA_TYPE)) }
  }
  const ranges = rangesOf(accept ?? '')
  const ninjs = ranges.filter((range) => range.type === NINJS_MEDIA_TYPE)
  for (const range of ninjs) {
    if (range.version === undefined) return { version: DEFAULT_NINJS_VERSION, ninjsMediaType: true }
    const version = versionOf(range.version)
    if (version) return { version, ninjsMediaType: true }
  }
  if (!ninjs.length || ranges.some((range) => ANY_JSON.has(range.type))) return { version: DEFAULT_NINJS_VERSION, ninjsMediaType: false }
  return { refused: 406, asked: shown(ninjs.map((range) => range.version).join(', ')) }
}
