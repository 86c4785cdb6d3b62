import { headers } from 'next/headers.js'

import { declarePageTags, RENDER_HEADER } from '../pageCache/tags'
import { basePath, OWN_HOST_HEADER } from './format'

/** The base path of the site's links for this request: `''` on its own host, else `/s/<domain>`. */
export const siteBase = async (domain: string) => basePath((await headers()).get(OWN_HOST_HEADER) === domain, domain)

/**
 * Tells the page cache in front of Next what this render shows (`src/pageCache/vocabulary.ts`
 * names the tags): under the render id it gave the request, none when it does not cache it.
 */
export const declareTags = async (tags: string[]) => declarePageTags((await headers()).get(RENDER_HEADER), tags)
