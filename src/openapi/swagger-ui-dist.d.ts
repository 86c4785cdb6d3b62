/** swagger-ui-dist ships no types; the one file the server loads from it. */
declare module 'swagger-ui-dist/absolute-path.js' {
  const absolutePath: () => string
  export default absolutePath
}
