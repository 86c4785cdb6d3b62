import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { collections, Publisher } from './collections'
import { type AttributionPluginOptions, attributionPlugin } from '@wirehouse/payload-plugin-attribution'
import { complianceStaff } from './src/access'
import { onInit } from './src/bootstrap'
import { databaseAdapter } from './src/database'
import { env } from './src/env'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** The app's config with the given attribution plugin options (benchmarks build one with `{ disabled: true }` too). */
export const wirehouseConfig = (attribution: AttributionPluginOptions = {}) =>
  buildConfig({
    admin: {
      user: 'users',
      importMap: { baseDir: path.resolve(dirname) },
      meta: { titleSuffix: ' · Wirehouse' },
      // Gravatar would be an outbound request from every editor's browser.
      avatar: 'default',
      // The article's public page in the edit view, draft included (`src/app/(site)/preview`).
      livePreview: {
        collections: ['articles'],
        url: ({ data }) => (data?.id ? `/preview?id=${data.id}` : null),
        breakpoints: [{ name: 'phone', label: 'Phone', width: 375, height: 667 }],
      },
    },
    collections,
    globals: [Publisher],
    editor: lexicalEditor(),
    db: databaseAdapter(env.DATABASE_URI),
    secret: env.PAYLOAD_SECRET,
    serverURL: env.SERVER_URL,
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
    graphQL: { schemaOutputFile: path.resolve(dirname, 'schema.graphql') },
    telemetry: false,
    // `payload seed` / `npm run seed`, `payload ingest` / `npm run ingest -- <files or folders>`
    bin: [
      { key: 'seed', scriptPath: path.resolve(dirname, 'src/seed/run.ts') },
      { key: 'ingest', scriptPath: path.resolve(dirname, 'src/ingest/cli.ts') },
    ],
    onInit,
    plugins: [attributionPlugin({ reportAccess: complianceStaff, ...attribution })],
  })

export default wirehouseConfig()
