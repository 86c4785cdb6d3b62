import { headers } from 'next/headers.js'

import { basePath, OWN_HOST_HEADER } from './format'

/** The base path of the site's links for this request: `''` on its own host, else `/s/<domain>`. */
export const siteBase = async (domain: string) => basePath((await headers()).get(OWN_HOST_HEADER) === domain, domain)
