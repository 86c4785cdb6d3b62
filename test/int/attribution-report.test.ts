/**
 * The compliance report behind the dashboard: notices by kind and state, effective dates to come,
 * sources with missing or contradictory rights, and articles with attribution warnings (counts
 * checked against the warnings the resolver actually gives).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>
const day = 86_400_000

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const notice = (title: string, extra: Record<string, unknown>) =>
    app.payload.create({
      collection: 'legal-notices',
      data: { title, kind: 'cookies', appliesTo: { scope: 'all' }, body: paragraph(`${title}.`), _status: 'published', ...extra },
      draft: extra._status === 'draft',
    })
  await notice('Cookies from next month', { effectiveFrom: new Date(Date.now() + 30 * day).toISOString() })
  await notice('Cookies until next week', { effectiveUntil: new Date(Date.now() + 7 * day).toISOString() })
  await notice('Cookies, old', { effectiveUntil: new Date(Date.now() - day).toISOString() })
  await notice('Cookies, unapproved', { _status: 'draft' })
  const trashed = await notice('Cookies, withdrawn', {})
  await app.payload.update({ collection: 'legal-notices', id: trashed.id, data: { deletedAt: new Date().toISOString() } })

  const odd = await app.payload.create({
    collection: 'wire-sources',
    data: { name: 'Odd Archive', code: 'ODD', kind: 'other', license: 'public-domain', copyrightHolder: 'Odd Archive Ltd' },
  })
  const lone = await app.payload.create({
    collection: 'wire-sources',
    data: { name: 'Lone Wire', code: 'LONE', kind: 'other', license: 'copyright', copyrightHolder: 'Lone Wire Inc', credit: 'LONE', bylineAliases: ['Lone Wire'] },
  })
  await app.payload.create({ collection: 'articles', data: { headline: 'From the odd archive', source: odd.id, _status: 'published' } })
  await app.payload.create({ collection: 'articles', data: { headline: 'Lone wire story', source: lone.id, _status: 'published' } })
}, 120_000)
afterAll(async () => app?.stop())

const report = async () => {
  const res = await api.rest('GET', 'attribution/report', { headers: await app.auth('compliance') })
  expect(res.status).toBe(200)
  return res.body
}

describe('GET /api/attribution/report', () => {
  it('is for compliance staff and admins', async () => {
    expect((await api.rest('GET', 'attribution/report')).status).toBe(401)
    expect((await api.rest('GET', 'attribution/report', { headers: await app.auth('editor') })).status).toBe(403)
    expect((await api.rest('GET', 'attribution/report', { headers: await app.auth('admin') })).status).toBe(200)
  })

  it('counts notices by kind and state, and lists the effective dates to come, soonest first', async () => {
    const { notices, upcoming } = await report()
    expect(notices.cookies).toEqual({ scheduled: 1, 'in-force': 1, expired: 1, draft: 1, trashed: 1 })
    expect(notices.gdpr).toEqual({ 'in-force': 1 })
    expect(upcoming.map((u: { title: string; change: string }) => [u.title, u.change])).toEqual([
      ['Cookies until next week', 'ends'],
      ['Cookies from next month', 'starts'],
    ])
  })

  it('names sources with contradictory or missing rights, and sources no notice covers', async () => {
    const { sources } = await report()
    const byCode = Object.fromEntries(sources.map((s: { code: string; problems: string[] }) => [s.code, s.problems]))
    expect(byCode.ODD).toEqual(
      expect.arrayContaining(['public domain, yet names a copyright holder (Odd Archive Ltd)', 'no credit line (the code is used)']),
    )
    expect(byCode.LONE).toEqual(['no notice in force covers it'])
    expect(byCode.AFP).toBeUndefined()
  })

  it('counts articles with warnings as the resolver gives them', async () => {
    const { articles } = await report()
    const { docs } = await app.payload.find({ collection: 'articles', limit: 0, where: { _status: { equals: 'published' } } })
    const warned = (prefix: string) => docs.filter((d) => d.attribution?.warnings?.some((w) => w.startsWith(prefix))).length
    const count = (warning: string) => articles.find((a: { warning: string }) => a.warning === warning)?.count
    expect(count('a source no notice in force covers')).toBe(warned('no notice in force covers'))
    expect(count('a source no notice in force covers')).toBe(1)
    expect(count('no source: attributed as the publisher’s own copy')).toBe(warned('no source'))
  })
})
