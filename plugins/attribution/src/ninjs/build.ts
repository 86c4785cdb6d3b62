import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

import type { AttributionFieldNames } from '../options.ts'
import type { Attribution, Availability, License, SourceInput } from '../types.ts'

import { LICENSE_URLS } from '../constants.ts'
import { sanitizeHtmlOutput } from '../html.ts'
import { availabilityAt } from '../lifecycle/rule.ts'
import { isAbsoluteUrl, isoInstant } from '../utilities/web.ts'
import { copyrightNotice } from './copyright.ts'
import { NINJS_VERSIONS, type NinjsVersion, ninjsStandard } from './versions.ts'

type Doc = Record<string, any>

/** A ninjs news item, in the spelling of the version it declares in `standard`. */
export type NinjsItem = Record<string, unknown> & { uri: string; standard: ReturnType<typeof ninjsStandard> }

export type NinjsInput = {
  /** The document, read at depth 1 (sources and section populated). */
  doc: Doc
  /** Its resolved attribution; without one, no rights fields. */
  attribution?: Attribution | null
  /** The collection it belongs to, for its `uri`. */
  collection: string
  fields: AttributionFieldNames
  version: NinjsVersion
  /** The collection `fields.section` points to, for the subject's `uri`. */
  sectionCollection?: string
}

/** Every id is a URN of the collection and the document; the same for sections. */
export const NINJS_URN_PREFIX = 'urn:wirehouse:'

/** IPTC's Content Production Party Roles: the primary source originated the copy, the others contributed to it. */
export const INFO_SOURCE_ROLES = {
  primary: 'http://cv.iptc.org/newscodes/contentprodpartyrole/originfo',
  additional: 'http://cv.iptc.org/newscodes/contentprodpartyrole/contentSource',
} as const

/** The usage terms a licence stands for (its page: `LICENSE_URLS`). */
export const USAGE_TERMS: Record<License, string> = {
  copyright: 'All rights reserved: republication needs the copyright holder’s permission.',
  'public-domain': 'Public domain: no copyright restrictions.',
  'cc-by': 'Creative Commons Attribution 4.0 (CC BY 4.0): reuse with credit.',
  'cc-by-sa': 'Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0): reuse with credit, under the same licence.',
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

/** An absolute http(s) URL, as `format: uri` and a partner's client need it. */
const webUrl = (value: unknown): string | undefined => {
  const url = text(value)
  return isAbsoluteUrl(url) ? url : undefined
}

/** The counts of a plain-text body, which are of its text alone. */
const counted = (value: string) => ({ charCount: value.length, wordCount: value.split(/\s+/).filter(Boolean).length })

/** 2.x spells each property this builder writes as the lower case of its 3.x name. */
const lowerKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(lowerKeys)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.toLowerCase(), lowerKeys(inner)]))
}

/** The parts with a value; an empty list or object is left out as ninjs leaves out what it lacks. */
const present = (item: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length)))

const bodiesOf = (body: unknown) => {
  if (!body || typeof body !== 'object') return []
  const data = body as SerializedEditorState
  const html = sanitizeHtmlOutput(convertLexicalToHTML({ data, disableContainer: true })).trim()
  const plain = convertLexicalToPlaintext({ data }).trim()
  return [
    ...(html ? [{ role: 'main', contentType: 'text/html', value: html }] : []),
    ...(plain ? [{ role: 'main', contentType: 'text/plain', value: plain, ...counted(plain) }] : []),
  ]
}

const sourceOf = (ref: unknown, role: keyof typeof INFO_SOURCE_ROLES) => {
  if (!ref || typeof ref !== 'object') return []
  const { name, code } = ref as { name?: unknown; code?: unknown }
  return text(name) ? [present({ name: text(name), role: INFO_SOURCE_ROLES[role], literal: text(code) })] : []
}

/** The rights in 3.x's names: no holder for a public-domain story; the notice as `copyrightNotice` composes it. */
const rightsOf = (attribution: Attribution | null | undefined) => {
  if (!attribution) return {}
  const holder = attribution.copyrightHolder ?? undefined
  const link = LICENSE_URLS[attribution.license]
  return {
    copyrightHolder: holder,
    copyrightNotice: copyrightNotice(attribution),
    usageTerms: USAGE_TERMS[attribution.license],
    rightsInfo: link ? { linkedRights: link } : undefined,
  }
}

/** The document's `availability` as read (at the requested moment), else computed now from its fields. */
const availabilityOf = (doc: Doc, fields: AttributionFieldNames): Availability => {
  const read = doc.availability as Availability | undefined
  if (read?.state) return read
  const source = doc[fields.source]
  return availabilityAt(
    {
      embargoUntil: doc[fields.embargoUntil],
      withdrawn: doc[fields.withdrawn],
      dateline: fields.dateline ? doc[fields.dateline] : undefined,
      publishedAt: fields.publishedAt ? doc[fields.publishedAt] : undefined,
    },
    source && typeof source === 'object' ? (source as SourceInput) : null,
    new Date(),
  )
}

/**
 * IPTC's publication status (NewsML-G2 `pubStatus`: usable, withheld, canceled) for where the
 * story stands: withdrawn (a kill or a withdrawal) and expired (its source's licence window has
 * ended; it will not come back by itself) are `canceled`, "must not be used, withdraw it where
 * published"; embargoed and draft are `withheld`, not to be used yet, with the embargo's end in
 * `embargoedUntil` (3.x) / `embargoed` (2.x). The editorial note (`edNote`, 2.x `ednote`: for the
 * receiving staff, not for publication) carries the withdrawal's message.
 */
const statusOf = (doc: Doc, fields: AttributionFieldNames) => {
  const availability = availabilityOf(doc, fields)
  const withdrawn = (doc[fields.withdrawn] ?? {}) as { message?: unknown }
  if (availability.state === 'withdrawn') return { pubStatus: 'canceled', edNote: text(withdrawn.message) }
  if (availability.state === 'expired') {
    return { pubStatus: 'canceled', edNote: `Expired: the usage window of its source ended${availability.since ? ` on ${availability.since}` : ''}.` }
  }
  if (availability.state === 'embargoed') return { pubStatus: 'withheld', embargoedUntil: isoInstant(availability.until) }
  return { pubStatus: doc._status === 'draft' ? 'withheld' : 'usable' }
}

/** 2.x names the embargo `embargoed` where 3.x has `embargoedUntil`; every other property is its 3.x name in lower case. */
const VERSION_2_NAMES: Record<string, string> = { embargoedUntil: 'embargoed' }

/**
 * A document as an IPTC ninjs news item of `version`, valid against that version's schema. Reads
 * only the fields `fields` names, and `attribution` for the byline and the rights.
 */
export const buildNinjs = ({ doc, attribution, collection, fields, version, sectionCollection }: NinjsInput): NinjsItem => {
  const field = (name: false | string): unknown => (name ? doc[name] : undefined)
  const dateline = (field(fields.dateline) ?? {}) as { date?: unknown; place?: unknown }
  const place = text(dateline.place)
  const section = field(fields.section) as Doc | undefined
  const sectionName = section && typeof section === 'object' ? text(section.name ?? section.title) : undefined
  const headline = text(field(fields.headline))
  const summary = text(field(fields.summary))
  const url = webUrl(attribution?.jsonLd?.url)
  const links = ((field(fields.relatedLinks) ?? []) as { label?: unknown; url?: unknown }[]).flatMap((link) => {
    const href = webUrl(link?.url)
    return href ? [{ name: text(link.label) ?? href, uri: href, renditions: [{ name: 'web', href }] }] : []
  })
  const { camelCase } = NINJS_VERSIONS[version]
  const item = present({
    uri: `${NINJS_URN_PREFIX}${collection}:${doc.id}`,
    standard: ninjsStandard(version),
    // The wire's id beside ours: a partner, or Wirehouse's own ingest, knows the story by it.
    altIds: text(field(fields.externalId)) ? [{ role: 'wire', value: text(field(fields.externalId)) }] : undefined,
    type: 'text',
    representationType: 'full',
    profile: 'text-only',
    firstCreated: isoInstant(dateline.date) ?? isoInstant(field(fields.publishedAt)) ?? isoInstant(doc.createdAt),
    versionCreated: isoInstant(doc.updatedAt),
    ...statusOf(doc, fields),
    ...rightsOf(attribution),
    slugline: text(field(fields.slug)),
    headlines: headline ? [{ role: 'main', contentType: 'text/plain', value: headline }] : undefined,
    by: text(attribution?.byline) ?? text(field(fields.byline)),
    located: place,
    places: place ? [{ name: place, rel: 'located' }] : undefined,
    descriptions: summary ? [{ role: 'summary', contentType: 'text/plain', value: summary }] : undefined,
    bodies: bodiesOf(field(fields.body)),
    subjects:
      sectionName && section
        ? [present({ name: sectionName, rel: 'section', uri: sectionCollection ? `${NINJS_URN_PREFIX}${sectionCollection}:${section.id}` : undefined, literal: text(section.slug) })]
        : undefined,
    infoSources: [
      ...sourceOf(doc[fields.source], 'primary'),
      ...((doc[fields.additionalSources] ?? []) as unknown[]).flatMap((ref) => sourceOf(ref, 'additional')),
    ],
    renditions: url ? [{ name: 'web', href: url, contentType: 'text/html' }] : undefined,
    associations: links,
  })
  if (camelCase) return item as NinjsItem
  const renamed = Object.fromEntries(Object.entries(item).map(([key, value]) => [VERSION_2_NAMES[key] ?? key, value]))
  return lowerKeys(renamed) as NinjsItem
}
