import { createHash } from 'node:crypto'

import type { Story } from './types'

/** Bump when parsing changes what a story becomes, so the next run rewrites what it already has. */
const PARSE_VERSION = 1

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

/** Fingerprint of what would be written: equal fingerprints mean there is nothing to write. */
export const fingerprint = (story: Story, decided: unknown): string => sha256(JSON.stringify([PARSE_VERSION, story, decided]))
