import type { CollectionConfig, Config } from 'payload'

import { describe, expect, it } from '@jest/globals'

import { attributionPlugin } from '../../plugins/attribution'

const config = (): Config =>
  ({
    collections: [
      { slug: 'articles', fields: [{ name: 'headline', type: 'text' }] },
      { slug: 'legal-notices', fields: [{ name: 'body', type: 'richText' }] },
      { slug: 'pages', fields: [] },
    ] as CollectionConfig[],
  }) as Config

const collection = (result: Config, slug: string) => result.collections!.find((c) => c.slug === slug)!

describe('attributionPlugin', () => {
  it('adds the virtual field and the ninjs endpoint to the chosen collections only', () => {
    const result = attributionPlugin()(config()) as Config
    expect(collection(result, 'articles').fields.map((f) => ('name' in f ? f.name : ''))).toEqual(['headline', 'attribution'])
    expect(collection(result, 'articles').endpoints).toEqual([expect.objectContaining({ path: '/:id/ninjs' })])
    expect(collection(result, 'pages').fields).toEqual([])
    expect(result.endpoints).toEqual([expect.objectContaining({ path: '/attribution/preview', method: 'post' })])
    expect(collection(result, 'legal-notices').hooks?.beforeValidate).toHaveLength(1)
  })

  it('honours custom collection slugs', () => {
    const result = attributionPlugin({ collections: ['pages' as never] })(config()) as Config
    expect(collection(result, 'pages').fields.map((f) => ('name' in f ? f.name : ''))).toEqual(['attribution'])
    expect(collection(result, 'articles').fields).toHaveLength(1)
  })

  it('`disabled` keeps the schema but does no work', async () => {
    const result = attributionPlugin({ disabled: true })(config()) as Config
    const field = collection(result, 'articles').fields.find((f) => 'name' in f && f.name === 'attribution')!
    expect(field).toMatchObject({ type: 'group', virtual: true })
    const [hook] = (field as { hooks: { afterRead: ((args: unknown) => unknown)[] } }).hooks.afterRead
    expect(await hook({ data: {}, siblingData: {}, req: {} })).toBeNull()
    expect(collection(result, 'legal-notices').hooks?.beforeValidate ?? []).toHaveLength(0)
  })
})
