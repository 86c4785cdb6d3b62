export const SOURCE_KINDS = ['news-agency', 'government', 'space-agency', 'staff', 'press-release', 'other'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export const LICENSES = ['copyright', 'public-domain', 'cc-by', 'cc-by-sa'] as const
export type License = (typeof LICENSES)[number]

export const NOTICE_KINDS = [
  'copyright',
  'source-copyright',
  'public-domain',
  'staff-writers',
  'advertising',
  'gdpr',
  'privacy',
  'cookies',
  'jurisdiction',
  'other',
] as const

export const NOTICE_SCOPES = ['all', 'source-kinds', 'sources', 'licenses'] as const

export const labelled = (values: readonly string[]) =>
  values.map((value) => ({ label: value.replace(/(^|-)([a-z])/g, (_, dash, c) => (dash ? ' ' : '') + c.toUpperCase()), value }))
