import { headers } from 'next/headers.js'

import { declarePageResponse, declarePageTags, type PageResponse, RENDER_HEADER } from '../pageCache/tags'
import { basePath, OWN_HOST_HEADER } from './format'

/** The base path of the site's links for this request: `''` on its own host, else `/s/<domain>`. */
export const siteBase = async (domain: string) => basePath((await headers()).get(OWN_HOST_HEADER) === domain, domain)

/**
 * Tells the page cache in front of Next what this render shows (`src/pageCache/vocabulary.ts`
 * names the tags): under the render id it gave the request, none when it does not cache it.
 */
export const declareTags = async (tags: string[]) => declarePageTags((await headers()).get(RENDER_HEADER), tags)

/**
 * Tells the server in front of Next the status this page answers with (a tombstone's 410), which
 * the app router cannot set; none outside the server (`next dev`): the page then answers 200.
 */
export const declareResponse = async (response: PageResponse) => declarePageResponse((await headers()).get(RENDER_HEADER), response)
