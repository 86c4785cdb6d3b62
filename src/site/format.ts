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

/** Slugs are never saved empty, but the generated types allow it. */
type Slug = null | string | undefined

/** The base path of a site's pages: empty when the request came in on the site's own host. */
export const basePath = (onOwnHost: boolean, domain: string) => (onOwnHost ? '' : `/s/${encodeURIComponent(domain)}`)

/** Set by `src/proxy.ts` on a request it routed to a site by its host name: that host. */
export const OWN_HOST_HEADER = 'x-wirehouse-own-host'
