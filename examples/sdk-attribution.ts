/**
 * A typed client of the Wirehouse API with the official `@payloadcms/sdk` and the app's generated
 * types (`payload-types.ts`): read an article by its slug, with its attribution (the lean form),
 * then the same article with `?attribution=full` (each notice with its own text).
 *
 *   npm ci --prefix examples
 *   WIREHOUSE_URL=http://localhost:3000 node --import=tsx examples/sdk-attribution.ts rival-blocs-court-central-asia-at-a-crowded-summit
 *
 * Anonymous readers see published articles; set WIREHOUSE_API_KEY (a users API key) to read as that user.
 */
import { PayloadSDK } from '@payloadcms/sdk'

import type { Article, Attribution, Config } from '../payload-types'

export type ArticleAttribution = {
  id: Article['id']
  headline: Article['headline']
  /** The lean form: credit, copyright, notices' ids, kinds and titles, every notice's text once. */
  attribution: Attribution
  /** `?attribution=full`: each notice with its own `text` and `html` too. */
  notices: NonNullable<Attribution['notices']>
}

export const readAttribution = async ({ baseURL, slug, apiKey }: { baseURL: string; slug: string; apiKey?: string }): Promise<ArticleAttribution> => {
  const sdk = new PayloadSDK<Config>({
    baseURL: `${baseURL.replace(/\/$/, '')}/api`,
    baseInit: apiKey ? { headers: { Authorization: `users API-Key ${apiKey}` } } : {},
  })
  const { docs } = await sdk.find({ collection: 'articles', where: { slug: { equals: slug } }, limit: 1, depth: 0 })
  const article = docs[0]
  if (!article) throw new Error(`No published article with the slug "${slug}".`)
  if (!article.attribution) throw new Error(`The article "${slug}" came without its attribution.`)
  // The SDK has no option for the API's own `?attribution=full`: its `request` sends any path.
  const response = await sdk.request({ method: 'GET', path: `/articles/${article.id}?attribution=full&depth=0` })
  const full = (await response.json()) as Article
  return { id: article.id, headline: article.headline, attribution: article.attribution, notices: full.attribution?.notices ?? [] }
}

const main = async () => {
  const slug = process.argv[2] ?? 'rival-blocs-court-central-asia-at-a-crowded-summit'
  const result = await readAttribution({ baseURL: process.env.WIREHOUSE_URL ?? 'http://localhost:3000', slug, apiKey: process.env.WIREHOUSE_API_KEY })
  const { attribution } = result
  console.log(`${result.headline}`)
  console.log(`  credit: ${attribution.credit}; © ${attribution.copyrightYear} ${attribution.copyrightHolder} (${attribution.license})`)
  for (const notice of result.notices) console.log(`  [${notice.kind}] ${notice.title}: ${notice.text}`)
  console.log(JSON.stringify(result))
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
