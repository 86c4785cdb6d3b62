import { IngestError, type Kill } from './types'

/**
 * Kills and withdrawals, as each format signals them (docs/ingest.md, "Kills and embargoes from
 * the wire"):
 * - ninjs: `pubstatus` (2.x) / `pubStatus` (3.x) `"canceled"`, or `"withheld"` without an embargo
 *   (`embargoed` 2.x / `embargoedUntil` 3.x); the story is the item's own `uri` (or `altids` role
 *   `wire`) and headline; the message its `ednote`/`edNote`, else its description, else its body.
 * - NITF 3.x: `<docdata management-status="canceled|withheld">` (this document cancels the story
 *   `management-doc-idref` names, else its own `doc-id`), `<docdata management-doc-idref="…"
 *   management-idref-status="canceled|withheld">`, or a headline `<hl1>KILL: …</hl1>` /
 *   `WITHDRAWN …`; the message `<ed-msg info="…">`, else the body's text, else the abstract.
 * - Plain pages: a first line `KILL` or `WITHDRAWN` (`:`/`-` and the story's name may follow on
 *   it); else the next line names the story by headline or id; the rest is the agency's message.
 */

/** The words that open a kill's headline or a plain page, in capitals or not. */
export const KILL_WORDS = ['KILL', 'WITHDRAWN'] as const

/** NITF `management-status` and ninjs `pubstatus` values that take a story down. */
export const KILL_STATUSES = ['canceled', 'withheld'] as const

/** `withdrawn.message` holds this many characters: a longer message is kept shortened. */
export const KILL_MESSAGE_MAX_LENGTH = 2000

const isLetter = (char: string | undefined) => char !== undefined && /\p{L}|\p{N}/u.test(char)
const isSeparator = (char: string) => char === ':' || char === '-' || char === '–' || char === '—' || char.trim() === ''

/**
 * "KILL", "Withdrawn: Storm closes port", "KILL - Storm closes port" → the word and what follows
 * it; undefined when the line opens with neither word alone or before a `:` or a dash ("Killer
 * whales", "Kill Devil Hills Gazette" are no kills). A scanner, not a pattern: a hostile line
 * costs its length.
 */
export const killWordOf = (line: string): { word: (typeof KILL_WORDS)[number]; rest: string } | undefined => {
  const text = line.trim()
  const word = KILL_WORDS.find((candidate) => text.slice(0, candidate.length).toUpperCase() === candidate)
  if (!word || isLetter(text[word.length])) return undefined
  let at = word.length
  let marked = false
  for (; at < text.length && isSeparator(text[at]); at++) if (text[at].trim()) marked = true
  const rest = text.slice(at)
  return rest && !marked ? undefined : { word, rest }
}

/** A kill must name the story it takes down: its wire id or its headline. */
export const namedKill = (kill: Kill, where: string): Kill => {
  if (kill.wireId || kill.headline) return kill
  throw new IngestError(`a kill (${kill.signal}) must name the story it takes down: ${where}`)
}
