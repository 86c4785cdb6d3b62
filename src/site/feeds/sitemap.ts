import type { Section, Site } from '../../../payload-types'
import type { MappedArticle } from '../data'
import type { SiteAddress } from './address'

import { FEED_LANGUAGE } from './rss'
import { xmlDocument } from './xml'

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9'

const iso = (value: null | string | undefined): string | undefined => {
  const date = value ? new Date(value) : undefined
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined
}

const sectionSlug = (article: MappedArticle, sections: Map<number, Section>) => {
  const ref = article.section
  const id = ref && typeof ref === 'object' ? ref.id : ref
  return typeof id === 'number' ? sections.get(id)?.slug : undefined
}

type Input = { sections: Section[]; articles: MappedArticle[]; address: SiteAddress }

/** The articles with a section of the site (the others have no address). */
const located = ({ sections, articles, address }: Input) => {
  const byId = new Map(sections.map((s) => [s.id, s]))
  return articles.flatMap((article) => {
    const slug = sectionSlug(article, byId)
    return slug && article.slug ? [{ article, loc: address.article(slug, article.slug) }] : []
  })
}

/** The site's sitemap (sitemaps.org 0.9): its home, its sections, then its articles, newest first, each with its last change. */
export const buildSitemap = (input: Input): string =>
  xmlDocument({
    urlset: {
      '@_xmlns': SITEMAP_NAMESPACE,
      url: [
        { loc: input.address.home },
        ...input.sections.map((section) => ({ loc: input.address.section(section.slug) })),
        ...located(input).map(({ article, loc }) => ({ loc, lastmod: iso(article.updatedAt) ?? iso(article.publishedAt) })),
      ],
    },
  })

/**
 * The site's Google News sitemap: its articles of the last two days (the caller reads them), each
 * with the publication (the site's name, in `FEED_LANGUAGE`), its publication date and title.
 */
export const buildNewsSitemap = (input: Input & { site: Pick<Site, 'name'> }): string =>
  xmlDocument({
    urlset: {
      '@_xmlns': SITEMAP_NAMESPACE,
      '@_xmlns:news': NEWS_NAMESPACE,
      url: located(input).map(({ article, loc }) => ({
        loc,
        'news:news': {
          'news:publication': { 'news:name': input.site.name, 'news:language': FEED_LANGUAGE },
          'news:publication_date': iso(article.publishedAt),
          'news:title': article.headline ?? undefined,
        },
      })),
    },
  })

/** robots.txt: everything may be crawled; where the sitemaps are. */
export const buildRobots = (address: SiteAddress): string =>
  ['User-agent: *', 'Allow: /', '', `Sitemap: ${address.file('sitemap.xml')}`, `Sitemap: ${address.file('news-sitemap.xml')}`, ''].join('\n')
