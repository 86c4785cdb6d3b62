import { describe, expect, it } from '@jest/globals'

import type { NoticeInput, SourceInput } from '../src/types.ts'

import { noticeState } from '../src/noticeState.ts'
import { sourceProblems } from '../src/report.ts'
import { t } from './helpers.ts'

const now = new Date('2026-06-01T00:00:00.000Z')
const notice = (extra: Partial<NoticeInput>): NoticeInput => ({ id: 1, title: 'N', kind: 'gdpr', _status: 'published', ...extra })
const source = (extra: Partial<SourceInput>): SourceInput => ({
  id: 1,
  name: 'Wire',
  code: 'W',
  kind: 'news-agency',
  license: 'copyright',
  copyrightHolder: 'Wire Ltd',
  credit: 'W',
  bylineAliases: ['Wire Staff'],
  ...extra,
})

describe('noticeState', () => {
  it.each([
    [{}, 'in-force'],
    [{ _status: 'draft' as const }, 'draft'],
    [{ deletedAt: '2026-01-01T00:00:00.000Z' }, 'trashed'],
    [{ effectiveFrom: '2026-07-01T00:00:00.000Z' }, 'scheduled'],
    [{ effectiveFrom: '2026-06-01T00:00:00.000Z' }, 'in-force'],
    [{ effectiveUntil: '2026-06-01T00:00:00.000Z' }, 'expired'],
    [{ effectiveUntil: '2026-06-02T00:00:00.000Z' }, 'in-force'],
  ])('%j is %s', (extra, state) => {
    expect(noticeState(notice(extra), now)).toBe(state)
  })
})

describe('sourceProblems', () => {
  it('finds nothing wrong with a complete source', () => {
    expect(sourceProblems(source({}), t)).toEqual([])
  })

  it('names each missing or contradictory rights field', () => {
    expect(sourceProblems(source({ license: 'public-domain', copyrightHolder: 'Someone' }), t)).toEqual([
      'public domain, yet names a copyright holder (Someone)',
    ])
    expect(sourceProblems(source({ copyrightHolder: null, credit: null, bylineAliases: [] }), t)).toEqual([
      'no copyright holder (the publisher’s name is used)',
      'no credit line (the code is used)',
      'no byline alias (the source’s name is used)',
    ])
    expect(sourceProblems(source({ license: null }), t)).toEqual(['no licence (treated as copyright)'])
  })

  it('does not ask staff copy for a holder: it is the publisher’s own', () => {
    expect(sourceProblems(source({ kind: 'staff', copyrightHolder: null }), t)).toEqual([])
  })
})
