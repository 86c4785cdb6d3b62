/** The wire formats Wirehouse reads. */
export const WIRE_FORMATS = ['text', 'nitf', 'ninjs'] as const
export type WireFormat = (typeof WIRE_FORMATS)[number]

/** A related link; `url` is empty when the wire printed only a label (an editor completes it). */
export type RelatedLink = { label: string; url: string }

/** The rights a file states about itself, as received (ninjs `copyrightholder`/`copyrightnotice`/`usageterms` in any spelling, NITF `doc.copyright`/`doc.rights`). */
export type WireRights = { holder?: string; notice?: string; usageTerms?: string }

/**
 * A kill or withdrawal the wire sent: the story it names (by the wire's id, by headline, or
 * both; at least one) and the agency's words. Read by each parser (`kill.ts` says which signals).
 */
export type Kill = {
  /** The signal as the file gave it: `pubstatus "canceled"`, `management-status="withheld"`, `KILL`. */
  signal: string
  wireId?: string
  headline?: string
  message?: string
}

/**
 * One wire story, whatever it arrived as. Parsers fill in what their format carries and leave
 * the rest undefined; nothing here has been matched against the database yet.
 */
export type Story = {
  format: WireFormat
  /** The wire's own id (NITF `doc-id`, ninjs `uri`); plain pages have none. */
  wireId?: string
  headline: string
  /** Without the leading "by": "AFP Staff Writers". */
  byline?: string
  dateline: { place?: string; credit?: string; date?: string }
  section?: string
  summary?: string
  /** Body as HTML: NITF and ninjs bodies come cleaned (`cleanHtml`, a repeated headline dropped); conversion cleans again. */
  bodyHtml: string
  relatedLinks: RelatedLink[]
  /** NITF `distributor`, ninjs `infosource(s)` names. */
  distributors: string[]
  /** The file's own rights statement, as received; empty when it states none. */
  rights: WireRights
  /** The wire's own first-created and version timestamps (ISO 8601 with zone), when the file gives them. */
  firstCreated?: string
  versionCreated?: string
  /** Site name from a plain page's masthead. */
  masthead?: string
  /** Until when the wire embargoes the story (ISO 8601, UTC), when the file says. */
  embargoUntil?: string
  /** Present when the file kills (or withholds) a story instead of sending one. */
  kill?: Kill
}

/** A problem with one story's input: answered as 400, reported per file by the CLI. */
export class IngestError extends Error {
  readonly status: number
  /** For a timeout: settles once the write still in flight has been rolled back. */
  rolledBack?: Promise<unknown>
  constructor(message: string, status = 400) {
    super(message)
    this.name = 'IngestError'
    this.status = status
  }
}

/** The answer to an ingest that ran out of time, wherever it was. */
export const tooSlow = (limitMs: number) => new IngestError(`took longer than ${limitMs / 1000} s; nothing was written`, 504)

/**
 * The time one story has, counted from when its request (or file) started: parsing checks it
 * between its steps, the write is raced against it.
 */
export type Deadline = { at: number; limitMs: number; check: () => void }

export const deadlineOf = (limitMs: number, startedAt = performance.now()): Deadline => {
  const at = startedAt + limitMs
  return {
    at,
    limitMs,
    check: () => {
      if (performance.now() > at) throw tooSlow(limitMs)
    },
  }
}

/** No time limit: parsing a story on its own (tests, benches). */
export const NO_DEADLINE = deadlineOf(Infinity)

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`

/** The refusal of a story over the size limit, with its size when it is known (a file, a whole body). */
export const tooLarge = (limit: number, size?: number) =>
  new IngestError(`the story is ${size === undefined ? '' : `${megabytes(size)}, `}over the ${megabytes(limit)} limit`, 413)
