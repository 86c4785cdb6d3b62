/**
 * Structured data as search engines read it: a page's JSON-LD extracted by
 * `@marbec/web-auto-extractor`, checked by `@adobe/structured-data-validator` against the
 * schema.org vocabulary vendored in test/fixtures/schemaorg, and against Google's Article
 * structured-data guidelines (https://developers.google.com/search/docs/appearance/structured-data/article).
 */
import Validator from '@adobe/structured-data-validator'
// The validator imports its type handlers on demand; jest's ESM loader fails to link one whose
// imports it has not seen ("request for '../utils.js' is not in cache"): load them first.
import '@adobe/structured-data-validator/src/types/base.js'
import '@adobe/structured-data-validator/src/types/schemaOrg.js'
import WebAutoExtractor from '@marbec/web-auto-extractor'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

type Thing = Record<string, any>

const VOCABULARY = fileURLToPath(new URL('../fixtures/schemaorg/schemaorg-current-https.jsonld', import.meta.url))

let validator: undefined | Validator

/** A minimal page carrying `ld` as the site's pages do: for checking API output the same way. */
export const pageWith = (ld: unknown): string =>
  `<!doctype html><html><head><title>t</title></head><body><script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script></body></html>`

/** The JSON-LD items of a page, by type, as the extractor finds them (with its parse errors). */
export const extract = (html: string): { jsonld: Record<string, Thing[]>; errors: unknown[] } =>
  new WebAutoExtractor({ addLocation: true, embedSource: ['rdfa', 'microdata'] }).parse(html)

/**
 * What the validator reports about a page: its errors, and the warnings that a property is not
 * schema.org's (a misspelt property is a warning there, and worth failing on here).
 */
export const schemaOrgIssues = async (html: string): Promise<string[]> => {
  validator ??= new Validator(JSON.parse(fs.readFileSync(VOCABULARY, 'utf8')))
  const data = extract(html)
  const issues = await validator!.validate(data)
  return [
    ...data.errors.map((error) => `extractor: ${JSON.stringify(error)}`),
    ...issues.filter((i) => i.severity === 'ERROR' || i.errorType === 'schemaOrg').map((i) => `${i.severity}: ${i.issueMessage}`),
  ]
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

const absolute = (value: unknown): boolean => {
  try {
    return typeof value === 'string' && ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

/**
 * What a NewsArticle lacks against Google's Article guidelines (all its recommended properties
 * but `image`: articles carry no image yet) and the rights the attribution contract promises.
 * `url`: the article has a public URL, so `url` and `mainEntityOfPage` must give it.
 */
export const articleProblems = (ld: Thing, { url, publicDomain = false }: { url?: string; publicDomain?: boolean } = {}): string[] => {
  const problems: string[] = []
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what)
  }
  need(ld['@context'] === 'https://schema.org' && ld['@type'] === 'NewsArticle', '@context/@type: a schema.org NewsArticle')
  need(typeof ld.headline === 'string' && ld.headline.length > 0, 'headline')
  need(ISO_WITH_ZONE.test(ld.datePublished ?? ''), 'datePublished: ISO 8601 with a zone')
  need(ISO_WITH_ZONE.test(ld.dateModified ?? ''), 'dateModified: ISO 8601 with a zone')
  const authors: Thing[] = Array.isArray(ld.author) ? ld.author : [ld.author].filter(Boolean)
  need(authors.length > 0 && authors.every((a) => ['Person', 'Organization'].includes(a['@type']) && a.name), 'author: Person or Organization with a name')
  need(ld.publisher?.['@type'] === 'Organization' && ld.publisher.name, 'publisher: Organization with a name')
  const logo = ld.publisher?.logo
  need(logo?.['@type'] === 'ImageObject' && absolute(logo.url), 'publisher.logo: ImageObject with an absolute url')
  if (url) {
    need(ld.url === url, `url: ${url}`)
    need(ld.mainEntityOfPage?.['@id'] === url || ld.mainEntityOfPage === url, `mainEntityOfPage: ${url}`)
  }
  if (!publicDomain) need(ld.copyrightHolder?.name, 'copyrightHolder with a name')
  need(Number.isInteger(ld.copyrightYear), 'copyrightYear: a year')
  need(typeof ld.creditText === 'string' && ld.creditText, 'creditText')
  need(absolute(ld.license) || ld.license?.['@type'] === 'CreativeWork', 'license: a URL or a CreativeWork')
  need(ld.isAccessibleForFree === true, 'isAccessibleForFree: true')
  return problems
}
