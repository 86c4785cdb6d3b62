/** The slice of OpenAPI 3.1 the generator writes (plain JSON objects, typed loosely on purpose). */
export type Json = Record<string, any>

/**
 * What an endpoint says about itself, under `custom.openapi` next to its handler: an OpenAPI
 * Operation object (`summary`, `description`, `parameters`, `requestBody`, `responses`…). Path
 * parameters (`:id`) are added by the generator when the metadata does not list them; `tags`
 * defaults to the collection's or global's slug. `$ref`s may point at `#/components/schemas/<name>`
 * (every collection and global by slug, `Error`, `Attribution`, `AttributionFull`…) and
 * `#/components/responses/<name>` (`Error`, `NotFound`, `Unauthorized`, `Forbidden`, `BadRequest`).
 */
export type OpenApiOperation = Json & {
  summary: string
  responses: Record<string, Json>
}

/** `custom` of an endpoint that documents itself. */
export type DocumentedCustom = { openapi?: OpenApiOperation | false }

/** What an operation of the generated document says it is, for the tests. */
export const NOT_DESCRIBED = 'Not described yet.'
