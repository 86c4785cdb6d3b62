import type { ReactNode } from 'react'

import Link from 'next/link'
import { notFound } from 'next/navigation.js'

import { networkPageTags, sitePageTags } from '@/pageCache/vocabulary'
import { siteByDomain, siteSections } from '@/site/data'
import { sitePaths } from '@/site/format'
import { declareTags, siteBase } from '@/site/request'

type Props = { children: ReactNode; params: Promise<{ site: string }> }

/** A site's header (name, masthead, sections) and footer around each of its pages. */
export default async function SiteFrame({ children, params }: Props) {
  const site = await siteByDomain(decodeURIComponent((await params).site))
  // Until a site with this domain is created.
  await declareTags(site ? sitePageTags(site.id) : networkPageTags())
  if (!site) notFound()
  const paths = sitePaths(await siteBase(site.domain))
  const sections = await siteSections(site.id)
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link className="site-header__name" href={paths.home}>
          {site.name}
        </Link>
        {site.masthead && <p className="site-header__masthead">{site.masthead}</p>}
        <nav aria-label="Sections" className="site-nav">
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <Link href={paths.section(section.slug)}>{section.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {children}
      <footer className="site-footer">{site.name}</footer>
    </>
  )
}
