import type { Metadata } from 'next'

import Link from 'next/link'
import { notFound } from 'next/navigation.js'

import { listingPageTags, sitePageTags } from '@/pageCache/vocabulary'
import { Teasers } from '@/site/components/Teasers'
import { sectionPage, siteByDomain } from '@/site/data'
import { sitePaths } from '@/site/format'
import { declareTags, siteBase } from '@/site/request'

type Props = { params: Promise<{ section: string; site: string }>; searchParams: Promise<{ page?: string }> }

const load = async ({ params, searchParams }: Props) => {
  const { site: domain, section } = await params
  const site = await siteByDomain(decodeURIComponent(domain))
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1)
  const found = site && (await sectionPage(site.id, section, page))
  return site ? { site, found } : null
}

export const generateMetadata = async (props: Props): Promise<Metadata> => {
  const { site, found } = (await load(props)) ?? {}
  return site && found ? { title: `${found.section.name} · ${site.name}`, description: found.section.description ?? undefined } : {}
}

/** A section's latest articles, twenty a page. */
export default async function SectionPage(props: Props) {
  const { site, found } = (await load(props)) ?? {}
  if (!site) notFound()
  // Not found: until a section with this slug is created on the site.
  await declareTags(found ? listingPageTags(site.id, [found.section.id], found.articles) : sitePageTags(site.id))
  if (!found) notFound()
  const { section, articles, page, totalPages } = found
  const paths = sitePaths(await siteBase(site.domain))
  return (
    <main className="site-main" id="main">
      <h1>{section.name}</h1>
      {section.description && <p className="muted">{section.description}</p>}
      <Teasers articles={articles} href={(slug) => paths.article(section.slug, slug)} />
      <nav aria-label="Pages" className="pager">
        {page > 1 ? <Link href={`${paths.section(section.slug)}?page=${page - 1}`}>Newer</Link> : <span />}
        {page < totalPages ? <Link href={`${paths.section(section.slug)}?page=${page + 1}`}>Older</Link> : <span />}
      </nav>
    </main>
  )
}
