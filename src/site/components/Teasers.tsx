import Link from 'next/link'

import type { Teaser } from '../data'

import { datelineText } from '../format'

/** A list of articles: headline, dateline with the credit, summary. */
export const Teasers = ({ articles, href }: { articles: Teaser[]; href: (slug: null | string | undefined) => string }) => (
  <ul className="teasers">
    {articles.map((article) => (
      <li key={article.id}>
        <h3>
          <Link href={href(article.slug)}>{article.headline}</Link>
        </h3>
        <p className="dateline">{datelineText(article.dateline, article.attribution?.credit)}</p>
        {article.summary && <p>{article.summary}</p>}
      </li>
    ))}
  </ul>
)
