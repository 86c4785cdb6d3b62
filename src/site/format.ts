/** "2024-07-03T00:00:00.000Z" → "July 3, 2024", the way wires write dates (the calendar day, UTC). */
export const wireDate = (value: null | string | undefined): string | undefined => {
  if (!value) return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return undefined
  return date.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
}

/** The dateline as the wire prints it: "Astana, Kazakhstan (AFP) July 3, 2024"; missing parts are left out. */
export const datelineText = (
  dateline: { date?: null | string; place?: null | string } | null | undefined,
  credit: null | string | undefined,
): string =>
  [dateline?.place, credit ? `(${credit})` : undefined, wireDate(dateline?.date)].filter(Boolean).join(' ')

/**
 * Where a site's pages live. On its own host name a site is served from `/`; anywhere else
 * (localhost, a preview host) under `/s/<domain>`.
 */
export const sitePaths = (base: string) => ({
  home: base || '/',
  section: (section: Slug) => `${base}/${section ?? ''}`,
  article: (section: Slug, slug: Slug) => `${base}/${section ?? ''}/${slug ?? ''}`,
})

type Linked = null | Record<string, unknown> | undefined

/**
 * An article's canonical public URL, `https://<site.domain>/<section.slug>/<article.slug>`, from
 * the documents along its site path (section, site): the attribution plugin's `publicUrl`, so
 * `attribution.jsonLd.url` is the address these pages answer on. None for a draft or an article
 * without a section or site.
 */
export const publicArticleUrl = ({ doc, path: [section, site] }: { doc: Record<string, unknown>; path: Linked[] }): null | string => {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined)
  const domain = text(site?.domain)
  const sectionSlug = text(section?.slug)
  const slug = text(doc.slug)
  if (doc._status !== 'published' || !domain || !sectionSlug || !slug) return null
  return sitePaths(`https://${domain}`).article(sectionSlug, slug)
}

/** Slugs are never saved empty, but the generated types allow it. */
type Slug = null | string | undefined

/** The base path of a site's pages: empty when the request came in on the site's own host. */
export const basePath = (onOwnHost: boolean, domain: string) => (onOwnHost ? '' : `/s/${encodeURIComponent(domain)}`)

/**
 * Set on a request routed to a site by its host name (by `src/proxy.ts`, or before it by the page
 * cache in `src/server.ts`): that host. Never taken from the client: the server strips it.
 */
export const OWN_HOST_HEADER = 'x-wirehouse-own-host'

/** A `Host` header's name, without its port, lower case. */
export const hostNameOf = (header: null | string | undefined): string => (header ?? '').replace(/:\d+$/, '').toLowerCase()

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0'])

/**
 * Where a request for `pathname` on `host` (no port) is served: a site's host name serves
 * `/s/<domain>/…`; a local host, the admin's host (`adminHost`), `/s/…` itself and `/preview` are
 * served as they are (undefined).
 */
export const sitePathFor = (host: string, pathname: string, adminHost: string): string | undefined => {
  const own = !host || LOCAL_HOSTS.has(host) || host === adminHost || pathname.startsWith('/s/') || pathname === '/preview'
  return own ? undefined : `/s/${host}${pathname === '/' ? '' : pathname}`
}
