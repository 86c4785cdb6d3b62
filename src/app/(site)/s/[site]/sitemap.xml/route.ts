import { sitemapTags } from '@/pageCache/vocabulary'
import { siteArticles } from '@/site/data'
import { buildSitemap } from '@/site/feeds/sitemap'
import { siteFile } from '@/site/feeds/route'

export const dynamic = 'force-dynamic'

/** `/sitemap.xml`: the site's home, sections and published stories (docs/sites.md#feeds-and-sitemaps). */
export const GET = siteFile('xml', async ({ site, address }) => {
  const { sections, articles } = await siteArticles(site.id)
  return {
    body: buildSitemap({ sections, articles, address }),
    tags: sitemapTags(site.id, sections.map((s) => s.id), articles.map((a) => a.id)),
  }
})
