import { copyrightNotice } from '@wirehouse/payload-plugin-attribution'

import type { Section, Site } from '../../../payload-types'
import type { FeedArticle } from '../data'
import type { SiteAddress } from './address'

import { xmlDocument, type XmlNode } from './xml'

export const RSS_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  atom: 'http://www.w3.org/2005/Atom',
} as const

/** The feeds' language (RFC 1766, as RSS 2.0 wants it): the sites publish English wire copy. */
export const FEED_LANGUAGE = 'en'

/** A moment as RSS 2.0 dates it (RFC 822, in GMT); undefined for none. */
export const rfc822 = (value: null | string | undefined): string | undefined => {
  const date = value ? new Date(value) : undefined
  return date && !Number.isNaN(date.getTime()) ? date.toUTCString() : undefined
}

const sectionOf = (article: FeedArticle, sections: Map<number, Section>): Section | undefined => {
  const ref = article.section
  const id = ref && typeof ref === 'object' ? ref.id : ref
  return typeof id === 'number' ? sections.get(id) : undefined
}

/**
 * One story as an RSS item, with its rights as the attribution states them: `dc:creator` the
 * byline, `dc:rights` the copyright line (`copyrightNotice`, as in ninjs), `media:credit` the
 * source's credit, `category` its section.
 */
const itemOf = (article: FeedArticle, section: Section | undefined, address: SiteAddress): XmlNode => {
  const link = address.article(section?.slug, article.slug)
  const attribution = article.attribution
  return {
    title: article.headline,
    link,
    guid: { '@_isPermaLink': 'true', '#text': link },
    pubDate: rfc822(article.publishedAt),
    description: article.summary ?? undefined,
    category: section?.name,
    'dc:creator': attribution?.byline ?? article.byline ?? undefined,
    'dc:rights': copyrightNotice(attribution),
    'media:credit': attribution?.credit ?? undefined,
  }
}

export type RssInput = { site: Pick<Site, 'masthead' | 'name'>; sections: Section[]; articles: FeedArticle[]; address: SiteAddress }

/** A site's latest stories as an RSS 2.0 document. */
export const buildRss = ({ site, sections, articles, address }: RssInput): string => {
  const byId = new Map(sections.map((s) => [s.id, s]))
  return xmlDocument({
    rss: {
      '@_version': '2.0',
      '@_xmlns:dc': RSS_NAMESPACES.dc,
      '@_xmlns:media': RSS_NAMESPACES.media,
      '@_xmlns:atom': RSS_NAMESPACES.atom,
      channel: {
        title: site.name,
        link: address.home,
        description: site.masthead || `The latest stories of ${site.name}`,
        language: FEED_LANGUAGE,
        // The newest story's time: the same document for the same stories, whenever it is rendered.
        lastBuildDate: rfc822(articles[0]?.publishedAt),
        'atom:link': { '@_href': address.file('rss.xml'), '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: articles.map((article) => itemOf(article, sectionOf(article, byId), address)),
      },
    },
  })
}
