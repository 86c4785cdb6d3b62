import { createHash } from 'node:crypto'

import type { Story } from './types'

/**
 * Bump when ingest changes what a story becomes, so the next run rewrites what it already has.
 * 2: the fingerprint covers what is written (wire rights and versions included).
 */
const PARSE_VERSION = 2

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/**
 * The wire's own id, else a stable one from credit, headline and date: the same page always
 * gets the same id, so ingesting it again updates the same article.
 */
export const externalIdOf = (story: Story): string => {
  if (story.wireId) return story.wireId
  const credit = story.dateline.credit ?? story.distributors[0] ?? 'WIRE'
  const date = story.dateline.date ?? 'undated'
  const digest = sha256([credit, story.headline, date].join('\n').toLowerCase()).slice(0, 12)
  return `${credit.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}-${date}-${digest}`
}

/**
 * An article's stored fingerprint is two halves of 32 hex digits (the field holds 64):
 * - the story half, of the parsed story and the decisions about it: the same file again is
 *   recognised before its body is converted to Lexical;
 * - the content half, of what is written (Lexical body, wire rights, versions, source, status…),
 *   provenance aside: a different file that comes to the same article (a re-export, another
 *   format of the same story) is recognised once converted, and writes nothing either.
 */
const HALF = 32

export const storyFingerprint = (story: Story, decided: unknown): string =>
  sha256(JSON.stringify([PARSE_VERSION, story, decided])).slice(0, HALF)

/** Lexical gives each link node a random `id` on every conversion: left out, so one body always fingerprints the same. */
function withoutNodeIds(this: Record<string, unknown>, key: string, value: unknown) {
  return key === 'id' && typeof this.type === 'string' && 'version' in this ? undefined : value
}

export const contentFingerprint = (content: unknown): string =>
  sha256(JSON.stringify([PARSE_VERSION, content], withoutNodeIds)).slice(0, HALF)

export const storyHalf = (hash: null | string | undefined) => hash?.slice(0, HALF)
export const contentHalf = (hash: null | string | undefined) => hash?.slice(HALF)
