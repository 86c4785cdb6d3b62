import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { AnySchemaObject, ValidateFunction } from 'ajv'

import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

/** IPTC's ninjs schemas and the GeoJSON schema they reference, as published (see its README). */
export const NINJS_SCHEMAS = path.resolve('test/fixtures/ninjs')

const read = (file: string) => JSON.parse(readFileSync(path.join(NINJS_SCHEMAS, file), 'utf8')) as AnySchemaObject

/** The schema files by the ninjs version they describe. */
export const NINJS_SCHEMA_FILES = { '2.2': 'ninjs-schema_2.2.json', '3.1': 'ninjs-schema_3.1.json' } as const

let ajv: Ajv2020 | undefined

/**
 * One validator for every test: JSON Schema 2020-12 with formats checked. GeoJSON's schema is
 * draft-07 and loaded under its `$id`, so the ninjs schemas' `$ref` to it resolves offline. Not
 * strict: IPTC's schemas name `required` properties inside `oneOf` branches, which strict mode refuses.
 */
const validator = (): Ajv2020 => {
  if (ajv) return ajv
  ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats(ajv)
  ajv.addMetaSchema(createRequire(import.meta.url)('ajv/dist/refs/json-schema-draft-07.json') as AnySchemaObject)
  ajv.addSchema(read('GeoJSON.json'))
  for (const file of Object.values(NINJS_SCHEMA_FILES)) ajv.addSchema(read(file))
  return ajv
}

/** The compiled schema a ninjs object declares in `standard.schema`. */
export const ninjsSchema = (id: string): ValidateFunction => {
  const validate = validator().getSchema(id)
  if (!validate) throw new Error(`No vendored ninjs schema has the $id ${JSON.stringify(id)}.`)
  return validate
}

/**
 * What is wrong with `item` against the schema it declares (`standard.schema`), one line an error:
 * empty when it is valid. An item that declares no vendored schema is an error too.
 */
export const ninjsProblems = (item: unknown): string[] => {
  const declared = (item as { standard?: { schema?: unknown } } | null)?.standard?.schema
  if (typeof declared !== 'string') return ['standard.schema: the item declares no schema']
  const validate = ninjsSchema(declared)
  if (validate(item)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
}
