/**
 * The rights lifecycle's rule, pure: a story's date, the end of its source's usage window, where
 * it stands at a moment (`availabilityAt`), and the query a partial reader's read gets
 * (`availableWhere`), held to agree with `availabilityAt` on every story and moment of a grid by
 * evaluating the `Where` here, as the database would.
 */
import type { Where } from 'payload'

import { describe, expect, it } from '@jest/globals'

import type { Target } from '../src/options.ts'
import type { SourceInput } from '../src/types.ts'

import { availabilityAt, availableWhere, type LifecycleInput, storyDate, windowEnd } from '../src/lifecycle/rule.ts'

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.parse('2026-06-15T12:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()

const source = (id: number, usage: SourceInput['usage'], extra: Partial<SourceInput> = {}): SourceInput => ({ id, name: `Source ${id}`, usage, ...extra })
const UNLIMITED = source(1, null)
const THIRTY = source(2, { maxAgeDays: 30, archive: 'allowed' })
const FORBIDDEN = source(3, { maxAgeDays: 7, archive: 'forbidden' })
const NO_ARCHIVE = source(4, { maxAgeDays: 1 })
const TRASHED = source(5, { maxAgeDays: 1, archive: 'forbidden' }, { deletedAt: iso(T0 - DAY) })
const SOURCES = [UNLIMITED, THIRTY, FORBIDDEN, NO_ARCHIVE, TRASHED]

const FIELDS = { embargoUntil: 'embargoUntil', withdrawn: 'withdrawn', source: 'source', dateline: 'dateline', publishedAt: 'publishedAt' }
const target = (fields: Partial<typeof FIELDS> = {}) => ({ slug: 'articles', hops: [], fields: { ...FIELDS, ...fields } }) as unknown as Target

describe('storyDate', () => {
  it("is the dateline's date, else when the story was published, else none", () => {
    expect(storyDate({ dateline: { date: '2024-01-02T00:00:00.000Z' }, publishedAt: '2025-01-01T00:00:00.000Z' })).toBe('2024-01-02T00:00:00.000Z')
    expect(storyDate({ dateline: { date: null }, publishedAt: '2025-01-01T00:00:00.000Z' })).toBe('2025-01-01T00:00:00.000Z')
    expect(storyDate({ publishedAt: '2025-01-01T00:00:00.000Z' })).toBe('2025-01-01T00:00:00.000Z')
    expect(storyDate({ dateline: null, publishedAt: null })).toBeNull()
    expect(storyDate({})).toBeNull()
  })

  it('is none for a date that is not one', () => {
    expect(storyDate({ dateline: { date: 'not a date' }, publishedAt: '2025-01-01T00:00:00.000Z' })).toBeNull()
  })
})

describe('windowEnd', () => {
  it("is the story's date plus maxAgeDays whole days of 24 hours", () => {
    expect(windowEnd({ dateline: { date: iso(T0) } }, THIRTY)).toEqual(new Date(T0 + 30 * DAY))
    // Across a daylight-saving change it is still 24 h a day: moments are UTC.
    expect(windowEnd({ publishedAt: '2026-03-20T10:00:00.000Z' }, FORBIDDEN)).toEqual(new Date('2026-03-27T10:00:00.000Z'))
  })

  it('is none without a limit, a source, a date, or when the source is in the trash', () => {
    expect(windowEnd({ dateline: { date: iso(T0) } }, UNLIMITED)).toBeNull()
    expect(windowEnd({ dateline: { date: iso(T0) } }, source(9, { maxAgeDays: null, archive: 'forbidden' }))).toBeNull()
    expect(windowEnd({ dateline: { date: iso(T0) } }, null)).toBeNull()
    expect(windowEnd({ dateline: { date: iso(T0) } }, undefined)).toBeNull()
    expect(windowEnd({}, THIRTY)).toBeNull()
    expect(windowEnd({ dateline: { date: iso(T0) } }, TRASHED)).toBeNull()
  })
})

describe('availabilityAt', () => {
  const at = new Date(T0)

  it('public: no limit, nothing until', () => {
    expect(availabilityAt({ publishedAt: iso(T0 - 400 * DAY) }, UNLIMITED, at)).toEqual({ state: 'public', reason: null, since: null, until: null, archive: null })
    expect(availabilityAt({}, null, at)).toEqual({ state: 'public', reason: null, since: null, until: null, archive: null })
  })

  it('public within a window, until its end; expired from its end on, to the millisecond', () => {
    const story = { dateline: { date: iso(T0 - 30 * DAY) } }
    expect(availabilityAt(story, THIRTY, new Date(T0 - 1))).toEqual({ state: 'public', reason: null, since: null, until: iso(T0), archive: 'allowed' })
    expect(availabilityAt(story, THIRTY, at)).toEqual({ state: 'expired', reason: 'expired', since: iso(T0), until: null, archive: 'allowed' })
    expect(availabilityAt({ publishedAt: iso(T0 - 8 * DAY) }, FORBIDDEN, at)).toMatchObject({ state: 'expired', archive: 'forbidden' })
    // A window without an archive policy keeps a tombstone (the default).
    expect(availabilityAt({ publishedAt: iso(T0 - 2 * DAY) }, NO_ARCHIVE, at)).toMatchObject({ state: 'expired', archive: 'allowed' })
  })

  it('embargoed until its moment, public at it', () => {
    const story: LifecycleInput = { embargoUntil: iso(T0), publishedAt: iso(T0 - DAY) }
    expect(availabilityAt(story, UNLIMITED, new Date(T0 - 1))).toEqual({ state: 'embargoed', reason: null, since: null, until: iso(T0), archive: null })
    expect(availabilityAt(story, UNLIMITED, at)).toMatchObject({ state: 'public' })
  })

  it('withdrawn from its moment on, whatever else holds; public before it (time travel)', () => {
    const withdrawn = { at: iso(T0), reason: 'kill' as const, message: 'Legal' }
    const story: LifecycleInput = { withdrawn, embargoUntil: iso(T0 + DAY), publishedAt: iso(T0 - 40 * DAY) }
    expect(availabilityAt(story, THIRTY, at)).toEqual({ state: 'withdrawn', reason: 'kill', since: iso(T0), until: null, archive: 'allowed' })
    expect(availabilityAt({ withdrawn }, UNLIMITED, new Date(T0 - 1))).toMatchObject({ state: 'public' })
    // Without a recorded reason: a manual withdrawal.
    expect(availabilityAt({ withdrawn: { at: iso(T0) } }, UNLIMITED, at)).toMatchObject({ state: 'withdrawn', reason: 'manual' })
    // A cleared withdrawal (a restore) is none.
    expect(availabilityAt({ withdrawn: { at: null, reason: null } }, UNLIMITED, at)).toMatchObject({ state: 'public' })
  })

  it('an embargo wins over an ended window: the story has not been public yet', () => {
    expect(availabilityAt({ embargoUntil: iso(T0 + DAY), publishedAt: iso(T0 - 40 * DAY) }, THIRTY, at)).toMatchObject({ state: 'embargoed' })
  })

  it("a trashed source's terms are gone with it", () => {
    expect(availabilityAt({ publishedAt: iso(T0 - 10 * DAY) }, TRASHED, at)).toMatchObject({ state: 'public', until: null, archive: null })
  })
})

// ---------------------------------------------------------------------------------------------
// availableWhere, evaluated as the database would

type Doc = Record<string, unknown>

const valueAt = (doc: Doc, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Doc)[key] : undefined), doc)
const time = (value: unknown) => new Date(value as string).getTime()

const matches = (doc: Doc, where: Where): boolean =>
  Object.entries(where).every(([key, condition]) => {
    if (key === 'and') return (condition as Where[]).every((w) => matches(doc, w))
    if (key === 'or') return (condition as Where[]).some((w) => matches(doc, w))
    const value = valueAt(doc, key)
    return Object.entries(condition as Record<string, unknown>).every(([op, operand]) => {
      const present = value !== null && value !== undefined
      switch (op) {
        case 'exists':
          return present === operand
        case 'equals':
          return value === operand
        case 'not_in':
          // SQL: a NULL is in no list and out of none.
          return present && !(operand as unknown[]).includes(value)
        case 'less_than_equal':
          return present && time(value) <= time(operand)
        case 'greater_than':
          return present && time(value) > time(operand)
        default:
          throw new Error(`operator ${op} not evaluated here`)
      }
    })
  })

describe('availableWhere', () => {
  const moments = [-DAY, -1000, 0, 1000, 7 * DAY, 30 * DAY, 31 * DAY].map((offset) => T0 + offset)
  const dates = [undefined, T0 - 31 * DAY, T0 - 30 * DAY, T0 - 7 * DAY - 1000, T0 - DAY, T0, T0 + DAY]
  const stories: (Doc & LifecycleInput)[] = []
  for (const src of [null, ...SOURCES]) {
    for (const dated of dates) {
      for (const kind of ['dateline', 'published', 'both'] as const) {
        for (const embargo of [undefined, T0 - 1000, T0, T0 + 1000, T0 + 10 * DAY]) {
          for (const withdrawn of [undefined, T0 - DAY, T0 + DAY]) {
            stories.push({
              source: src?.id ?? null,
              dateline: kind === 'published' ? null : { date: dated === undefined ? null : iso(dated) },
              publishedAt: kind === 'dateline' || dated === undefined ? null : iso(kind === 'both' ? dated + 5 * DAY : dated),
              embargoUntil: embargo === undefined ? null : iso(embargo),
              withdrawn: withdrawn === undefined ? { at: null, reason: null } : { at: iso(withdrawn), reason: 'kill' },
            })
          }
        }
      }
    }
  }

  /** What the rule says an anonymous reader gets at `at`: public then, and never a withdrawn story. */
  const expected = (story: Doc & LifecycleInput, at: Date) =>
    !story.withdrawn?.at && availabilityAt(story, SOURCES.find((s) => s.id === story.source), at).state === 'public'

  it(`agrees with availabilityAt on ${stories.length} stories at ${moments.length} moments`, () => {
    let disagreements = 0
    for (const moment of moments) {
      const at = new Date(moment)
      const where = availableWhere(target(), SOURCES, at)
      for (const story of stories) {
        if (matches(story, where) !== expected(story, at)) {
          disagreements++
          if (disagreements < 5) console.error({ at: iso(moment), story, where: JSON.stringify(where) })
        }
      }
    }
    expect(disagreements).toBe(0)
  })

  it('for a collection without a dateline or without a publication date, on the date it has', () => {
    for (const missing of ['dateline', 'publishedAt'] as const) {
      let disagreements = 0
      for (const moment of moments) {
        const at = new Date(moment)
        const where = availableWhere(target({ [missing]: undefined }), SOURCES, at)
        for (const story of stories) {
          const seen = { ...story, [missing]: undefined }
          if (matches(seen, where) !== expected(seen, at)) disagreements++
        }
      }
      expect({ missing, disagreements }).toEqual({ missing, disagreements: 0 })
    }
  })

  it('without a limited source: only the embargo and the withdrawal', () => {
    expect(availableWhere(target(), [UNLIMITED, TRASHED], new Date(T0))).toEqual({
      and: [
        { or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: iso(T0) } }] },
        { 'withdrawn.at': { exists: false } },
      ],
    })
  })

  it("names each limited source once, with its cutoff, under the collection's field names", () => {
    const where = availableWhere(target({ source: 'agency', embargoUntil: 'holdUntil', withdrawn: 'killed', dateline: 'place', publishedAt: 'firstPublished' }), [THIRTY], new Date(T0))
    const text = JSON.stringify(where)
    for (const name of ['"agency"', '"holdUntil"', '"killed.at"', '"place.date"', '"firstPublished"']) expect(text).toContain(name)
    expect(text).toContain(iso(T0 - 30 * DAY))
    expect(text).not.toMatch(/"(source|embargoUntil|withdrawn\.at|dateline\.date|publishedAt)"/)
  })
})
