import type { PayloadRequest } from 'payload'

import type { ResolvedOptions } from './options'
import type { ArticleInput, Attribution, NoticeInput, PublisherInput, SourceInput } from './types'

import { resolveAttribution } from './resolve'

export type AttributionData = { notices: NoticeInput[]; publisher: PublisherInput; sources: Map<string, SourceInput> }

const CONTEXT_KEY = 'attributionData'

/**
 * Everything the resolver needs, loaded once per request and shared by every document the
 * request reads (lists, populated relationships): no query per article.
 */
export const loadAttributionData = (req: PayloadRequest, options: ResolvedOptions): Promise<AttributionData> => {
  const cached = req.context[CONTEXT_KEY] as Promise<AttributionData> | undefined
  if (cached) return cached
  const loading = (async () => {
    const [sources, notices, publisher] = await Promise.all([
      req.payload.find({ collection: options.sourcesSlug, depth: 0, limit: 0, pagination: false, trash: true, req }),
      req.payload.find({
        collection: options.noticesSlug,
        depth: 0,
        limit: 0,
        pagination: false,
        where: { _status: { equals: 'published' } },
        req,
      }),
      req.payload.findGlobal({ slug: options.publisherSlug, depth: 0, req }),
    ])
    return {
      notices: notices.docs as unknown as NoticeInput[],
      publisher: publisher as unknown as PublisherInput,
      sources: new Map((sources.docs as unknown as SourceInput[]).map((s) => [String(s.id), s])),
    }
  })()
  req.context[CONTEXT_KEY] = loading
  return loading
}

/** The attribution `article` gets at `at` (now by default), from this request's shared load. */
export const attributionFor = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  article: ArticleInput,
  at?: Date,
): Promise<Attribution> => {
  const { notices, publisher, sources } = await loadAttributionData(req, options)
  return resolveAttribution({ article, sources, notices, publisher, at, variables: options.extraVariables })
}
