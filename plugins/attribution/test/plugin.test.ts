import type { CollectionConfig, Config } from 'payload'

import { describe, expect, it } from '@jest/globals'

import { attributionPlugin } from '../src/index.ts'

const config = (): Config =>
  ({
    collections: [
      {
        slug: 'articles',
        fields: [
          { name: 'headline', type: 'text' },
          { name: 'section', type: 'relationship', relationTo: 'sections' },
        ],
      },
      { slug: 'sections', fields: [{ name: 'site', type: 'relationship', relationTo: 'sites' }] },
      { slug: 'sites', fields: [{ name: 'name', type: 'text' }] },
      { slug: 'legal-notices', fields: [{ name: 'body', type: 'richText' }] },
      { slug: 'wire-sources', fields: [{ name: 'name', type: 'text' }] },
      { slug: 'pages', fields: [] },
    ] as CollectionConfig[],
    globals: [{ slug: 'publisher', fields: [] }],
  }) as unknown as Config

const collection = (result: Config, slug: string) => result.collections!.find((c) => c.slug === slug)!
const names = (c: CollectionConfig) => c.fields.map((f) => ('name' in f ? f.name : ''))

describe('attributionPlugin', () => {
  it('adds the virtual field, the preview panel, the hooks and the ninjs endpoint to the chosen collections only', () => {
    const result = attributionPlugin()(config()) as Config
    const articles = collection(result, 'articles')
    expect(names(articles)).toEqual(['headline', 'section', 'attribution', 'attributionPreview'])
    expect(articles.hooks?.beforeOperation).toHaveLength(1)
    expect(articles.hooks?.afterOperation).toHaveLength(1)
    expect(articles.endpoints).toEqual([expect.objectContaining({ path: '/:id/ninjs' })])
    expect(collection(result, 'pages').fields).toEqual([])
    expect(result.endpoints).toEqual([
      expect.objectContaining({ path: '/attribution/preview', method: 'post' }),
      expect.objectContaining({ path: '/attribution/report', method: 'get' }),
    ])
    expect(collection(result, 'legal-notices').endpoints).toEqual([expect.objectContaining({ path: '/:id/reach' })])
    expect(result.admin?.components?.views?.compliance).toMatchObject({ path: '/compliance' })
    expect(collection(result, 'legal-notices').hooks?.beforeValidate).toHaveLength(1)
    // Rule edits inside one request are seen by that request's later reads.
    expect(collection(result, 'wire-sources').hooks?.afterChange).toHaveLength(1)
    expect(result.globals![0].hooks?.afterChange).toHaveLength(1)
  })

  it('honours custom collection slugs', () => {
    const result = attributionPlugin({ collections: ['pages' as never] })(config()) as Config
    expect(names(collection(result, 'pages'))).toEqual(['attribution', 'attributionPreview'])
    expect(collection(result, 'articles').fields).toHaveLength(2)
  })

  it('`disabled` keeps the schema but does no work', () => {
    const result = attributionPlugin({ disabled: true })(config()) as Config
    const articles = collection(result, 'articles')
    expect(articles.fields.find((f) => 'name' in f && f.name === 'attribution')).toMatchObject({ type: 'group', virtual: true })
    expect(articles.hooks?.afterOperation ?? []).toHaveLength(0)
    const panel = articles.fields.find((f) => 'name' in f && f.name === 'attributionPreview') as { admin: { condition?: () => boolean } }
    expect(panel.admin.condition?.()).toBe(false)
    expect(collection(result, 'legal-notices').hooks?.beforeValidate ?? []).toHaveLength(0)
  })

  it('rejects a sitePath that leads nowhere, naming the field', () => {
    expect(() => attributionPlugin({ sitePath: ['section', 'owner'] })(config())).toThrow(/"owner" is not .* of "sections"/)
    expect(() => attributionPlugin({ sitePath: ['headline'] })(config())).toThrow(/"headline"/)
  })

  it('leaves {{site.name}} to the publisher when the default path does not exist', () => {
    const plain = config()
    plain.collections = plain.collections!.filter((c) => c.slug !== 'sections')
    expect(() => attributionPlugin()(plain)).not.toThrow()
  })
})
