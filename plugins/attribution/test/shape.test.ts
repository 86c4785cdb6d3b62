/**
 * Only what a read asks of the attribution is computed: the pure resolver given `want`, and what
 * a GraphQL operation selects (graphql.ts), through fragments and populated documents.
 */
import { describe, expect, it } from '@jest/globals'
import { Kind, parse } from 'graphql'

import type { NoticeInput } from '../src/types.ts'

import { selectedAttribution } from '../src/graphql.ts'
import { FULL_NOTICE_KEYS, LEAN_NOTICE_KEYS, resolveAttribution } from '../src/resolve.ts'
import { paragraph } from './helpers.ts'

const info = (query: string) => {
  const document = parse(query)
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!
  const fragments = Object.fromEntries(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]))
  return { operation, fragments } as never
}

const notices: NoticeInput[] = [
  { id: 1, title: 'Wire copyright', kind: 'source-copyright', body: paragraph('Copyright {{source.copyrightHolder}}.') as never, appliesTo: { scope: 'all' }, _status: 'published' },
]
const args = { article: { source: '7', publishedAt: '2024-05-01T00:00:00.000Z' }, sources: [{ id: 7, name: 'AFP', code: 'AFP', license: 'copyright' as const, copyrightHolder: 'Agence France-Presse' }], notices, publisher: { name: 'Orbit' } }

describe('the resolver computes what is wanted', () => {
  it('the credit alone: no notices chosen, no text, HTML or JSON-LD built', () => {
    expect(resolveAttribution({ ...args, want: { keys: ['credit'], noticeKeys: LEAN_NOTICE_KEYS } })).toEqual({ credit: 'AFP' })
  })

  it('which notices, without their bodies, and what is wrong (a site-wide notice covers no source)', () => {
    const attribution = resolveAttribution({ ...args, want: { keys: ['notices', 'warnings'], noticeKeys: LEAN_NOTICE_KEYS } })
    expect(attribution).toEqual({
      notices: [{ id: 1, kind: 'source-copyright', title: 'Wire copyright' }],
      warnings: ['no notice in force covers source AFP (no kind, copyright)'],
    })
  })

  it('everything by default, each notice with its text and HTML', () => {
    const attribution = resolveAttribution(args)
    expect(attribution.notices).toEqual([{ id: 1, kind: 'source-copyright', title: 'Wire copyright', text: 'Copyright Agence France-Presse.', html: '<p>Copyright Agence France-Presse.</p>' }])
    expect(attribution.text).toBe('Copyright Agence France-Presse.')
    expect(attribution.jsonLd).toMatchObject({ creditText: 'AFP' })
  })
})

describe('what a GraphQL operation selects of attribution', () => {
  it('nothing: no attribution work at all', () => {
    expect(selectedAttribution(info('{ Articles { docs { id headline } } }'))).toBeNull()
  })

  it('the credit only', () => {
    expect(selectedAttribution(info('{ Article(id: 1) { attribution { credit } } }'))).toEqual({ keys: ['credit'], noticeKeys: LEAN_NOTICE_KEYS })
  })

  it('the union over populated documents and fragments, notices’ bodies when selected', () => {
    const selected = selectedAttribution(
      info(`query { Articles { docs { ...Rights relatedArticles { attribution { jsonLd } } } } }
        fragment Rights on Article { attribution { credit ... on Attribution { notices { title text html } } } }`),
    )
    expect(selected).toEqual({ keys: ['credit', 'notices', 'jsonLd'], noticeKeys: FULL_NOTICE_KEYS.filter((key) => key !== 'id' && key !== 'kind') })
  })
})
