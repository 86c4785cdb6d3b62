/** The two checkers ship JavaScript without types: what test/helpers/structuredData.ts uses of them. */
declare module '@adobe/structured-data-validator' {
  export default class Validator {
    constructor(schemaOrgJson?: unknown)
    debug: boolean
    validate(data: unknown): Promise<{ issueMessage: string; severity: 'ERROR' | 'WARNING'; errorType?: string; fieldNames?: string[] }[]>
  }
}

declare module '@marbec/web-auto-extractor' {
  export default class WebAutoExtractor {
    constructor(options?: { addLocation?: boolean; embedSource?: string[] })
    parse(html: string): { jsonld: Record<string, Record<string, any>[]>; errors: unknown[]; [format: string]: unknown }
  }
}
