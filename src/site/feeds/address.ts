import { basePath, sitePaths } from '../format'

/**
 * A site's public address, absolute, for what is read outside the site (feeds, sitemaps, robots).
 * The one rule for it: on its own host name (`src/proxy.ts`, `sitePathFor`) a site is
 * `https://<domain>/…`, the canonical address its pages and JSON-LD give (`publicArticleUrl`);
 * elsewhere (localhost, a preview host: the path fallback) it is `<origin>/s/<domain>/…` on the
 * host the request came in on.
 */
export type SiteAddress = {
  /** No trailing slash (`origin` has none): `https://example.com` or `http://localhost:3000/s/example.com`. */
  base: string
  home: string
  section: (section: null | string | undefined) => string
  article: (section: null | string | undefined, slug: null | string | undefined) => string
  /** A file at the site's root: `rss.xml`, `sitemap.xml`. */
  file: (name: string) => string
}

export const siteAddress = ({ domain, ownHost, origin }: { domain: string; ownHost: boolean; origin: string }): SiteAddress => {
  const base = ownHost ? `https://${domain}` : `${origin}${basePath(false, domain)}`
  const paths = sitePaths(base)
  return { base, home: `${base}/`, section: paths.section, article: paths.article, file: (name) => `${base}/${name}` }
}

/**
 * The origin a request came in on, for the path fallback: its `Host` header (what the page cache
 * keys it by; Next's `request.url` may name its own configured host instead) and the protocol Next
 * gives it (http unless it was told https); `fallback` (the request's URL) when there is no usable Host.
 */
export const requestOrigin = (host: null | string | undefined, url: string): string => {
  const { protocol, host: own } = new URL(url)
  const name = host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host.toLowerCase() : own
  return `${protocol === 'https:' ? 'https:' : 'http:'}//${name}`
}
