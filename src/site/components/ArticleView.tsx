import type { ReactNode } from 'react'

import { sanitizeHtmlOutput } from '@wirehouse/payload-plugin-attribution'
import Link from 'next/link'

import type { Article } from '../../../payload-types'
import type { sitePaths } from '../format'

import { datelineText } from '../format'

/** `nonce`: the page's CSP nonce (`src/proxy.ts`), for the JSON-LD block. */
type Props = { article: Article; body: ReactNode; nonce?: string; paths: ReturnType<typeof sitePaths> }

const populated = <T extends object>(value: unknown): T | undefined =>
  value && typeof value === 'object' ? (value as T) : undefined

/** Schema.org JSON-LD: the attribution's NewsArticle as it is (complete on its own); `<` escaped for the script tag. */
const jsonLd = (article: Article) => JSON.stringify(populated(article.attribution?.jsonLd) ?? {}).replace(/</g, '\\u003c')

/**
 * An article as readers see it: section, headline, byline, the dateline with the credit, the
 * body, related links and articles, and at its foot the article's own boilerplate.
 */
export const ArticleView = ({ article, body, nonce, paths }: Props) => {
  const section = populated<{ name: string; slug: string }>(article.section)
  const attribution = article.attribution
  const related = (article.relatedArticles ?? [])
    .map((r) => populated<Article>(r))
    .filter((r): r is Article => Boolean(r && populated(r.section)))
  return (
    <main className="site-main" id="main">
      <article className="article">
        {section && (
          <p className="kicker">
            <Link href={paths.section(section.slug)}>{section.name}</Link>
          </p>
        )}
        <h1>{article.headline}</h1>
        {attribution?.byline && <p className="byline">{attribution.byline}</p>}
        <p className="dateline">{datelineText(article.dateline, attribution?.credit)}</p>
        <div className="article-body">{body}</div>
        {article.relatedLinks && article.relatedLinks.length > 0 && (
          <section aria-labelledby="related-links" className="related">
            <h2 id="related-links">Related Links</h2>
            <ul>
              {article.relatedLinks.map((link) => (
                <li key={link.id ?? link.label}>{link.url ? <a href={link.url}>{link.label}</a> : link.label}</li>
              ))}
            </ul>
          </section>
        )}
        {related.length > 0 && (
          <section aria-labelledby="related-articles" className="related">
            <h2 id="related-articles">Related articles</h2>
            <ul>
              {related.map((r) => (
                <li key={r.id}>
                  <Link href={paths.article(populated<{ slug: string }>(r.section)!.slug, r.slug)}>{r.headline}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        {attribution?.html && (
          <footer aria-label="Copyright and legal notices" className="boilerplate" data-testid="boilerplate">
            {/* Rendered by the attribution plugin, and through its allow-list again whatever served it. */}
            <div dangerouslySetInnerHTML={{ __html: sanitizeHtmlOutput(attribution.html) }} />
          </footer>
        )}
      </article>
      <script dangerouslySetInnerHTML={{ __html: jsonLd(article) }} nonce={nonce} type="application/ld+json" />
    </main>
  )
}
