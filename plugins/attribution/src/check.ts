import type { Config, Field, FlattenedField } from 'payload'

import { flattenTopLevelFields } from 'payload/shared'

import type { ResolvedOptions, Target } from './options.ts'

/** A field the plugin reads: its name, the types it may have, and what it must point to or hold. */
type Need = { name: string; types: string[]; hasMany?: boolean; relationTo?: string; fields?: Need[]; hint?: string }

const TEXT = ['text', 'textarea']
const CHOICE = ['select', 'text']

const fieldsOf = (fields: Field[]): FlattenedField[] => flattenTopLevelFields(fields) as FlattenedField[]

/** What is wrong with `fields` against `needs`, each line naming the field by its path. */
const problemsIn = (fields: Field[], needs: Need[], path: string): string[] =>
  needs.flatMap((need) => {
    const at = `${path}.${need.name}`
    const field = fieldsOf(fields).find((f) => 'name' in f && f.name === need.name) as (FlattenedField & Record<string, any>) | undefined
    if (!field) return [`${at}: missing${need.hint ? ` (${need.hint})` : ''}`]
    if (!need.types.includes(field.type)) return [`${at}: a ${field.type} field, needs ${need.types.join(' or ')}`]
    if (need.relationTo && field.relationTo !== need.relationTo) {
      return [`${at}: relates to ${JSON.stringify(field.relationTo)}, needs "${need.relationTo}"`]
    }
    if (need.hasMany !== undefined && Boolean(field.hasMany) !== need.hasMany) {
      return [`${at}: ${need.hasMany ? 'needs' : 'must not have'} hasMany`]
    }
    return need.fields ? problemsIn(field.fields ?? [], need.fields, at) : []
  })

/** A field name the host gave in the plugin's `fields` (defaults are used only when present). */
const given = (option: string, name: false | string, types: string[], extra: Partial<Need> = {}): Need[] =>
  name ? [{ name, types, hint: `named by the plugin's \`fields.${option}\`; \`false\` when there is none`, ...extra }] : []

const targetNeeds = ({ fields }: Target, sources: string): Need[] => [
  { name: fields.source, types: ['relationship'], relationTo: sources, hasMany: false },
  { name: fields.additionalSources, types: ['relationship'], relationTo: sources, hasMany: true },
  ...given('headline', fields.headline, TEXT),
  ...given('byline', fields.byline, TEXT),
  ...given('slug', fields.slug, TEXT),
  ...given('publishedAt', fields.publishedAt, ['date']),
  ...given('dateline', fields.dateline, ['group'], {
    fields: [
      { name: 'place', types: TEXT },
      { name: 'date', types: ['date'] },
    ],
  }),
  ...given('summary', fields.summary, TEXT),
  ...given('body', fields.body, ['richText']),
  ...given('section', fields.section, ['relationship'], { hasMany: false }),
  ...given('relatedLinks', fields.relatedLinks, ['array'], { fields: [{ name: 'label', types: TEXT }, { name: 'url', types: TEXT }] }),
]

const noticeNeeds = (options: ResolvedOptions): Need[] => [
  { name: 'title', types: TEXT },
  { name: 'kind', types: CHOICE },
  { name: 'body', types: ['richText'] },
  {
    name: 'appliesTo',
    types: ['group'],
    fields: [
      { name: 'scope', types: CHOICE },
      { name: 'sources', types: ['relationship'], relationTo: options.sourcesSlug, hasMany: true },
      { name: 'sourceKinds', types: CHOICE, hasMany: true },
      { name: 'licenses', types: CHOICE, hasMany: true },
    ],
  },
  { name: 'effectiveFrom', types: ['date'] },
  { name: 'effectiveUntil', types: ['date'] },
  { name: 'order', types: ['number'] },
  ...(options.review ? [{ name: 'review', types: ['group'], fields: [{ name: 'state', types: CHOICE }] }] : []),
]

const sourceNeeds = (options: ResolvedOptions): Need[] => [
  { name: 'name', types: TEXT },
  { name: 'code', types: TEXT },
  { name: 'kind', types: CHOICE },
  { name: 'license', types: CHOICE },
  { name: 'copyrightHolder', types: TEXT },
  { name: 'credit', types: TEXT },
  { name: 'bylineAliases', types: TEXT, hasMany: true },
  ...(options.review ? [{ name: 'rightsProposal', types: ['group'], fields: [{ name: 'state', types: CHOICE }] }] : []),
]

const publisherNeeds: Need[] = [
  { name: 'name', types: TEXT },
  { name: 'copyrightStartYear', types: ['number'] },
  { name: 'jurisdiction', types: TEXT },
]

/**
 * Every collection, global and field the plugin reads, checked in the config it hands on: a
 * missing one or one of an incompatible type stops start-up with a message naming each.
 */
export const checkConfig = (config: Config, options: ResolvedOptions): void => {
  const collection = (slug: string) => config.collections?.find((c) => c.slug === slug)
  const problems: string[] = []
  const check = (slug: string, needs: Need[]) => {
    const found = collection(slug)
    if (!found) problems.push(`${slug}: no such collection`)
    else problems.push(...problemsIn(found.fields, needs, slug))
  }
  for (const target of options.targets) check(target.slug, targetNeeds(target, options.sourcesSlug))
  check(options.noticesSlug, noticeNeeds(options))
  check(options.sourcesSlug, sourceNeeds(options))
  const versions = collection(options.noticesSlug)?.versions
  if (options.review && !(typeof versions === 'object' && versions.drafts)) {
    problems.push(`${options.noticesSlug}: review needs \`versions: { drafts: true }\` (readers see the approved, published version)`)
  }
  if (options.uploadsCollection && !collection(options.uploadsCollection)?.upload) {
    problems.push(`uploadsCollection ${options.uploadsCollection}: no such upload collection`)
  }
  const publisher = config.globals?.find((g) => g.slug === options.publisherSlug)
  if (!publisher) problems.push(`${options.publisherSlug}: no such global`)
  else problems.push(...problemsIn(publisher.fields, publisherNeeds, options.publisherSlug))
  if (problems.length) {
    throw new Error(`attributionPlugin: the config lacks what the plugin reads:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}
