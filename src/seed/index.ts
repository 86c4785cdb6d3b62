import type { CollectionSlug, Payload, Where } from 'payload'

import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'

import { env } from '../env'
import * as data from './data'
import { logo } from './logo'

export type SeedResult = { created: Record<string, number>; existing: Record<string, number> }

type Options = { demoUsers?: boolean; log?: (message: string) => void }

/**
 * Seeds the sample network. Idempotent: each record is found by its natural key
 * (domain, code, title, externalId, email) and created only when missing, so a
 * rerun never duplicates anything nor overwrites what someone has since edited.
 */
export const seed = async (payload: Payload, options: Options = {}): Promise<SeedResult> => {
  const log = options.log ?? ((message: string) => payload.logger.info(message))
  const result: SeedResult = { created: {}, existing: {} }
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  const lexical = (markdown: string) => convertMarkdownToLexical({ editorConfig, markdown })

  const ensure = async <T extends Record<string, unknown>>(
    collection: CollectionSlug,
    where: Where,
    make: () => T | Promise<T>,
  ): Promise<number | string> => {
    const found = await payload.find({ collection, where, limit: 1, depth: 0, draft: true, trash: true })
    if (found.docs[0]) {
      result.existing[collection] = (result.existing[collection] ?? 0) + 1
      return found.docs[0].id
    }
    const doc = await payload.create({ collection, data: (await make()) as never, depth: 0 })
    result.created[collection] = (result.created[collection] ?? 0) + 1
    return doc.id
  }

  await payload.updateGlobal({ slug: 'publisher', data: { ...data.publisher, logo: await ensureLogo(payload, result) } })

  const siteIds = new Map<string, number | string>()
  for (const site of data.sites) {
    siteIds.set(site.domain, await ensure('sites', { domain: { equals: site.domain } }, () => site))
  }

  const sectionIds = new Map<string, number | string>()
  for (const { site, ...section } of data.sections) {
    const siteId = siteIds.get(site)!
    sectionIds.set(
      section.slug,
      await ensure('sections', { and: [{ slug: { equals: section.slug } }, { site: { equals: siteId } }] }, () => ({
        ...section,
        site: siteId,
      })),
    )
  }

  const sourceIds = new Map<string, number | string>()
  for (const source of data.sources) {
    sourceIds.set(
      source.code,
      await ensure('wire-sources', { code: { equals: source.code } }, () => ({
        ...source,
        bylineAliases: [...source.bylineAliases],
      })),
    )
  }

  for (const { markdown, appliesTo, ...notice } of data.notices) {
    await ensure('legal-notices', { title: { equals: notice.title } }, () => ({
      ...notice,
      _status: 'published',
      body: lexical(markdown),
      appliesTo: { ...appliesTo, sources: appliesTo.sources?.map((code) => sourceIds.get(code)!) },
    }))
  }

  for (const { markdown, source, section, ...article } of data.articles) {
    await ensure('articles', { externalId: { equals: article.externalId } }, () => ({
      ...article,
      _status: 'published',
      source: sourceIds.get(source)!,
      section: sectionIds.get(section)!,
      body: lexical(markdown),
      publishedAt: article.dateline.date,
    }))
  }

  if (options.demoUsers ?? env.SEED_DEMO_USERS) {
    for (const user of data.demoUsers) {
      await ensure('users', { email: { equals: user.email } }, () => ({
        ...user,
        roles: [...user.roles],
        password: data.DEMO_PASSWORD,
      }))
    }
  }

  const counts = Object.entries(result.created)
    .map(([collection, n]) => `${n} ${collection}`)
    .join(', ')
  log(counts ? `Seeded the sample network: ${counts}.` : 'Sample network already present; nothing to seed.')
  return result
}

/** The publisher's logo in `media`, uploaded once (found again by its alt text). */
const ensureLogo = async (payload: Payload, result: SeedResult): Promise<number> => {
  const found = await payload.find({ collection: 'media', where: { alt: { equals: logo.alt } }, limit: 1, depth: 0 })
  if (found.docs[0]) {
    result.existing.media = (result.existing.media ?? 0) + 1
    return found.docs[0].id as number
  }
  const data = logo.data()
  const doc = await payload.create({
    collection: 'media',
    data: { alt: logo.alt },
    file: { data, mimetype: logo.mimetype, name: logo.name, size: data.length },
    depth: 0,
  })
  result.created.media = 1
  return doc.id as number
}
