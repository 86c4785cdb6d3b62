/**
 * The API reference's files under `/api/docs/`, by name: the only names it answers (a `Map`, so
 * `constructor`, `__proto__` or `toString` are not names). `init.js` is generated; the others
 * are read from the `swagger-ui-dist` package. Shared by the endpoint and the production server's
 * headers (`src/security/csp.ts`), so neither answers for a path the other does not know.
 */
export const DOCS_FILES: ReadonlyMap<string, string> = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
  ['init.js', 'text/javascript; charset=utf-8'],
])
