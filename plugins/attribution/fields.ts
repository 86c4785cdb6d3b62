import type { Field, FieldHook } from 'payload'

import type { ResolvedOptions } from './options'
import type { ArticleInput } from './types'

import { attributionFor } from './load'

const LICENSE_OPTIONS = ['copyright', 'public-domain', 'cc-by', 'cc-by-sa']

/** Resolves on every read; broken references become `warnings`, never a failed read. */
const resolveOnRead =
  (options: ResolvedOptions): FieldHook =>
  async ({ data, req, siblingData }) => {
    if (options.disabled) return null
    const doc = (siblingData ?? data ?? {}) as Record<string, unknown>
    const article: ArticleInput = {
      source: doc[options.sourceField] as ArticleInput['source'],
      additionalSources: doc[options.additionalSourcesField] as ArticleInput['additionalSources'],
      byline: doc[options.bylineField] as string,
      publishedAt: doc.publishedAt as string,
      dateline: doc.dateline as ArticleInput['dateline'],
    }
    return attributionFor(req, options, article)
  }

/** The typed, virtual `attribution` field (a named object type in GraphQL). */
export const attributionField = (options: ResolvedOptions): Field => ({
  name: 'attribution',
  type: 'group',
  virtual: true,
  interfaceName: 'Attribution',
  admin: { hidden: true },
  access: { create: () => false, update: () => false },
  hooks: { afterRead: [resolveOnRead(options)] },
  fields: [
    { name: 'credit', type: 'text' },
    { name: 'byline', type: 'text' },
    { name: 'copyrightHolder', type: 'text' },
    { name: 'copyrightYear', type: 'number' },
    // Text, not select: GraphQL enums would turn `public-domain` into `public_domain`, unlike REST.
    { name: 'license', type: 'text', admin: { description: LICENSE_OPTIONS.join(' | ') } },
    {
      name: 'notices',
      type: 'array',
      interfaceName: 'AttributionNotice',
      fields: [
        { name: 'id', type: 'text' },
        { name: 'kind', type: 'text' },
        { name: 'title', type: 'text' },
        { name: 'text', type: 'textarea' },
        { name: 'html', type: 'textarea' },
      ],
    },
    { name: 'text', type: 'textarea' },
    { name: 'html', type: 'textarea' },
    { name: 'jsonLd', type: 'json' },
    { name: 'warnings', type: 'text', hasMany: true },
  ],
})
