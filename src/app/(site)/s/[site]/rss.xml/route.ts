import { feedTags } from '@/pageCache/vocabulary'
import { siteFeed } from '@/site/data'
import { buildRss } from '@/site/feeds/rss'
import { siteFile } from '@/site/feeds/route'

export const dynamic = 'force-dynamic'

/** `/rss.xml`: the site's latest published stories, with their rights (docs/sites.md#feeds-and-sitemaps). */
export const GET = siteFile('rss', async ({ site, address }) => {
  const { sections, articles } = await siteFeed(site.id)
  return {
    body: buildRss({ site, sections, articles, address }),
    tags: feedTags(site.id, sections.map((s) => s.id), articles),
  }
})
