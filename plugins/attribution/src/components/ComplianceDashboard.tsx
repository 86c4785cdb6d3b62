import type { AdminViewServerProps, CollectionSlug } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { getTranslation } from '@payloadcms/translations'
import { Gutter } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import * as qs from 'qs-esm'

import type { NoticeKind } from '../constants.ts'
import type { ResolvedOptions } from '../options.ts'

import { NOTICE_KINDS, NOTICE_STATES } from '../constants.ts'
import { complianceReport } from '../report.ts'
import { translate } from '../translations/translate.ts'
import { LifecycleTimeline } from './LifecycleTimeline.tsx'
import { lifecycleTimeline } from './lifecycleTimeline.ts'
import './ComplianceDashboard.css'

const baseClass = 'compliance-dashboard'

type Props = AdminViewServerProps & { options: ResolvedOptions }

/**
 * The compliance view: the rights lifecycle (embargoes lifting and usage windows ending soon,
 * recent kills and withdrawals), notices by kind and state, dates to come, sources and articles to fix.
 */
export const ComplianceDashboard = async ({ initPageResult, options, params, searchParams }: Props) => {
  const { req } = initPageResult
  const { i18n, t } = req
  const { admin } = req.payload.config.routes
  const pluralOf = (slug: string) => {
    const labels = req.payload.collections[slug as CollectionSlug]?.config.labels
    return labels ? getTranslation(labels.plural, i18n) : slug
  }
  const allowed = Boolean(req.user) && (await options.reportAccess({ req }))
  const now = new Date()
  const [report, timeline] = allowed ? await Promise.all([complianceReport(req, options, now), lifecycleTimeline(req, options, now)]) : [null, null]
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
        <h1>{translate(t, 'compliance-title')}</h1>
        {!report && <p data-testid="compliance-denied">{translate(t, 'compliance-denied')}</p>}
        {report && (
          <>
            <p className={`${baseClass}__generated`}>
              {translate(t, 'compliance-asOf', {
                date: new Date(report.generatedAt).toLocaleString(i18n.language, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }),
              })}
            </p>
            {timeline && (
              <LifecycleTimeline
                i18n={i18n}
                link={(event) => link(`/collections/${event.collection}/${encodeURIComponent(String(event.id))}`)}
                timeline={timeline}
              />
            )}
            <section data-testid="compliance-notices">
              <h2>{translate(t, 'compliance-notices')}</h2>
              <table>
                <thead>
                  <tr>
                    <th>{translate(t, 'compliance-kind')}</th>
                    {NOTICE_STATES.map((state) => (
                      <th key={state}>{translate(t, `noticeState-${state}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(report.notices)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([kind, counts]) => (
                      <tr key={kind}>
                        <td>
                          <a href={link(`/collections/${options.noticesSlug}?${qs.stringify({ where: { kind: { equals: kind } } })}`)}>
                            {(NOTICE_KINDS as readonly string[]).includes(kind) ? translate(t, `noticeKind-${kind as NoticeKind}`) : kind}
                          </a>
                        </td>
                        {NOTICE_STATES.map((state) => (
                          <td key={state}>{counts[state] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                </tbody>
              </table>
            </section>
            <section data-testid="compliance-upcoming">
              <h2>{translate(t, 'compliance-upcoming')}</h2>
              {report.upcoming.length === 0 ? (
                <p>{translate(t, 'compliance-nothingScheduled')}</p>
              ) : (
                <ul>
                  {report.upcoming.map((u) => (
                    <li key={`${u.id}-${u.change}`}>
                      {u.at.slice(0, 10)}: <a href={link(`/collections/${options.noticesSlug}/${u.id}`)}>{u.title}</a>{' '}
                      {translate(t, `compliance-${u.change}`)}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section data-testid="compliance-sources">
              <h2>{translate(t, 'compliance-sources')}</h2>
              {report.sources.length === 0 ? (
                <p>{translate(t, 'compliance-sourcesFine')}</p>
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
            {options.targets.map(({ slug }) => (
              <section data-collection={slug} data-testid="compliance-articles" key={slug}>
                <h2>{translate(t, 'compliance-warnings', { label: pluralOf(slug) })}</h2>
                <ul>
                  {report.articles
                    .filter((a) => a.collection === slug)
                    .map((a) => (
                      <li key={a.warning}>
                        <a href={link(`/collections/${slug}?${qs.stringify({ where: a.where })}`)}>{a.count}</a> {a.warning}
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
