import { EXPERIMENTAL_TableFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { type AttributionPluginOptions, attributionPlugin } from '@wirehouse/payload-plugin-attribution'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { admins, complianceStaff } from '@/access'
import { requestCaps } from '@/api/caps'
import { graphqlLimits } from '@/api/graphql'
import { onInit } from '@/bootstrap'
import { databaseAdapter } from '@/database'
import { env } from '@/env'
import { wellFormedQueries } from '@/hooks/wellFormedQuery'
import { LIMITS } from '@/limits'
import { openApiEndpoints } from '@/openapi/endpoints'
import { limiter } from '@/rateLimit/limiter'
import { publicArticleUrl } from '@/site/format'
import { webhookJobs } from '@/webhooks/queue'

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
    // `GET /api/openapi.json` and `GET /api/docs` (docs/api-reference.md).
    endpoints: openApiEndpoints,
    // Tables, since wire copy has them (results, budgets): ingest keeps them as tables.
    editor: lexicalEditor({ features: ({ defaultFeatures }) => [...defaultFeatures, EXPERIMENTAL_TableFeature()] }),
    // The admin in English, French or German, as each user chooses (the plugin brings its texts in all three).
    i18n: { supportedLanguages: { en, fr, de }, fallbackLanguage: 'en' },
    db: databaseAdapter(env.DATABASE_URI),
    secret: env.PAYLOAD_SECRET,
    serverURL: env.SERVER_URL,
    // A session cookie counts only on requests from these origins (others need an API key or a
    // token), and only they may read the API with it from a browser.
    csrf: env.ALLOWED_ORIGINS,
    cors: env.ALLOWED_ORIGINS,
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
    graphQL: {
      schemaOutputFile: path.resolve(dirname, 'schema.graphql'),
      // Depth, aliases, a cost that grows with nesting, and the REST caps on `limit` (docs/api.md#limits).
      maxComplexity: LIMITS.graphql.maxComplexity,
      validationRules: graphqlLimits,
    },
    telemetry: false,
    // `payload seed` / `npm run seed`, `payload ingest` / `npm run ingest -- <files or folders>`,
    // `payload create-admin` / `npm run create-admin`
    bin: [
      { key: 'create-admin', scriptPath: path.resolve(dirname, 'src/accounts/createAdmin.ts') },
      { key: 'seed', scriptPath: path.resolve(dirname, 'src/seed/run.ts') },
      { key: 'ingest', scriptPath: path.resolve(dirname, 'src/ingest/cli.ts') },
    ],
    onInit,
    // Webhook deliveries (src/webhooks/queue.ts, docs/webhooks.md); run and queued over REST by admins only.
    jobs: { ...webhookJobs, access: { run: admins, queue: admins, cancel: admins } },
    plugins: [
      attributionPlugin({
        notices: { overrides: LegalNotices },
        sources: { overrides: WireSources },
        publisher: { overrides: Publisher },
        uploadsCollection: 'media',
        // The address the public pages answer on, for the JSON-LD (`attribution.jsonLd.url`).
        publicUrl: publicArticleUrl,
        review: { reviewers: complianceStaff, bypass: admins },
        reportAccess: complianceStaff,
        // Per account; the per-address limit is in the express server (src/server/rateLimit.ts).
        throttle: ({ req }) => (req.user ? limiter('PREVIEW_USER').consume(`${req.user.collection}:${req.user.id}`) : null),
        ...attribution,
      }),
      // After the attribution plugin, so they reach its collections too.
      wellFormedQueries,
      requestCaps(),
    ],
  })

export default wirehouseConfig()
