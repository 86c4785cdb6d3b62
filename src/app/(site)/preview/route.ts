import config from '@payload-config'
import { draftMode } from 'next/headers.js'
import { getPayload } from 'payload'

import { basePath, sitePaths } from '@/site/format'

const problem = (status: number, message: string) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * `/preview?id=<article id>`: the admin's live preview. For a signed-in editor, compliance
 * officer or admin, turns on Next's draft mode and sends the browser to the article's page,
 * which then shows its latest version, draft or not.
 */
export async function GET(request: Request) {
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!user) return problem(401, 'Sign in to the admin to preview articles.')
  const id = new URL(request.url).searchParams.get('id')
  if (!id) return problem(400, 'Name the article: /preview?id=<id>.')
  const article = await payload
    .findByID({ collection: 'articles', id, draft: true, depth: 2, user, overrideAccess: false })
    .catch(() => null)
  if (!article) return problem(404, `No article ${id} that you may read.`)
  const section = typeof article.section === 'object' ? article.section : null
  const site = section && typeof section.site === 'object' ? section.site : null
  if (!section || !site) return problem(409, 'File the article in a section to preview its page.')
  ;(await draftMode()).enable()
  const page = sitePaths(basePath(false, site.domain)).article(section.slug, article.slug)
  return new Response(null, { status: 307, headers: { Location: page } })
}
