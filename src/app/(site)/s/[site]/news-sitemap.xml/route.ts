import { sitemapTags } from '@/pageCache/vocabulary'
import { NEWS_SITEMAP_HOURS, siteNews } from '@/site/data'
import { buildNewsSitemap } from '@/site/feeds/sitemap'
import { siteFile } from '@/site/feeds/route'

export const dynamic = 'force-dynamic'

const MINUTE = 60_000

/** `/news-sitemap.xml`: the site's stories of the last 48 hours, for Google News (docs/sites.md#feeds-and-sitemaps). */
export const GET = siteFile('xml', async ({ site, address }) => {
  // To the minute: one read (and one entry of Next's cache) per minute, not per request.
  const since = new Date(Math.floor((Date.now() - NEWS_SITEMAP_HOURS * 3600_000) / MINUTE) * MINUTE).toISOString()
  const { sections, articles } = await siteNews(site.id, since)
  return {
    body: buildNewsSitemap({ site, sections, articles, address }),
    tags: sitemapTags(site.id, sections.map((s) => s.id), articles.map((a) => a.id)),
  }
})
