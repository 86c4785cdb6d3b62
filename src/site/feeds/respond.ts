/** The media types the site's machine-read files answer with. */
export const FEED_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const

export type FeedType = keyof typeof FEED_TYPES

/** A feed, a sitemap or robots.txt: 200 with its media type. */
export const feedResponse = (body: string, type: FeedType): Response =>
  new Response(body, { status: 200, headers: { 'Content-Type': FEED_TYPES[type], 'X-Content-Type-Options': 'nosniff' } })

/** A site that does not exist. */
export const noSuchSite = (domain: string): Response =>
  new Response(`No site has the domain "${domain}".\n`, { status: 404, headers: { 'Content-Type': FEED_TYPES.text } })

/** A path whose escapes do not decode. */
export const badPath = (): Response =>
  new Response('The path has a malformed percent-escape.\n', { status: 400, headers: { 'Content-Type': FEED_TYPES.text } })
