import type { Field } from 'payload'

import { LICENSES } from '../constants.ts'
import { label } from '../translations/translate.ts'

/**
 * Every field below virtual too: Payload 3.90 refuses a query on a virtual field but not on the
 * subfields of a virtual group, and `where[attribution.credit]` then reached SQL as a column
 * that does not exist (a 500); now it is a 400 naming the path, over REST and GraphQL alike.
 */
const allVirtual = (fields: Field[]): Field[] =>
  fields.map((field) => ({ ...field, virtual: true, ...('fields' in field && { fields: allVirtual(field.fields) }) }) as Field)

const ON_REQUEST = 'Only when asked for: GraphQL selection, REST ?attribution=full or select, Local API context.attribution = "full".'

/**
 * The typed, virtual `attribution` field (a named object type in GraphQL). Its value is set by
 * `attachAttribution` once per operation, not per document: see hooks/attribution.ts.
 */
export const attributionField = (): Field => ({
  name: 'attribution',
  type: 'group',
  virtual: true,
  interfaceName: 'Attribution',
  label: label('field-attribution'),
  admin: { hidden: true },
  access: { create: () => false, update: () => false },
  fields: allVirtual([
    { name: 'credit', type: 'text' },
    { name: 'byline', type: 'text' },
    { name: 'copyrightHolder', type: 'text' },
    { name: 'copyrightYear', type: 'number' },
    // Text, not select: GraphQL enums would turn `public-domain` into `public_domain`, unlike REST.
    { name: 'license', type: 'text', admin: { description: LICENSES.join(' | ') } },
    {
      name: 'notices',
      type: 'array',
      interfaceName: 'AttributionNotice',
      admin: { description: 'Which notices apply, in display order.' },
      fields: [
        // The notice's id as the database has it: a number on SQL databases, a string on MongoDB.
        { name: 'id', type: 'text', typescriptSchema: [() => ({ type: ['string', 'number', 'null'] })] },
        { name: 'kind', type: 'text' },
        { name: 'title', type: 'text' },
        // Each body is in the attribution's `text` and `html` already: per notice only when asked.
        { name: 'text', type: 'textarea', admin: { description: ON_REQUEST } },
        { name: 'html', type: 'textarea', admin: { description: ON_REQUEST } },
      ],
    },
    { name: 'text', type: 'textarea', admin: { description: 'Every notice as plain text, each body once.' } },
    { name: 'html', type: 'textarea', admin: { description: 'Every notice as sanitized HTML, each body once.' } },
    { name: 'jsonLd', type: 'json' },
    { name: 'warnings', type: 'text', hasMany: true },
  ]),
})
