import { robotsTags } from '@/pageCache/vocabulary'
import { buildRobots } from '@/site/feeds/sitemap'
import { siteFile } from '@/site/feeds/route'

export const dynamic = 'force-dynamic'

/** `/robots.txt`: crawl everything; the sitemaps' absolute addresses (docs/sites.md#feeds-and-sitemaps). */
export const GET = siteFile('text', async ({ site, address }) => ({ body: buildRobots(address), tags: robotsTags(site.id) }))
