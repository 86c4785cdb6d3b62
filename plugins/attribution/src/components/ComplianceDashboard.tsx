import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import * as qs from 'qs-esm'

import type { ResolvedOptions } from '../options.ts'
import type { NoticeState } from '../report.ts'

import { complianceReport } from '../report.ts'
import './ComplianceDashboard.css'

const STATES: NoticeState[] = ['in-force', 'scheduled', 'draft', 'expired', 'trashed']
const baseClass = 'compliance-dashboard'

type Props = AdminViewServerProps & { options: ResolvedOptions }

/** The compliance view: notices by kind and state, dates to come, sources and articles to fix. */
export const ComplianceDashboard = async ({ initPageResult, options, params, searchParams }: Props) => {
  const { req } = initPageResult
  const { admin } = req.payload.config.routes
  const allowed = Boolean(req.user) && (await options.reportAccess({ req }))
  const report = allowed ? await complianceReport(req, options) : null
  const link = (path: `/${string}`) => formatAdminURL({ adminRoute: admin, path, serverURL: undefined })

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter className={baseClass}>
        <h1>Compliance</h1>
        {!report && <p data-testid="compliance-denied">Only compliance staff and admins see this report.</p>}
        {report && (
          <>
            <p className={`${baseClass}__generated`}>As of {new Date(report.generatedAt).toUTCString()}</p>
            <section data-testid="compliance-notices">
              <h2>Notices by kind and state</h2>
              <table>
                <thead>
                  <tr>
                    <th>kind</th>
                    {STATES.map((state) => (
                      <th key={state}>{state}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(report.notices)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([kind, counts]) => (
                      <tr key={kind}>
                        <td>
                          <a href={link(`/collections/${options.noticesSlug}?${qs.stringify({ where: { kind: { equals: kind } } })}`)}>{kind}</a>
                        </td>
                        {STATES.map((state) => (
                          <td key={state}>{counts[state] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
            <section data-testid="compliance-upcoming">
              <h2>Coming into or going out of force</h2>
              {report.upcoming.length === 0 ? (
                <p>Nothing scheduled.</p>
              ) : (
                <ul>
                  {report.upcoming.map((u) => (
                    <li key={`${u.id}-${u.change}`}>
                      {u.at.slice(0, 10)}: <a href={link(`/collections/${options.noticesSlug}/${u.id}`)}>{u.title}</a> {u.change}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section data-testid="compliance-sources">
              <h2>Sources to check</h2>
              {report.sources.length === 0 ? (
                <p>Every source’s rights are complete and covered.</p>
              ) : (
                <ul>
                  {report.sources.map((s) => (
                    <li key={String(s.id)}>
                      <a href={link(`/collections/${options.sourcesSlug}/${s.id}`)}>{s.code || s.name}</a>: {s.problems.join('; ')}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section data-testid="compliance-articles">
              <h2>Articles with attribution warnings</h2>
              <ul>
                {report.articles.map((a) => (
                  <li key={a.warning}>
                    <a href={link(`/collections/${options.collections[0]}?${qs.stringify({ where: a.where })}`)}>{a.count}</a> {a.warning}
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
