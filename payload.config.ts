import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { type AttributionPluginOptions, attributionPlugin } from '@wirehouse/payload-plugin-attribution'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { admins, complianceStaff } from '@/access'
import { onInit } from '@/bootstrap'
import { databaseAdapter } from '@/database'
import { env } from '@/env'
import { wellFormedQueries } from '@/hooks/wellFormedQuery'

import { collections, LegalNotices, Publisher, WireSources } from './collections'

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
    editor: lexicalEditor(),
    // The admin in English, French or German, as each user chooses (the plugin brings its texts in all three).
    i18n: { supportedLanguages: { en, fr, de }, fallbackLanguage: 'en' },
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
    plugins: [
      attributionPlugin({
        notices: { overrides: LegalNotices },
        sources: { overrides: WireSources },
        publisher: { overrides: Publisher },
        review: { reviewers: complianceStaff, bypass: admins },
        reportAccess: complianceStaff,
        ...attribution,
      }),
      wellFormedQueries,
    ],
  })

export default wirehouseConfig()
