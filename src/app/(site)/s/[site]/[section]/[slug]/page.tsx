import type { Metadata } from 'next'

import { RichText } from '@payloadcms/richtext-lexical/react'
import { draftMode, headers } from 'next/headers.js'
import { notFound } from 'next/navigation.js'
import { cache } from 'react'

import { articlePageTags, networkPageTags, sitePageTags, TAGS, tombstonePageTags } from '@/pageCache/vocabulary'
import { NONCE_HEADER } from '@/security/csp'
import { ArticleView } from '@/site/components/ArticleView'
import { RefreshOnSave } from '@/site/components/RefreshOnSave'
import { TombstoneView } from '@/site/components/TombstoneView'
import { goneStory, previewArticle, publishedArticle, siteByDomain, siteSections } from '@/site/data'
import { sitePaths } from '@/site/format'
import { declareResponse, declareTags, siteBase } from '@/site/request'
import { TOMBSTONE_STATUS, tombstoneOf, tombstoneText } from '@/site/tombstone'

type Props = { params: Promise<{ section: string; site: string; slug: string }> }

/**
 * The published article, or in draft mode (live preview) its latest version for the signed-in
 * editor; for a published story readers no longer see, its tombstone when it has one
 * (withdrawn, or past its licence with an archive allowed: `src/site/tombstone.ts`).
 */
const load = async ({ params }: Props) => {
  const { site, section, slug } = await params
  return find(site, section, slug)
}

/** Once per request: the page and its metadata (title, robots) decide on the same reads. */
const find = cache(async (domain: string, section: string, slug: string) => {
  const site = await siteByDomain(decodeURIComponent(domain))
  if (!site) return null
  const query = { siteId: site.id, section, slug }
  const preview = (await draftMode()).isEnabled
  const article = preview ? await previewArticle(query, await headers()) : await publishedArticle(query)
  const tombstone = article || preview ? null : tombstoneOf(await goneStory(query), new Date())
  return { site, article, preview, section, tombstone }
})

/**
 * What the page shows, for the page cache; a page not found waits for an article published in
 * the section it names (or for that section, or that site, to be created).
 */
const pageTags = async (found: Awaited<ReturnType<typeof load>>) => {
  if (!found) return networkPageTags()
  const { site, article, section, tombstone } = found
  if (article) return articlePageTags(article, site.id)
  if (tombstone) return tombstonePageTags(tombstone, site.id)
  const listed = (await siteSections(site.id)).find((s) => s.slug === section)
  return listed ? [TAGS.section(listed.id)] : sitePageTags(site.id)
}

export const generateMetadata = async (props: Props): Promise<Metadata> => {
  const found = await load(props)
  if (found?.tombstone) return { title: `${tombstoneText(found.tombstone).title} · ${found.site.name}`, robots: { index: false } }
  if (!found?.article) return {}
  const { article, site } = found
  return { title: `${article.headline} · ${site.name}`, description: article.summary ?? undefined }
}

export default async function ArticlePage(props: Props) {
  const found = await load(props)
  if (!found?.preview) await declareTags(await pageTags(found))
  if (found?.tombstone) {
    // Gone, and said so: a 410, which search engines drop, and not to be indexed meanwhile.
    await declareResponse({ status: TOMBSTONE_STATUS, headers: { 'X-Robots-Tag': 'noindex' } })
    return <TombstoneView tombstone={found.tombstone} />
  }
  if (!found?.article) notFound()
  const { article, site, preview } = found
  const paths = sitePaths(await siteBase(site.domain))
  return (
    <>
      {preview && (
        <>
          <p className="preview-banner" role="status">
            Preview: the latest version, as saved{article._status === 'draft' ? ' (draft, not published)' : ''}.
          </p>
          <RefreshOnSave />
        </>
      )}
      <ArticleView
        article={article}
        body={article.body ? <RichText data={article.body} /> : null}
        nonce={(await headers()).get(NONCE_HEADER) ?? undefined}
        paths={paths}
      />
    </>
  )
}
