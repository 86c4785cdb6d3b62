import type { I18nClient } from '@payloadcms/translations'

import type { Timeline, TimelineEvent, TimelineKind } from './lifecycleTimeline.ts'

import { translate } from '../translations/translate.ts'
import { ROWS_PER_KIND, TIMELINE_KINDS } from './lifecycleTimeline.ts'

const baseClass = 'lifecycle-timeline'

const WIDTH = 760
const LABEL = 170
const LANE = 28
const TOP = 24
const DAY_MS = 24 * 60 * 60 * 1000

type Props = { i18n: I18nClient; link: (event: TimelineEvent) => string; timeline: Timeline }

/**
 * The rights lifecycle in the compliance view: a chart (plain SVG, one lane per kind, from 30 days
 * ago to 7 days ahead, a mark per story linked to it) and the same moments as a table.
 */
export const LifecycleTimeline = ({ i18n, link, timeline }: Props) => {
  const { t } = i18n
  const from = new Date(timeline.from).getTime()
  const to = new Date(timeline.to).getTime()
  const now = new Date(timeline.now).getTime()
  const x = (at: number) => LABEL + ((at - from) / (to - from)) * (WIDTH - LABEL - 10)
  const height = TOP + TIMELINE_KINDS.length * LANE + 24
  const lane = (kind: TimelineKind) => TOP + TIMELINE_KINDS.indexOf(kind) * LANE + LANE / 2
  const kindText = (kind: TimelineKind) => translate(t, `lifecycle-kind-${kind}`)
  const when = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC'
  const ticks = [-30, -21, -14, -7, 0, 7]

  return (
    <section className={baseClass} data-testid="compliance-lifecycle">
      <h2>{translate(t, 'lifecycle-title')}</h2>
      <svg
        aria-label={translate(t, 'lifecycle-chart')}
        className={`${baseClass}__chart`}
        data-testid="lifecycle-chart"
        role="img"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
      >
        <title>{translate(t, 'lifecycle-chart')}</title>
        {TIMELINE_KINDS.map((kind) => (
          <g key={kind}>
            <line className={`${baseClass}__lane`} x1={LABEL} x2={WIDTH - 10} y1={lane(kind)} y2={lane(kind)} />
            <text className={`${baseClass}__label`} dominantBaseline="middle" x={0} y={lane(kind)}>
              {kindText(kind)}
            </text>
          </g>
        ))}
        {ticks.map((days) => {
          const at = now + days * DAY_MS
          return (
            <g key={days}>
              <line className={days === 0 ? `${baseClass}__now` : `${baseClass}__tick`} x1={x(at)} x2={x(at)} y1={TOP - 6} y2={height - 20} />
              <text className={`${baseClass}__tickLabel`} textAnchor={days === ticks.at(-1) ? 'end' : 'middle'} x={x(at)} y={height - 6}>
                {days === 0
                  ? translate(t, 'lifecycle-now')
                  : translate(t, days < 0 ? 'lifecycle-daysAgo' : 'lifecycle-daysAhead', { days: Math.abs(days) })}
              </text>
            </g>
          )
        })}
        {timeline.events.map((event) => (
          <a data-kind={event.kind} href={link(event)} key={`${event.kind}-${event.collection}-${event.id}`}>
            <circle
              className={`${baseClass}__mark ${baseClass}__mark--${event.kind}`}
              cx={x(new Date(event.at).getTime())}
              cy={lane(event.kind)}
              r={6}
            >
              <title>{`${kindText(event.kind)}: ${event.headline} (${when(event.at)})`}</title>
            </circle>
          </a>
        ))}
      </svg>
      {timeline.cut.map((kind) => (
        <p className={`${baseClass}__cut`} data-testid="lifecycle-cut" key={kind} role="note">
          {translate(t, 'lifecycle-cut', { max: ROWS_PER_KIND, kind: kindText(kind) })}
        </p>
      ))}
      {timeline.events.length === 0 ? (
        <p>{translate(t, 'lifecycle-nothing')}</p>
      ) : (
        <table data-testid="lifecycle-table">
          <thead>
            <tr>
              <th>{translate(t, 'lifecycle-when')}</th>
              <th>{translate(t, 'lifecycle-what')}</th>
              <th>{translate(t, 'lifecycle-article')}</th>
              <th>{translate(t, 'lifecycle-source')}</th>
              <th>{translate(t, 'lifecycle-detail')}</th>
            </tr>
          </thead>
          <tbody>
            {timeline.events.map((event) => (
              <tr data-kind={event.kind} data-testid="lifecycle-row" key={`${event.kind}-${event.collection}-${event.id}`}>
                <td>
                  <time dateTime={event.at}>{when(event.at)}</time>
                </td>
                <td>
                  <span className={`${baseClass}__kind ${baseClass}__kind--${event.kind}`}>{kindText(event.kind)}</span>
                </td>
                <td>
                  <a href={link(event)}>{event.headline}</a>
                </td>
                <td>{event.source?.label ?? ''}</td>
                <td>
                  {event.kind === 'withdrawal' && event.reason ? `${translate(t, `withdrawReason-${event.reason as 'manual'}`)}${event.message ? ': ' : ''}` : ''}
                  {event.message ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
