import { headers } from 'next/headers.js'

import type { Site } from '../../../payload-types'

import { siteByDomain } from '../data'
import { OWN_HOST_HEADER } from '../format'
import { declareTags } from '../request'
import { requestOrigin, type SiteAddress, siteAddress } from './address'
import { badPath, type FeedType, feedResponse, noSuchSite } from './respond'

type Context = { params: Promise<{ site: string }> }

/** What a file renders: its body, and the page cache's tags of what it shows (`src/pageCache/vocabulary.ts`). */
type Render = (args: { site: Site; address: SiteAddress }) => Promise<{ body: string; tags: string[] }>

/**
 * The GET handler of a site's machine-read file (`/rss.xml`, `/sitemap.xml`, `/news-sitemap.xml`,
 * `/robots.txt`, under `/s/<domain>` or on the site's own host): 404 for a domain that is no site;
 * else the file, its tags declared to the page cache as a page's are. Next answers HEAD with it too.
 */
export const siteFile = (type: FeedType, render: Render) => async (request: Request, { params }: Context): Promise<Response> => {
  let domain: string
  try {
    domain = decodeURIComponent((await params).site)
  } catch {
    return badPath()
  }
  const site = await siteByDomain(domain)
  if (!site) return noSuchSite(domain)
  const requestHeaders = await headers()
  const ownHost = requestHeaders.get(OWN_HOST_HEADER) === site.domain
  const address = siteAddress({ domain: site.domain, ownHost, origin: requestOrigin(requestHeaders.get('host'), request.url) })
  const { body, tags } = await render({ site, address })
  await declareTags(tags)
  return feedResponse(body, type)
}
