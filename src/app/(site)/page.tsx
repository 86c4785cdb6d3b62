import Link from 'next/link'

import { allSites } from '@/site/data'
import { basePath } from '@/site/format'

export const dynamic = 'force-dynamic'

/** `/` on a host that is not a site (localhost): the network's sites, each under `/s/<domain>`. */
export default async function NetworkIndex() {
  const sites = await allSites()
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
