import { describe, expect, it } from '@jest/globals'

import { toSlug } from '@/fields/slug'

describe('toSlug', () => {
  it.each([
    ['Putin, Xi vie for influence at summit', 'putin-xi-vie-for-influence-at-summit'],
    ['Élysée: talks resume!', 'elysee-talks-resume'],
    ["ESA's EarthCARE returns first images", 'esas-earthcare-returns-first-images'],
    ['  spaces   everywhere  ', 'spaces-everywhere'],
  ])('%s → %s', (input, expected) => {
    expect(toSlug(input)).toBe(expected)
  })

  it('caps the length without a trailing dash', () => {
    const slug = toSlug('word '.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(120)
    expect(slug.endsWith('-')).toBe(false)
  })
})
