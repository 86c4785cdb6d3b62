import type { LifecycleInput } from '@wirehouse/payload-plugin-attribution'

import { availabilityAt } from '@wirehouse/payload-plugin-attribution'

/** What a tombstone needs of a story readers no longer see, read with `overrideAccess` (`./data.ts`). */
export type GoneStory = LifecycleInput & { id: number; source: null | { id: number; name: string; usage?: null | { archive?: null | string; maxAgeDays?: null | number } } }

/** A story's page once it is gone: why, from which source, and the agency's words on a kill. */
export type Tombstone = { id: number; reason: 'expired' | 'kill' | 'manual'; source: null | { id: number; name: string }; message: null | string }

/** The status a tombstone answers with: the story was here and is gone for good (unless restored). */
export const TOMBSTONE_STATUS = 410

/**
 * PURE. Whether a published story's page is a tombstone at `now`, by the plugin's one rule
 * (`availabilityAt`): withdrawn, for any reason, is a tombstone; past its usage window, only when
 * its source's `usage.archive` is `allowed`. Anything else readers don't see (an embargo, a window
 * ended under `forbidden`) is no tombstone: its page is a 404, as for a story that never existed.
 * A story withdrawn before its embargo lifted was never public: a 404 too.
 */
export const tombstoneOf = (story: GoneStory | null, now: Date): null | Tombstone => {
  if (!story) return null
  const availability = availabilityAt(story, story.source as never, now)
  const source = story.source ? { id: story.source.id, name: story.source.name } : null
  if (availability.state === 'withdrawn') {
    const at = story.withdrawn?.at ? new Date(story.withdrawn.at).getTime() : 0
    if (story.embargoUntil && new Date(story.embargoUntil).getTime() > at) return null
    const reason = availability.reason === 'kill' || availability.reason === 'expired' ? availability.reason : 'manual'
    // Only an agency's kill notice is shown: an officer's reason may be for the newsroom alone.
    return { id: story.id, reason, source, message: reason === 'kill' ? (story.withdrawn?.message ?? null) : null }
  }
  if (availability.state === 'expired' && availability.archive === 'allowed') return { id: story.id, reason: 'expired', source, message: null }
  return null
}

/** The tombstone's heading and sentence. */
export const tombstoneText = ({ reason, source }: Tombstone): { title: string; text: string } => {
  const name = source?.name
  if (reason === 'kill') return { title: 'Story withdrawn', text: `${name ?? 'The agency'} withdrew this story.` }
  if (reason === 'expired') {
    return { title: 'Story no longer available', text: `This story is no longer available under our licence from ${name ?? 'its source'}.` }
  }
  return { title: 'Story withdrawn', text: 'This story has been withdrawn.' }
}
