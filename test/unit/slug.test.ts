import { describe, expect, it } from '@jest/globals'

import { toSlug, withSuffix } from '@/fields/slug'

describe('toSlug', () => {
  it.each([
    ['Putin, Xi vie for influence at summit', 'putin-xi-vie-for-influence-at-summit'],
    ['Élysée: talks resume!', 'elysee-talks-resume'],
    ["ESA's EarthCARE returns first images", 'esas-earthcare-returns-first-images'],
    ['  spaces   everywhere  ', 'spaces-everywhere'],
  ])('%s → %s', (input, expected) => {
    expect(toSlug(input)).toBe(expected)
  })

  it.each([
    ['中国发射新的载人飞船', 'zhong-guo-fa-she-xin-de-zai-ren-fei-chuan'],
    ['Роскосмос запустил спутник', 'roskosmos-zapustil-sputnik'],
    ['Ελλάδα και διάστημα', 'ellada-kai-diastima'],
    ['서울 우주', 'seoul-uju'],
    // Transliterated, Arabic and Hebrew would lose their vowels: their own letters stay (percent-encoded in a URL).
    ['وكالة الفضاء تطلق قمرا', 'وكالة-الفضاء-تطلق-قمرا'],
    ['סוכנות החלל הישראלית', 'סוכנות-החלל-הישראלית'],
    ['Falcon 9 يطلق', 'falcon-9-يطلق'],
    ['🚀🛰️', '🚀🛰️'],
    ['🚀 Launch day', 'launch-day'],
    ['!!!', 'untitled'],
  ])('keeps a non-Latin title readable: %s → %s', (input, expected) => {
    expect(toSlug(input)).toBe(expected)
    expect(encodeURI(`/s/site/news/${toSlug(input)}`)).toMatch(/^[\x21-\x7e]+$/)
  })

  it('is stable: a slug made again from itself is the same', () => {
    for (const title of ['中国发射新的载人飞船', 'وكالة الفضاء', 'Élysée: talks resume!', '🚀🛰️']) expect(toSlug(toSlug(title))).toBe(toSlug(title))
  })

  it('is never empty for a title with anything in it, and never cuts a character in half', () => {
    expect(toSlug('')).toBe('')
    expect(toSlug('🚀'.repeat(100))).toBe('🚀'.repeat(60))
    // One unit of Arabic, then two-unit pictographs: the 120th unit is the first half of one.
    expect(toSlug(`ي${'🚀'.repeat(100)}`)).toBe(`ي${'🚀'.repeat(59)}`)
  })

  it('makes room for a suffix within the length, never cutting a character in half', () => {
    expect(withSuffix('a-slug', '3f2a')).toBe('a-slug-3f2a')
    const suffixed = withSuffix(toSlug(`ي${'🚀'.repeat(100)}`), '0123456789ab')
    expect(suffixed.length).toBeLessThanOrEqual(120)
    expect(suffixed).toBe(`ي${'🚀'.repeat(53)}-0123456789ab`)
  })

  it('caps the length without a trailing dash', () => {
    const slug = toSlug('word '.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(120)
    expect(slug.endsWith('-')).toBe(false)
  })
})
