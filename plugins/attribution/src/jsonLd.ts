import type { License } from './constants.ts'
import type { ArticleInput, PublisherInput, SourceInput } from './types.ts'

import { LICENSE_URLS } from './constants.ts'
import { isAbsoluteUrl, isoInstant } from './utilities/web.ts'

/** What the resolver decided about an article, which the JSON-LD states. */
export type Decided = {
  /** The article's sources in order (primary first), without missing or trashed ones. */
  sources: SourceInput[]
  credit: string
  copyrightHolder: null | string
  copyrightYear: number
  license: License
  /** Who speaks for copy without a source: the wire's rights holder, else the publisher. */
  owner: string
  publisherName: string
}

type Thing = Record<string, unknown>

const organization = (name: string): Thing => ({ '@type': 'Organization', name })

/** Bylines that name a desk, not a person: "Staff Writers", "AFP Staff Writers", "Wire services". */
const DESK_ENDINGS = ['staff writers', 'staff writer', 'staff reporters', 'staff reporter', 'staff', 'wire services', 'news services', 'agencies']

/** "By Jane Doe" → "Jane Doe": the name part of a byline. */
const withoutBy = (byline: string): string => {
  const trimmed = byline.trim()
  return trimmed.slice(0, 3).toLowerCase() === 'by ' ? trimmed.slice(3).trim() : trimmed
}

/**
 * The organisation that speaks for a source's copy: the source, or the publisher for its own
 * desk (a source under copyright with no holder of its own is the publisher's, as in resolve.ts).
 */
const authorityOf = (source: SourceInput | undefined, decided: Decided): string =>
  !source ? decided.owner : (source.license ?? 'copyright') !== 'public-domain' && !source.copyrightHolder ? decided.publisherName : source.name

const namesOf = (source: SourceInput): string[] =>
  [source.name, source.code, source.credit, ...(source.bylineAliases ?? [])].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase())

/**
 * The organisation a byline stands for when it names no person: the source it names (one of its
 * names or byline aliases, alone or before a desk such as "Staff"), or, for a generic desk byline,
 * the primary source; the owner without one. Undefined for a person's byline.
 */
const deskOf = (name: string, decided: Decided): string | undefined => {
  const lower = name.toLowerCase()
  const named = decided.sources.find((source) => {
    const names = namesOf(source)
    return names.includes(lower) || DESK_ENDINGS.some((end) => lower.endsWith(` ${end}`) && names.includes(lower.slice(0, -end.length - 1)))
  })
  if (named) return authorityOf(named, decided)
  const desk = DESK_ENDINGS.some((end) => lower === end || (end.startsWith('staff ') && lower.endsWith(` ${end}`)))
  return desk ? authorityOf(decided.sources[0], decided) : undefined
}

/**
 * Schema.org `author`: a Person for each name in a person's byline (its job title after a comma
 * left out, "and" between names); an Organization for a desk or agency byline and for none.
 */
const authorOf = (byline: null | string | undefined, decided: Decided): Thing | Thing[] => {
  const name = withoutBy(byline ?? '')
  if (!name) return organization(authorityOf(decided.sources[0], decided))
  const desk = deskOf(name, decided)
  if (desk) return organization(desk)
  const people = name
    .split(',')[0]
    .split(' and ')
    .flatMap((part) => part.split(' & '))
    .map((part) => part.trim())
    .filter(Boolean)
  const persons = people.map((person) => ({ '@type': 'Person', name: person }))
  return persons.length === 1 ? persons[0] : persons
}

/**
 * The logo's absolute URL: as stored (a storage adapter's, or made absolute with the server URL),
 * else on the article's own host, which serves the API too.
 */
const logoUrl = (logo: string, page: string | undefined): string | undefined =>
  isAbsoluteUrl(logo) ? logo : page ? new URL(logo, page).href : undefined

const publisherOf = (publisher: PublisherInput, name: string, page: string | undefined): Thing => {
  const logo = publisher.logo
  const url = logo?.url ? logoUrl(logo.url, page) : undefined
  return {
    ...organization(name),
    ...(logo &&
      url && {
        logo: {
          '@type': 'ImageObject',
          url,
          ...(logo.width && { width: logo.width }),
          ...(logo.height && { height: logo.height }),
        },
      }),
  }
}

/**
 * PURE: the article as a schema.org NewsArticle, complete on its own as Google's Article
 * structured-data guidelines ask (headline, dates with their zone, author, publisher with its
 * logo, the public URL when there is one) with its rights (holder, year, credit, licence).
 * Copyright reserved has no licence URL: `license` is then a CreativeWork named "All rights reserved".
 */
export const newsArticleJsonLd = (article: ArticleInput, publisher: PublisherInput, decided: Decided): Thing => {
  const url = isAbsoluteUrl(article.url) ? article.url : undefined
  const datePublished = isoInstant(article.publishedAt)
  const dateModified = isoInstant(article.updatedAt) ?? datePublished
  const licenseUrl = LICENSE_URLS[decided.license]
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    ...(article.headline && { headline: article.headline }),
    ...(article.summary && { description: article.summary }),
    ...(url && { url, mainEntityOfPage: { '@type': 'WebPage', '@id': url } }),
    ...(datePublished && { datePublished }),
    ...(dateModified && { dateModified }),
    author: authorOf(article.byline, decided),
    publisher: publisherOf(publisher, decided.publisherName, url),
    ...(decided.copyrightHolder && { copyrightHolder: organization(decided.copyrightHolder) }),
    copyrightYear: decided.copyrightYear,
    creditText: decided.credit,
    license: licenseUrl ?? { '@type': 'CreativeWork', name: 'All rights reserved' },
    isAccessibleForFree: true,
    ...(decided.sources.length && { sourceOrganization: decided.sources.map((s) => organization(s.name)) }),
    ...(article.dateline?.place && { dateline: article.dateline.place }),
  }
}
