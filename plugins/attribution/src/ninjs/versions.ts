/**
 * The ninjs versions the export writes, with the `$id` of IPTC's JSON schema for each. 2.x spells
 * properties in lower case (`copyrightholder`, `infosources`), 3.x in camelCase (`copyrightHolder`,
 * `infoSources`); every property the export writes is spelled in 2.x as the lower case of its 3.x name.
 */
export const NINJS_VERSIONS = {
  '2.2': { schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#', camelCase: false },
  '3.1': { schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#', camelCase: true },
} as const

export type NinjsVersion = keyof typeof NINJS_VERSIONS

/** What a client gets when it asks for no version. */
export const DEFAULT_NINJS_VERSION: NinjsVersion = '2.2'

/** The media type IPTC gives ninjs; `;version=3.1` in `Accept` asks for a version. */
export const NINJS_MEDIA_TYPE = 'application/ninjs+json'

export const SUPPORTED_NINJS_VERSIONS = Object.keys(NINJS_VERSIONS) as NinjsVersion[]

export const isNinjsVersion = (value: string): value is NinjsVersion => Object.hasOwn(NINJS_VERSIONS, value)

/** The `standard` an item (and a feed page) declares: the name, its version and the schema's `$id`. */
export const ninjsStandard = (version: NinjsVersion) => ({ name: 'ninjs' as const, version, schema: NINJS_VERSIONS[version].schema })
