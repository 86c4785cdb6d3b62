import { describe, expect, it } from '@jest/globals'

import { ALL_PAGES_TAG } from '@/pageCache/tags'
import { sourceChangeTags, TAGS, tombstonePageTags } from '@/pageCache/vocabulary'
import { type GoneStory, tombstoneOf, tombstoneText } from '@/site/tombstone'

const DAY = 24 * 60 * 60 * 1000
const now = new Date('2026-06-01T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()
const source = (archive: 'allowed' | 'forbidden', maxAgeDays: null | number = 30) => ({ id: 7, name: 'AFP', usage: { maxAgeDays, archive } })
const story = (data: Partial<GoneStory> = {}): GoneStory => ({ id: 1, publishedAt: ago(DAY), dateline: { date: null }, source: source('allowed'), ...data })

describe('tombstones (src/site/tombstone.ts)', () => {
  it('a kill names the source and keeps the agency’s words; a manual withdrawal says withdrawn, without its reason', () => {
    const killed = tombstoneOf(story({ withdrawn: { at: ago(1000), reason: 'kill', message: 'Legal' } }), now)
    expect(killed).toEqual({ id: 1, reason: 'kill', source: { id: 7, name: 'AFP' }, message: 'Legal' })
    expect(tombstoneText(killed!).text).toBe('AFP withdrew this story.')
    const manual = tombstoneOf(story({ withdrawn: { at: ago(1000), reason: 'manual', message: 'Internal' } }), now)
    expect(manual).toMatchObject({ reason: 'manual', message: null })
    expect(tombstoneText(manual!).text).toBe('This story has been withdrawn.')
  })

  it('past its usage window: a tombstone when the archive is allowed, none when forbidden', () => {
    const old = { publishedAt: ago(31 * DAY) }
    const expired = tombstoneOf(story(old), now)
    expect(expired).toMatchObject({ reason: 'expired' })
    expect(tombstoneText(expired!).text).toBe('This story is no longer available under our licence from AFP.')
    expect(tombstoneOf(story({ ...old, source: source('forbidden') }), now)).toBeNull()
  })

  it('public, embargoed, withdrawn before its embargo lifted, or not a published story: no tombstone', () => {
    expect(tombstoneOf(story(), now)).toBeNull()
    expect(tombstoneOf(story({ embargoUntil: new Date(now.getTime() + DAY).toISOString() }), now)).toBeNull()
    expect(tombstoneOf(story({ embargoUntil: new Date(now.getTime() + DAY).toISOString(), withdrawn: { at: ago(1000), reason: 'kill' } }), now)).toBeNull()
    expect(tombstoneOf(null, now)).toBeNull()
  })

  it('a tombstone carries its story’s, site’s and source’s tags; a change of usage terms expires every page', () => {
    expect(tombstonePageTags({ id: 1, source: { id: 7 } }, 3).sort()).toEqual([TAGS.article(1), TAGS.site(3), TAGS.source(7)].sort())
    const before = { id: 7, name: 'AFP', usage: { maxAgeDays: null, archive: 'allowed', note: null } }
    expect(sourceChangeTags(before, { ...before, usage: { ...before.usage, maxAgeDays: 30 } })).toEqual([ALL_PAGES_TAG])
    const limited = { ...before, usage: { maxAgeDays: 30, archive: 'allowed', note: null } }
    expect(sourceChangeTags(limited, { ...limited, usage: { ...limited.usage, archive: 'forbidden' } })).toEqual([ALL_PAGES_TAG])
    // The note is for editors; the archive of an unlimited source changes nothing readers see.
    expect(sourceChangeTags(limited, { ...limited, usage: { ...limited.usage, note: 'x' } })).toEqual([])
    expect(sourceChangeTags(before, { ...before, usage: { ...before.usage, archive: 'forbidden' } })).toEqual([])
  })
})
