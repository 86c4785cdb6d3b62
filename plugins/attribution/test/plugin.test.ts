import type { CollectionConfig, Config, Field, GlobalConfig } from 'payload'

import { describe, expect, it } from '@jest/globals'

import { attributionPlugin } from '../src/index.ts'
import { de } from '../src/translations/de.ts'
import { en } from '../src/translations/en.ts'
import { fr } from '../src/translations/fr.ts'

/** A host with articles on sections of sites, and nothing of the plugin's. */
const host = (extra: CollectionConfig[] = []): Config =>
  ({
    collections: [
      {
        slug: 'articles',
        fields: [
          { name: 'headline', type: 'text' },
          { name: 'slug', type: 'text' },
          { name: 'byline', type: 'text' },
          { name: 'publishedAt', type: 'date' },
          {
            name: 'dateline',
            type: 'group',
            fields: [
              { name: 'place', type: 'text' },
              { name: 'date', type: 'date' },
            ],
          },
          { name: 'summary', type: 'textarea' },
          { name: 'body', type: 'richText' },
          { name: 'section', type: 'relationship', relationTo: 'sections' },
        ],
      },
      { slug: 'sections', fields: [{ name: 'site', type: 'relationship', relationTo: 'sites' }] },
      { slug: 'sites', fields: [{ name: 'name', type: 'text' }] },
      { slug: 'posts', fields: [{ name: 'title', type: 'text' }] },
      { slug: 'users', auth: true, fields: [] },
      ...extra,
    ],
  }) as unknown as Config

const collection = (config: Config, slug: string) => config.collections!.find((c) => c.slug === slug)!
const names = (fields: Field[]) => fields.map((f) => ('name' in f ? f.name : f.type))
const named = (fields: Field[], name: string) => fields.find((f) => 'name' in f && f.name === name) as Record<string, any>

describe('attributionPlugin: what it brings', () => {
  it('adds the notices and sources collections and the publisher global, with their fields, review and reach', () => {
    const config = attributionPlugin()(host()) as Config
    const notices = collection(config, 'legal-notices')
    expect(names(notices.fields)).toEqual(['title', 'kind', 'body', 'appliesTo', 'effectiveFrom', 'effectiveUntil', 'order', 'review', 'reach', 'reviewPanel'])
    // `sitePath` leads to `sites`: notices can be kept to sites.
    expect(names(named(notices.fields, 'appliesTo').fields)).toEqual(['scope', 'sourceKinds', 'sources', 'licenses', 'sites'])
    expect(named(named(notices.fields, 'appliesTo').fields, 'sites').relationTo).toBe('sites')
    expect(notices).toMatchObject({ trash: true, versions: { drafts: { validate: true } } })
    expect(notices.endpoints).toEqual([
      expect.objectContaining({ path: '/:id/reach' }),
      ...['submit', 'approve', 'reject'].map((action) => expect.objectContaining({ path: `/:id/review/${action}`, method: 'post' })),
      expect.objectContaining({ path: '/:id/review', method: 'get' }),
    ])
    expect(notices.hooks?.beforeValidate).toHaveLength(1)
    expect(notices.hooks?.beforeChange).toHaveLength(1)
    // Kept for the record; never deleted while another document or version points to it.
    expect(notices.hooks?.beforeDelete).toHaveLength(2)
    // Anonymous reads ignore draft and trash; the review remembers which operation it is in.
    expect(notices.hooks?.beforeOperation).toHaveLength(2)

    const sources = collection(config, 'wire-sources')
    expect(names(sources.fields)).toEqual(['name', 'code', 'kind', 'copyrightHolder', 'license', 'credit', 'bylineAliases', 'usage', 'rightsProposal', 'reviewPanel'])
    expect(named(sources.fields, 'rightsProposal').fields.find((f: Field) => 'name' in f && f.name === 'proposedBy')).toMatchObject({
      relationTo: 'users',
    })
    expect(sources.hooks?.beforeChange).toHaveLength(1)
    expect(sources.hooks?.beforeDelete).toHaveLength(1)
    expect(sources.hooks?.beforeOperation).toHaveLength(2)

    const publisher = config.globals!.find((g) => g.slug === 'publisher') as GlobalConfig
    expect(names(publisher.fields)).toEqual(['name', 'copyrightStartYear', 'jurisdiction'])
    expect(publisher.versions).toBeTruthy()
  })

  it('gives attributed collections their source relationships, the virtual field, the panel, the hooks and the ninjs endpoint', () => {
    const config = attributionPlugin()(host()) as Config
    const articles = collection(config, 'articles')
    expect(names(articles.fields).slice(-8)).toEqual(['source', 'additionalSources', 'embargoUntil', 'withdrawn', 'attribution', 'availability', 'rights', 'attributionPreview'])
    expect(named(articles.fields, 'source')).toMatchObject({ type: 'relationship', relationTo: 'wire-sources' })
    expect(named(articles.fields, 'additionalSources')).toMatchObject({ type: 'relationship', hasMany: true })
    expect(articles.hooks?.beforeOperation).toHaveLength(1)
    // The attribution, then the availability.
    expect(articles.hooks?.afterOperation).toHaveLength(2)
    expect((articles.endpoints || []).map((e) => e.path)).toEqual(['/ninjs', '/:id/ninjs', '/:id/withdraw', '/:id/restore', '/:id/lifecycle'])
    expect(named(articles.fields, 'attributionPreview').admin.components.Field.path).toBe(
      '@wirehouse/payload-plugin-attribution/client#AttributionPreview',
    )
    expect(collection(config, 'posts').fields).toHaveLength(1)
    expect(config.endpoints).toEqual([
      expect.objectContaining({ path: '/attribution/preview', method: 'post' }),
      expect.objectContaining({ path: '/attribution/report', method: 'get' }),
    ])
    expect(config.admin?.components?.views?.compliance).toMatchObject({
      path: '/compliance',
      Component: { path: '@wirehouse/payload-plugin-attribution/rsc#ComplianceDashboard' },
    })
  })

  it('keeps what the host defines: its own collections and fields stay, the plugin adds only its bookkeeping', () => {
    const ownSource: Field = { name: 'source', type: 'relationship', relationTo: 'wire-sources', required: true }
    const ownSources: CollectionConfig = {
      slug: 'wire-sources',
      fields: [
        ...['name', 'code', 'copyrightHolder', 'credit'].map((name): Field => ({ name, type: 'text' })),
        { name: 'kind', type: 'select', options: ['agency', 'staff'] },
        { name: 'license', type: 'text' },
        { name: 'bylineAliases', type: 'text', hasMany: true },
      ],
    }
    const base = host([ownSources])
    // In a row: still the host's own.
    collection(base, 'articles').fields.push({ type: 'row', fields: [ownSource] })
    const config = attributionPlugin()(base) as Config
    expect(names(collection(config, 'articles').fields)).not.toContain('source')
    expect(names(collection(config, 'articles').fields)).toContain('additionalSources')
    expect(config.collections!.filter((c) => c.slug === 'wire-sources')).toHaveLength(1)
    expect(names(collection(config, 'wire-sources').fields)).toEqual([
      'name',
      'code',
      'copyrightHolder',
      'credit',
      'kind',
      'license',
      'bylineAliases',
      'rightsProposal',
      'reviewPanel',
    ])
  })

  it('renames slugs and applies overrides form-builder style: fields rewritten, access and admin merged, hooks after its own', () => {
    const audit = () => undefined
    const config = attributionPlugin({
      notices: {
        slug: 'legal-texts' as never,
        overrides: {
          fields: ({ defaultFields }) => [...defaultFields, { name: 'internalNote', type: 'textarea' }],
          access: { read: () => true },
          admin: { group: 'Rights' },
          hooks: { beforeChange: [audit] },
        },
      },
      publisher: { slug: 'network' as never, overrides: { admin: { group: 'Rights' } } },
    })(host()) as Config
    const notices = collection(config, 'legal-texts')
    expect(names(notices.fields)).toContain('internalNote')
    expect(notices.admin).toMatchObject({ group: 'Rights', useAsTitle: 'title' })
    expect(Object.keys(notices.access!)).toEqual(expect.arrayContaining(['read', 'create', 'update', 'delete', 'readVersions']))
    expect(notices.hooks?.beforeChange?.at(-1)).toBe(audit)
    expect(notices.hooks?.beforeChange).toHaveLength(2)
    expect(config.globals!.map((g) => g.slug)).toEqual(['network'])
  })

  it('attributes every configured collection, each with its own field names', () => {
    const config = attributionPlugin({
      collections: ['articles', { slug: 'posts' as never, fields: { headline: 'title' }, sitePath: false }],
    })(host()) as Config
    for (const slug of ['articles', 'posts']) {
      const attributed = collection(config, slug)
      expect(names(attributed.fields)).toEqual(expect.arrayContaining(['source', 'additionalSources', 'attribution', 'attributionPreview']))
      expect(attributed.hooks?.afterOperation).toHaveLength(2)
      expect((attributed.endpoints || []).map((e) => e.path)).toEqual(['/ninjs', '/:id/ninjs', '/:id/withdraw', '/:id/restore', '/:id/lifecycle'])
    }
    expect(named(collection(config, 'posts').fields, 'attributionPreview').admin.components.Field.clientProps).toMatchObject({
      collection: 'posts',
      bylineField: false,
      siteField: undefined,
    })
    expect(named(collection(config, 'legal-notices').fields, 'reach').admin.components.Field.clientProps).toEqual({
      noticesSlug: 'legal-notices',
      collections: ['articles', 'posts'],
    })
  })

  it('`disabled` keeps the schema and the collections’ own rules, and does no attribution work', () => {
    const on = attributionPlugin()(host()) as Config
    const off = attributionPlugin({ disabled: true })(host()) as Config
    expect(off.collections!.map((c) => [c.slug, names(c.fields)])).toEqual(on.collections!.map((c) => [c.slug, names(c.fields)]))
    const articles = collection(off, 'articles')
    expect(named(articles.fields, 'attribution')).toMatchObject({ type: 'group', virtual: true })
    expect(articles.hooks?.afterOperation ?? []).toHaveLength(0)
    expect(articles.endpoints ?? []).toHaveLength(0)
    expect(named(articles.fields, 'attributionPreview').admin.condition()).toBe(false)
    expect(off.endpoints ?? []).toHaveLength(0)
    expect(off.admin?.components?.views?.compliance).toBeUndefined()
    // Review and template checks stay: they are what the notices collection promises.
    expect(collection(off, 'legal-notices').hooks?.beforeChange).toHaveLength(1)
    expect(collection(off, 'legal-notices').hooks?.beforeValidate).toHaveLength(1)
  })

  it('`review: false` leaves publishing to access control: no review fields or hooks', () => {
    const config = attributionPlugin({ review: false })(host()) as Config
    expect(names(collection(config, 'legal-notices').fields)).not.toContain('review')
    expect(names(collection(config, 'wire-sources').fields)).not.toContain('rightsProposal')
    expect(collection(config, 'legal-notices').hooks?.beforeChange ?? []).toHaveLength(0)
    expect(names(collection(config, 'legal-notices').fields)).not.toContain('reviewPanel')
    expect(collection(config, 'legal-notices').endpoints ?? []).toEqual([expect.objectContaining({ path: '/:id/reach' })])
  })
})

describe('attributionPlugin: the start-up check', () => {
  it('names every missing or incompatible field, collection and global at once', () => {
    const run = () =>
      attributionPlugin({ collections: [{ slug: 'posts' as never, fields: { headline: 'headline', byline: 'author' } }, 'pages' as never] })(
        host([
          { slug: 'legal-notices', fields: [{ name: 'title', type: 'text' }, { name: 'body', type: 'textarea' }] },
        ]),
      )
    expect(run).toThrow(/posts\.headline: missing \(named by the plugin's `fields\.headline`; `false` when there is none\)/)
    expect(run).toThrow(/posts\.author: missing \(named by the plugin's `fields\.byline`/)
    expect(run).toThrow(/pages: no such collection/)
    expect(run).toThrow(/legal-notices\.body: a textarea field, needs richText/)
    expect(run).toThrow(/legal-notices\.kind: missing/)
    expect(run).toThrow(/legal-notices: review needs `versions: \{ drafts: true \}`/)
  })

  it('checks the wire’s rights group it is told to read holds a text holder', () => {
    const base = host()
    collection(base, 'articles').fields.push({ name: 'rights', type: 'text' })
    expect(() => attributionPlugin({ fields: { wireRights: 'rights' } })(base)).toThrow(/articles\.rights: a text field, needs group/)
    expect(() => attributionPlugin({ fields: { wireRights: 'received' } })(host())).toThrow(/articles\.received: missing \(named by the plugin's `fields\.wireRights`/)
  })

  it('checks a source relationship the host defines points to the sources', () => {
    const base = host()
    collection(base, 'articles').fields.push({ name: 'source', type: 'relationship', relationTo: 'sites' })
    expect(() => attributionPlugin()(base)).toThrow(/articles\.source: relates to "sites", needs "wire-sources"/)
  })

  it('rejects a sitePath that leads nowhere, naming the field; the default path may lead nowhere', () => {
    expect(() => attributionPlugin({ sitePath: ['section', 'owner'] })(host())).toThrow(/"owner" is not .* of "sections"/)
    expect(() => attributionPlugin({ sitePath: ['headline'] })(host())).toThrow(/"headline"/)
    const noSections = host()
    noSections.collections = noSections.collections!.filter((c) => c.slug !== 'sections')
    const config = attributionPlugin()(noSections) as Config
    expect(names(named(collection(config, 'legal-notices').fields, 'appliesTo').fields)).not.toContain('sites')
  })
})

describe('attributionPlugin: translations', () => {
  it('ships English, French and German with the same keys, and a host’s own wording wins', () => {
    const keys = (texts: typeof en) => Object.keys(texts['plugin-attribution']).sort()
    expect(keys(fr)).toEqual(keys(en))
    expect(keys(de)).toEqual(keys(en))
    for (const texts of [fr, de]) {
      const translated = Object.entries(texts['plugin-attribution']).filter(([key, text]) => text !== en['plugin-attribution'][key as never])
      // Words such as "Compliance" or "GDPR" may stay, not whole sentences.
      expect(translated.length).toBeGreaterThan(0.9 * keys(en).length)
    }
    const config = attributionPlugin()({
      ...host(),
      i18n: { translations: { fr: { 'plugin-attribution': { 'field-title': 'Intitulé' } } } as never },
    }) as Config
    const translations = config.i18n?.translations as Record<string, Record<string, Record<string, string>>>
    expect(translations.fr['plugin-attribution']['field-title']).toBe('Intitulé')
    expect(translations.fr['plugin-attribution']['field-kind']).toBe(fr['plugin-attribution']['field-kind'])
    expect(translations.de['plugin-attribution']['field-title']).toBe(de['plugin-attribution']['field-title'])
  })

  it('labels every field it adds through its translations', () => {
    const config = attributionPlugin()(host()) as Config
    const unlabelled: string[] = []
    const walk = (fields: Field[], path: string) => {
      for (const field of fields) {
        if (!('name' in field) || field.type === 'ui') continue
        const label = (field as { label?: unknown }).label
        // A rich-text field's label is a record by language (see labelsByLanguage).
        const translated = typeof label === 'function' || (field.type === 'richText' && Object.keys(label as object).sort().join() === 'de,en,fr')
        if (!translated) unlabelled.push(`${path}.${field.name}`)
        if ('fields' in field && field.name !== 'attribution') walk(field.fields, `${path}.${field.name}`)
      }
    }
    for (const slug of ['legal-notices', 'wire-sources']) walk(collection(config, slug).fields, slug)
    walk(config.globals![0].fields, 'publisher')
    expect(unlabelled).toEqual([])
  })
})

describe('attributionPlugin: field names', () => {
  it('uses each default name the collection has, its `useAsTitle` for the headline, and no other', () => {
    const base = host()
    collection(base, 'posts').admin = { useAsTitle: 'title' }
    const config = attributionPlugin({ collections: ['articles', 'posts' as never] })(base) as Config
    const props = (slug: string) => named(collection(config, slug).fields, 'attributionPreview').admin.components.Field.clientProps
    expect(props('articles')).toMatchObject({ bylineField: 'byline', publishedAtField: 'publishedAt', datelineField: 'dateline', siteField: 'section' })
    expect(props('posts')).toMatchObject({ bylineField: false, publishedAtField: false, datelineField: false, siteField: undefined })
  })
})
