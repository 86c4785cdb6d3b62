/** How the public pages write datelines and where a site's pages live. */
import { describe, expect, it } from '@jest/globals'

import { basePath, datelineText, publicArticleUrl, sitePaths, wireDate } from '@/site/format'

describe('datelines', () => {
  it('prints place, credit and date as the wire does', () => {
    expect(datelineText({ place: 'Astana, Kazakhstan', date: '2024-07-03T00:00:00.000Z' }, 'AFP')).toBe('Astana, Kazakhstan (AFP) July 3, 2024')
  })

  it('leaves out what is missing, and takes the calendar day in UTC', () => {
    expect(datelineText({ date: '2024-07-03T23:30:00.000Z' }, 'NASA')).toBe('(NASA) July 3, 2024')
    expect(datelineText({ place: 'Paris' }, undefined)).toBe('Paris')
    expect(datelineText(null, null)).toBe('')
    expect(wireDate('not a date')).toBeUndefined()
  })
})

describe('site paths', () => {
  it('serves a site from / on its own host and under /s/<domain> elsewhere', () => {
    expect(sitePaths(basePath(true, 'frontierdefense.example')).article('superpowers', 'rival-blocs')).toBe('/superpowers/rival-blocs')
    expect(sitePaths(basePath(true, 'frontierdefense.example')).home).toBe('/')
    const fallback = sitePaths(basePath(false, 'frontierdefense.example'))
    expect(fallback.home).toBe('/s/frontierdefense.example')
    expect(fallback.section('superpowers')).toBe('/s/frontierdefense.example/superpowers')
  })
})

describe('the public URL (the JSON-LD’s url)', () => {
  const section = { slug: 'superpowers' }
  const site = { domain: 'frontierdefense.example' }
  const doc = { slug: 'summit', _status: 'published' }

  it('is the site’s own address of a published article', () => {
    expect(publicArticleUrl({ doc, path: [section, site] })).toBe('https://frontierdefense.example/superpowers/summit')
  })

  it('is none for a draft, or without a section, site or slug', () => {
    expect(publicArticleUrl({ doc: { ...doc, _status: 'draft' }, path: [section, site] })).toBeNull()
    expect(publicArticleUrl({ doc, path: [null, null] })).toBeNull()
    expect(publicArticleUrl({ doc, path: [section, { domain: '' }] })).toBeNull()
    expect(publicArticleUrl({ doc: { _status: 'published' }, path: [section, site] })).toBeNull()
  })
})
