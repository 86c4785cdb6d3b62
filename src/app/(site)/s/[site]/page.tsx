import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation.js'

import { listingPageTags } from '@/pageCache/vocabulary'
import { Teasers } from '@/site/components/Teasers'
import { siteByDomain, siteHome } from '@/site/data'
import { sitePaths } from '@/site/format'
import { declareTags, siteBase } from '@/site/request'

type Props = { params: Promise<{ site: string }> }

const PER_SECTION = 5

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => {
  const site = await siteByDomain(decodeURIComponent((await params).site))
  return site ? { title: site.name, description: site.masthead ?? undefined } : {}
}

/** A site's home: its latest articles, by section. */
export default async function SiteHome({ params }: Props) {
  const site = await siteByDomain(decodeURIComponent((await params).site))
  if (!site) notFound()
  const paths = sitePaths(await siteBase(site.domain))
  const sections = await siteHome(site.id, PER_SECTION)
  await declareTags(listingPageTags(site.id, sections.map((s) => s.section.id), sections.flatMap((s) => s.articles)))
  return (
    <main className="site-main" id="main">
      <h1 className="visually-hidden">{site.name}: latest news</h1>
      {sections.map(({ section, articles }) => (
        <section aria-labelledby={`section-${section.id}`} className="section-block" key={section.id}>
          <h2 id={`section-${section.id}`}>
            <Link href={paths.section(section.slug)}>{section.name}</Link>
          </h2>
          {articles.length ? (
            <Teasers articles={articles} href={(slug) => paths.article(section.slug, slug)} />
          ) : (
            <p className="muted">Nothing published yet.</p>
          )}
        </section>
      ))}
    </main>
  )
}
