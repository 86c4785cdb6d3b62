import { describe, expect, it } from '@jest/globals'

import type { AttributionFieldNames } from '../src/options.ts'
import type { Attribution } from '../src/types.ts'

import { buildNinjs } from '../src/ninjs/build.ts'
import { negotiateNinjs } from '../src/ninjs/negotiate.ts'
import { paragraph } from './helpers.ts'

const fields: AttributionFieldNames = {
  source: 'source',
  embargoUntil: 'embargoUntil',
  withdrawn: 'withdrawn',
  additionalSources: 'additionalSources',
  headline: 'headline',
  byline: 'byline',
  slug: 'slug',
  publishedAt: 'publishedAt',
  dateline: 'dateline',
  summary: 'summary',
  body: 'body',
  section: 'section',
  relatedLinks: 'relatedLinks',
  externalId: 'externalId',
  wireRights: 'wireRights',
}

const attribution = (extra: Partial<Attribution> = {}): Attribution => ({
  credit: 'OIC',
  byline: 'by Ana Lima',
  copyrightHolder: 'Open Images Collective',
  copyrightYear: 2023,
  license: 'cc-by',
  notices: [
    { id: 1, kind: 'advertising', title: 'Ads', text: 'Ads help pay for this site.', html: '' },
    { id: 2, kind: 'source-copyright', title: 'Wire', text: 'Copyright Open Images Collective.', html: '' },
  ],
  text: '',
  html: '',
  jsonLd: { url: 'https://news.example/space/open-images' },
  warnings: [],
  ...extra,
})

const doc = {
  id: 7,
  headline: 'Open images of the comet',
  publishedAt: '2023-05-02T10:00:00.000Z',
  createdAt: '2023-05-01T09:00:00.000Z',
  updatedAt: '2023-05-03T08:00:00.000Z',
  _status: 'published',
  source: { id: 1, name: 'Open Images Collective', code: 'OIC' },
  additionalSources: [3, { id: 4, name: 'European Space Agency', code: 'ESA' }],
  body: paragraph('A comet <b>seen</b> from the station.'),
  relatedLinks: [
    { label: 'Gallery', url: 'https://images.example/comet' },
    { label: 'To complete', url: '' },
    { label: 'Script', url: 'javascript:alert(1)' },
  ],
}

describe('buildNinjs', () => {
  it('writes 3.1 in camelCase and 2.2 in lower case, from the same parts', () => {
    const v31 = buildNinjs({ doc, attribution: attribution(), collection: 'articles', fields, version: '3.1' })
    const v22 = buildNinjs({ doc, attribution: attribution(), collection: 'articles', fields, version: '2.2' })
    expect(v31).toMatchObject({
      uri: 'urn:wirehouse:articles:7',
      firstCreated: '2023-05-02T10:00:00.000Z',
      copyrightHolder: 'Open Images Collective',
      copyrightNotice: 'Copyright Open Images Collective.',
      rightsInfo: { linkedRights: 'https://creativecommons.org/licenses/by/4.0/' },
      by: 'by Ana Lima',
    })
    expect(JSON.stringify(v22)).toBe(JSON.stringify(v31).replace(/"(\w+)":/g, (_, key: string) => `"${key.toLowerCase()}":`).replace('"3.1"', '"2.2"').replace('3.1.json', '2.2.json'))
  })

  it('only sources it can name; the canonical page as a rendition; only related links with a web URL', () => {
    const item = buildNinjs({ doc, attribution: attribution(), collection: 'articles', fields, version: '3.1' })
    expect((item.infoSources as unknown[]).length).toBe(2)
    expect(item.renditions).toEqual([{ name: 'web', href: 'https://news.example/space/open-images', contentType: 'text/html' }])
    expect(item.associations).toEqual([{ name: 'Gallery', uri: 'https://images.example/comet', renditions: [{ name: 'web', href: 'https://images.example/comet' }] }])
    const plain = (item.bodies as { contentType: string; value: string }[]).find((b) => b.contentType === 'text/plain')
    expect(plain?.value).toBe('A comet <b>seen</b> from the station.')
    const html = (item.bodies as { contentType: string; value: string }[]).find((b) => b.contentType === 'text/html')
    expect(html?.value).toBe('<p>A comet &lt;b&gt;seen&lt;/b&gt; from the station.</p>')
  })

  it('a public-domain story without rights notices: no holder and no notice; "© year holder" when there is a holder', () => {
    const publicDomain = buildNinjs({
      doc,
      attribution: attribution({ copyrightHolder: null, license: 'public-domain', notices: [], jsonLd: {} }),
      collection: 'articles',
      fields,
      version: '2.2',
    })
    expect(publicDomain).not.toHaveProperty('copyrightholder')
    expect(publicDomain).not.toHaveProperty('copyrightnotice')
    expect(publicDomain).not.toHaveProperty('renditions')
    expect(publicDomain.usageterms).toMatch(/Public domain/)
    const held = buildNinjs({ doc, attribution: attribution({ notices: [] }), collection: 'articles', fields, version: '2.2' })
    expect(held.copyrightnotice).toBe('© 2023 Open Images Collective')
  })
})

describe('negotiateNinjs', () => {
  it.each([
    [undefined, null, { version: '2.2', ninjsMediaType: false }],
    ['3.1', null, { version: '3.1', ninjsMediaType: false }],
    ['3', null, { version: '3.1', ninjsMediaType: false }],
    ['2.2', 'application/ninjs+json', { version: '2.2', ninjsMediaType: true }],
    [undefined, 'application/ninjs+json; version=3.1', { version: '3.1', ninjsMediaType: true }],
    [undefined, 'application/ninjs+json;version=2.2;q=0.4, application/ninjs+json;version=3.1', { version: '3.1', ninjsMediaType: true }],
    [undefined, 'application/ninjs+json;version=1.0, */*;q=0.1', { version: '2.2', ninjsMediaType: false }],
    [undefined, 'text/html', { version: '2.2', ninjsMediaType: false }],
    [undefined, 'application/ninjs+json;version=1.0', { refused: 406, asked: '1.0' }],
    ['1.6', null, { refused: 406, asked: '1.6' }],
    ['4', null, { refused: 406, asked: '4' }],
    ['3.1.0', null, { refused: 400, asked: '3.1.0' }],
    ['', null, { refused: 400, asked: '' }],
    [['2.2', '3.1'], null, { refused: 400, asked: '["2.2","3.1"]' }],
  ])('?version=%j with Accept %j', (version, accept, expected) => {
    expect(negotiateNinjs(version, accept)).toEqual(expected)
  })
})
