/**
 * What one API request may ask of the server. The README's "Security model" and docs/api.md
 * list these values; change them here only.
 */
export const LIMITS = {
  /** REST `depth` and `limit` (and GraphQL `limit` arguments) for everyone but admins. */
  rest: {
    /** Relationship levels populated in a REST answer. */
    maxDepth: 3,
    /** Documents in one page of a list (collections, versions, joins). `0` means "all" to Payload: refused. */
    maxLimit: 100,
  },
  /** The shape of a GraphQL operation, for everyone (admins included). Introspection is not counted. */
  graphql: {
    /** Nesting of selections: `{ Articles { docs { relatedArticles { id } } } }` is 4 deep. */
    maxDepth: 8,
    /** Aliased fields in one operation. */
    maxAliases: 15,
    /** graphql-armor's cost: 2 a object, 1 a scalar, each level of nesting doubling what lies below it. */
    maxCost: 2000,
    depthCostFactor: 2,
    /** Payload's own complexity: 1 a field, 10 more a relationship, added up flat. */
    maxComplexity: 500,
  },
  /**
   * A `where` over REST or GraphQL, for everyone (server-side code is not counted): past these,
   * the databases refuse the SQL Payload builds (SQLite: an expression tree over 1,000 deep).
   */
  where: {
    /** `field: { operator: value }` pairs in all. */
    maxConditions: 100,
    /** `and`/`or` inside one another. */
    maxNesting: 10,
    /** Values in one `in`, `not_in` or `all` list. */
    maxValues: 1000,
  },
  /** Request bodies to `/api` in the production server (`src/server/bodies.ts`). */
  body: {
    /** JSON (and form) bodies; ingest keeps its own limit (`INGEST_DEFAULTS.maxBytes`, 5 MB). */
    maxBytes: 1024 * 1024,
  },
} as const
