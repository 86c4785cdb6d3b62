import Link from 'next/link'

import { networkPageTags } from '@/pageCache/vocabulary'
import { allSites } from '@/site/data'
import { basePath } from '@/site/format'
import { declareTags } from '@/site/request'

export const dynamic = 'force-dynamic'

/** `/` on a host that is not a site (localhost): the network's sites, each under `/s/<domain>`. */
export default async function NetworkIndex() {
  const sites = await allSites()
  await declareTags(networkPageTags())
  return (
    <main className="site-main" id="main">
      <h1>Sites of the network</h1>
      <ul className="site-list">
        {sites.map((site) => (
          <li key={site.id}>
            <Link href={basePath(false, site.domain)}>{site.name}</Link> <span className="muted">{site.domain}</span>
          </li>
        ))}
      </ul>
    </main>
  )
}
