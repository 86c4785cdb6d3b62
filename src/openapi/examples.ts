/**
 * The document's examples, from the seeded sample network (`src/seed/data.ts`): the AFP story as
 * a reader gets it (with its attribution) and as the wire sends it, its source, its site.
 */
import type { Json } from './types'

import * as sample from '../seed/data'

const story = sample.articles[0]!
const source = sample.sources.find((s) => s.code === story.source)!
const section = sample.sections.find((s) => s.slug === story.section)!
const site = sample.sites.find((s) => s.domain === section.site)!
const year = new Date(story.dateline.date).getUTCFullYear()

const attribution: Json = {
  credit: source.credit,
  byline: story.byline,
  copyrightHolder: source.copyrightHolder,
  copyrightYear: year,
  license: source.license,
  notices: [{ id: 1, kind: 'source-copyright', title: `${source.code} copyright` }],
  text: `Copyright ${year} ${source.copyrightHolder}. …`,
  html: `<p>Copyright ${year} ${source.copyrightHolder}. …</p>`,
  warnings: [],
}

/** `example`s of component schemas, by name. */
export const SCHEMA_EXAMPLES: Record<string, Json> = {
  articles: {
    id: 1,
    headline: story.headline,
    byline: story.byline,
    dateline: story.dateline,
    source: 1,
    section: 5,
    summary: story.summary,
    relatedLinks: story.relatedLinks,
    externalId: story.externalId,
    publishedAt: story.dateline.date,
    attribution,
    _status: 'published',
    createdAt: story.dateline.date,
    updatedAt: story.dateline.date,
  },
  Attribution: attribution,
  'wire-sources': { id: 1, ...source, createdAt: story.dateline.date, updatedAt: story.dateline.date },
  sites: { id: 3, name: site.name, domain: site.domain, createdAt: story.dateline.date, updatedAt: story.dateline.date },
  sections: { id: 5, name: section.name, slug: section.slug, site: 3, createdAt: story.dateline.date, updatedAt: story.dateline.date },
  publisher: sample.publisher,
}

const month = (iso: string) => new Date(iso).toLocaleDateString('en-US', { month: 'short', day: '2-digit', year: 'numeric', timeZone: 'UTC' })

/** The story as a plain wire page (docs/ingest.md), as `POST /api/articles/ingest` takes it. */
export const WIRE_PAGE_EXAMPLE = [
  site.name,
  section.name,
  story.headline,
  story.headline,
  story.byline,
  `${story.dateline.place} (${source.credit}) ${month(story.dateline.date)}`,
  '',
  story.markdown.replace(/^## (.*)$/gm, '- $1 -'),
].join('\n')
