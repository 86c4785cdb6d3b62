/**
 * The rights lifecycle on every read path (issue 18): REST list, document and count, GraphQL
 * `Articles` and `Article`, the ninjs item and feed, for each state a story can be in (public,
 * embargoed, expired with a tombstone allowed or forbidden, withdrawn by a kill or by hand) and
 * each reader (anonymous, editor, compliance). Anonymous readers never get a story that is not
 * public, anywhere; staff get it with its `availability`. Then an embargo read across its moment,
 * time travel across an embargo and a kill, hostile moments, queries on the virtual
 * `availability`, and the notices' reach.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { availableWhere, restoreArticle, withdrawArticle } from '@wirehouse/payload-plugin-attribution'

import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { type Role, startApp, type TestApp } from '../helpers/payload'

const DAY = 24 * 60 * 60 * 1000
const SECOND = 1000

type State = 'embargoed' | 'expired (archive allowed)' | 'expired (archive forbidden)' | 'public' | 'withdrawn (kill)' | 'withdrawn (manual)'
type Reader = Extract<Role, 'anonymous' | 'compliance' | 'editor'>

let app: TestApp
let api: ReturnType<typeof http>
let sectionId: number
/** Sources: 30 days then a tombstone; 30 days then nothing; no limit. */
const sources = {} as Record<'allowed' | 'forbidden' | 'unlimited', number>
const stories = {} as Record<State, { id: number; availability: Json }>
let seq = 0

const iso = (ms: number) => new Date(ms).toISOString()
const sleepUntil = async (ms: number) => {
  while (Date.now() < ms) await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(1, ms - Date.now()))))
}

const article = async (data: Json) =>
  (await app.payload.create({
    collection: 'articles',
    data: { headline: `Lifecycle story ${++seq}`, source: sources.unlimited, section: sectionId, _status: 'published', ...data } as never,
    depth: 0,
  })) as unknown as Json & { id: number }

/** The articles' field names, as the plugin's rule takes them (the app keeps the defaults). */
const target = () => ({ fields: { embargoUntil: 'embargoUntil', withdrawn: 'withdrawn', source: 'source', dateline: 'dateline', publishedAt: 'publishedAt' } }) as never
const sourcesNow = async () => (await app.payload.find({ collection: 'wire-sources', depth: 0, limit: 0 })).docs as never

const localReq = () => ({ payload: app.payload, user: null, context: {} }) as never

const source = async (code: string, usage: Json) =>
  (
    await app.payload.create({
      collection: 'wire-sources',
      data: { name: `Lifecycle wire ${code}`, code, kind: 'news-agency', license: 'copyright', copyrightHolder: `${code} Ltd`, usage } as never,
    })
  ).id as number

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  sectionId = (await app.payload.find({ collection: 'sections', limit: 1, depth: 0 })).docs[0].id as number
  sources.allowed = await source('LC-A', { maxAgeDays: 30, archive: 'allowed' })
  sources.forbidden = await source('LC-F', { maxAgeDays: 30, archive: 'forbidden' })
  sources.unlimited = await source('LC-U', {})

  const now = Date.now()
  const embargo = iso(now + DAY)
  const old = now - 31 * DAY
  const make = async (state: State, data: Json, availability: Json) => {
    stories[state] = { id: (await article({ headline: `${state} story`, ...data })).id, availability }
  }
  await make('public', {}, { state: 'public', reason: null, since: null, until: null })
  await make('embargoed', { embargoUntil: embargo }, { state: 'embargoed', reason: null, since: null, until: embargo })
  await make(
    'expired (archive allowed)',
    { source: sources.allowed, dateline: { date: iso(old) } },
    { state: 'expired', reason: 'expired', since: iso(old + 30 * DAY), until: null, archive: 'allowed' },
  )
  await make(
    'expired (archive forbidden)',
    { source: sources.forbidden, dateline: { date: iso(old) } },
    { state: 'expired', reason: 'expired', since: iso(old + 30 * DAY), until: null, archive: 'forbidden' },
  )
  for (const [state, reason] of [['withdrawn (kill)', 'kill'], ['withdrawn (manual)', 'manual']] as const) {
    await make(state, {}, {})
    const { doc } = await withdrawArticle({ req: localReq(), collection: 'articles', id: stories[state].id, reason, message: `${reason}: do not use` })
    stories[state].availability = { state: 'withdrawn', reason, since: doc.withdrawn.at, until: null }
  }
}, 120_000)

afterAll(async () => app?.stop())

const STATES = Object.keys({
  public: 1,
  embargoed: 1,
  'expired (archive allowed)': 1,
  'expired (archive forbidden)': 1,
  'withdrawn (kill)': 1,
  'withdrawn (manual)': 1,
} satisfies Record<State, 1>) as State[]
const READERS: Reader[] = ['anonymous', 'editor', 'compliance']

const AVAILABILITY = 'availability { state reason since until archive }'

/** Every read path, for one story and one reader: what each answered, reduced to what matters. */
const readEverywhere = async (id: number, reader: Reader, query = '') => {
  const headers = await app.auth(reader)
  const at = query ? `&${query}` : ''
  const travel = /attributionAt=([^&]+)/.exec(query)?.[1]
  const gqlAt = travel ? `, attributionAt: ${JSON.stringify(decodeURIComponent(travel))}` : ''
  const byId = await api.rest('GET', `articles/${id}?depth=0${at}`, { headers })
  const list = await api.rest('GET', `articles?where[id][equals]=${id}&depth=0${at}`, { headers })
  const count = await api.rest('GET', `articles/count?where[id][equals]=${id}${at}`, { headers })
  const one = await api.graphql(`{ Article(id: ${id}${gqlAt}) { id ${AVAILABILITY} } }`, { headers })
  const many = await api.graphql(`{ Articles(where: { id: { equals: ${id} } }${gqlAt}) { totalDocs docs { id ${AVAILABILITY} } } }`, { headers })
  const gqlCount = await api.graphql(`{ countArticles(where: { id: { equals: ${id} } }${gqlAt}) { totalDocs } }`, { headers })
  const ninjs = await api.rest('GET', `articles/${id}/ninjs?${query}`, { headers })
  const feed = await api.rest('GET', `articles/ninjs?where[id][equals]=${id}${at}`, { headers })
  for (const res of [list, count, feed]) expect(res.status).toBe(200)
  expect(many.body.errors).toBeUndefined()
  return {
    byId: byId.status === 200 ? byId.body.availability : byId.status,
    list: (list.body.docs as Json[]).map((doc) => doc.availability),
    listTotal: list.body.totalDocs,
    count: count.body.totalDocs,
    one: one.body.data?.Article?.availability ?? one.body.errors?.[0]?.extensions?.statusCode,
    many: (many.body.data.Articles.docs as Json[]).map((doc) => doc.availability),
    manyTotal: many.body.data.Articles.totalDocs,
    gqlCount: gqlCount.body.data?.countArticles?.totalDocs,
    ninjs: ninjs.status === 200 ? `${ninjs.body.uri} ${ninjs.body.pubstatus}` : ninjs.status,
    feed: (feed.body.items as Json[]).map((item) => `${item.uri} ${item.pubstatus}`),
    feedTotal: feed.body.totalDocs,
  }
}

/** What every path answers a reader who may not see the story: nothing, and 404 where asked for it. */
const HIDDEN = { byId: 404, list: [], listTotal: 0, count: 0, one: 404, many: [], manyTotal: 0, gqlCount: 0, ninjs: 404, feed: [], feedTotal: 0 }
/** The ninjs publication status of each state (ingest's export: IPTC's `usable`, `withheld`, `canceled`). */
const PUBSTATUS: Record<string, string> = { public: 'usable', embargoed: 'withheld', expired: 'canceled', withdrawn: 'canceled' }

const SEEN = (id: number, availability: Json) => ({
  byId: availability,
  list: [availability],
  listTotal: 1,
  count: 1,
  one: availability,
  many: [availability],
  manyTotal: 1,
  gqlCount: 1,
  ninjs: `urn:wirehouse:articles:${id} ${PUBSTATUS[availability.state]}`,
  feed: [`urn:wirehouse:articles:${id} ${PUBSTATUS[availability.state]}`],
  feedTotal: 1,
})

/** `availability` as REST and GraphQL both give it: `archive` is null where the story has no window. */
const withArchive = (availability: Json) => ({ archive: null, ...availability })

describe('every read path, every state, every reader', () => {
  const cases = STATES.flatMap((state) => READERS.map((reader) => ({ state, reader })))
  it.each(cases)('$state, read by $reader', async ({ state, reader }) => {
    const { id, availability } = stories[state]
    const seen = await readEverywhere(id, reader)
    if (reader === 'anonymous' && state !== 'public') expect(seen).toEqual(HIDDEN)
    else expect(seen).toEqual(SEEN(id, withArchive(availability)))
  })

  it('an anonymous list of them all holds the public one alone, and its count says so', async () => {
    const ids = STATES.map((state) => stories[state].id)
    const list = await api.rest('GET', `articles?where[id][in]=${ids.join(',')}&depth=0&limit=100`)
    expect(list.body.docs.map((doc: Json) => doc.id)).toEqual([stories.public.id])
    expect(list.body.totalDocs).toBe(1)
    const staff = await api.rest('GET', `articles?where[id][in]=${ids.join(',')}&depth=0&limit=100`, { headers: await app.auth('editor') })
    expect(staff.body.totalDocs).toBe(ids.length)
    const gql = await api.graphql(`{ Articles(where: { OR: [${ids.map((id) => `{ id: { equals: ${id} } }`).join(', ')}] }, limit: 100) { totalDocs docs { id headline } } }`)
    expect(gql.body.data.Articles).toEqual({ totalDocs: 1, docs: [{ id: stories.public.id, headline: 'public story' }] })
  })

  it('the Local API without access override and without a user reads as an anonymous caller', async () => {
    const ids = STATES.map((state) => stories[state].id)
    const where = { id: { in: ids } }
    const local = await app.payload.find({ collection: 'articles', where, depth: 0, overrideAccess: false, limit: 100 })
    expect(local.docs.map((doc) => doc.id)).toEqual([stories.public.id])
    expect((await app.payload.count({ collection: 'articles', where, overrideAccess: false })).totalDocs).toBe(1)
    await expect(app.payload.findByID({ collection: 'articles', id: stories.embargoed.id, overrideAccess: false })).rejects.toMatchObject({ status: 404 })
    // Time travel in the context narrows too; a malformed moment throws a 400.
    const later = await app.payload.find({ collection: 'articles', where, depth: 0, overrideAccess: false, context: { attributionAt: iso(Date.now() + 2 * DAY) } })
    expect(later.docs.map((doc) => doc.id)).toEqual([stories.public.id])
    await expect(app.payload.find({ collection: 'articles', where, overrideAccess: false, context: { attributionAt: 'soon' } })).rejects.toMatchObject({ status: 400 })
    // With access overridden (server code), every state, marked.
    const all = await app.payload.find({ collection: 'articles', where, depth: 0, limit: 100 })
    expect(Object.fromEntries(all.docs.map((doc) => [doc.id, (doc as unknown as Json).availability.state]))).toEqual(
      Object.fromEntries(STATES.map((state) => [stories[state].id, stories[state].availability.state])),
    )
  })

  it('nothing non-public leaks through a relationship to a public story', async () => {
    const hidden = STATES.filter((state) => state !== 'public').map((state) => stories[state].id)
    const story = await article({ headline: 'Story relating to every state', relatedArticles: [stories.public.id, ...hidden] })
    const rest = await api.rest('GET', `articles/${story.id}?depth=1`)
    expect(rest.body.relatedArticles.filter((related: unknown) => typeof related === 'object' && related).map((related: Json) => related.id)).toEqual([stories.public.id])
    const gql = await api.graphql(`{ Article(id: ${story.id}) { relatedArticles { id } } }`)
    expect(gql.body.data.Article.relatedArticles.filter(Boolean)).toEqual([{ id: stories.public.id }])
  })
})

describe('an embargo, read across its moment (to the second)', () => {
  it('hidden from anonymous readers before, public from its second on; staff see it lift', async () => {
    // The next whole second at least three seconds away: reads name the current second.
    const lift = Math.ceil((Date.now() + 3 * SECOND) / SECOND) * SECOND
    const { id } = await article({ headline: 'Embargo lifting now', embargoUntil: iso(lift) })
    const before = await readEverywhere(id, 'anonymous')
    const staffBefore = await readEverywhere(id, 'editor')
    // Nothing of this must have taken until the lift: the reads above are "before".
    expect(Date.now()).toBeLessThan(lift)
    expect(before).toEqual(HIDDEN)
    expect(staffBefore).toEqual(SEEN(id, withArchive({ state: 'embargoed', reason: null, since: null, until: iso(lift) })))
    // The moment itself, asked of the staff view: public at `lift`, embargoed a millisecond before.
    const staff = await app.auth('editor')
    expect((await api.rest('GET', `articles/${id}?attributionAt=${iso(lift)}`, { headers: staff })).body.availability.state).toBe('public')
    expect((await api.rest('GET', `articles/${id}?attributionAt=${iso(lift - 1)}`, { headers: staff })).body.availability.state).toBe('embargoed')

    await sleepUntil(lift)
    expect(await readEverywhere(id, 'anonymous')).toEqual(SEEN(id, withArchive({ state: 'public', reason: null, since: null, until: null })))
  })
})

describe('time travel (`?attributionAt=`, GraphQL `attributionAt`)', () => {
  it('across an embargo: anonymous readers never see it early; staff see where it stood then', async () => {
    const now = Date.now()
    const lift = Math.floor((now + DAY) / SECOND) * SECOND
    const { id } = await article({ headline: 'Embargo a day away', embargoUntil: iso(lift) })
    // After the lift, as the anonymous reader asks: still hidden, because it is not public now.
    expect(await readEverywhere(id, 'anonymous', `attributionAt=${iso(lift + DAY)}`)).toEqual(HIDDEN)
    expect(await readEverywhere(id, 'compliance', `attributionAt=${iso(lift + DAY)}`)).toEqual(
      SEEN(id, withArchive({ state: 'public', reason: null, since: null, until: null })),
    )
    expect(await readEverywhere(id, 'compliance', `attributionAt=${iso(lift - SECOND)}`)).toEqual(
      SEEN(id, withArchive({ state: 'embargoed', reason: null, since: null, until: iso(lift) })),
    )
  })

  it('across a lifted embargo: travelling back to before the lift hides it from anonymous readers', async () => {
    const lift = Math.floor((Date.now() - 60 * SECOND) / SECOND) * SECOND
    const { id } = await article({ headline: 'Embargo lifted a minute ago', embargoUntil: iso(lift) })
    expect(await readEverywhere(id, 'anonymous')).toEqual(SEEN(id, withArchive({ state: 'public', reason: null, since: null, until: null })))
    expect(await readEverywhere(id, 'anonymous', `attributionAt=${iso(lift - SECOND)}`)).toEqual(HIDDEN)
    // At the lift's own second it is public.
    expect((await readEverywhere(id, 'anonymous', `attributionAt=${iso(lift)}`)).count).toBe(1)
  })

  it('across a kill: never public again for anonymous readers, even asked for the past; staff see it public before', async () => {
    const { id } = await article({ headline: 'Story killed after a while' })
    const before = Date.now() - SECOND
    const { doc } = await withdrawArticle({ req: localReq(), collection: 'articles', id, reason: 'kill', message: 'Agency kill' })
    const killed = new Date(doc.withdrawn.at).getTime()
    expect(await readEverywhere(id, 'anonymous', `attributionAt=${iso(before)}`)).toEqual(HIDDEN)
    expect(await readEverywhere(id, 'anonymous', `attributionAt=${iso(killed - DAY)}`)).toEqual(HIDDEN)
    expect(await readEverywhere(id, 'editor', `attributionAt=${iso(before)}`)).toEqual(
      SEEN(id, withArchive({ state: 'public', reason: null, since: null, until: null })),
    )
    expect(await readEverywhere(id, 'editor', `attributionAt=${iso(killed + SECOND)}`)).toEqual(
      SEEN(id, withArchive({ state: 'withdrawn', reason: 'kill', since: doc.withdrawn.at, until: null })),
    )
    // Restored: public again, and its past is public too.
    await restoreArticle({ req: localReq(), collection: 'articles', id })
    expect((await readEverywhere(id, 'anonymous', `attributionAt=${iso(before)}`)).count).toBe(1)
  })

  it('across a usage window: travelling past its end hides it from anonymous readers; staff see it expire at its moment', async () => {
    const now = Date.now()
    const dated = Math.floor((now - 29 * DAY) / SECOND) * SECOND
    const end = dated + 30 * DAY
    const { id } = await article({ headline: 'Story a day from its window end', source: sources.allowed, dateline: { date: iso(dated) } })
    expect((await readEverywhere(id, 'anonymous')).count).toBe(1)
    expect(await readEverywhere(id, 'anonymous', `attributionAt=${iso(end)}`)).toEqual(HIDDEN)
    const editor = await app.auth('editor')
    const at = async (moment: number) => (await api.rest('GET', `articles/${id}?attributionAt=${iso(moment)}`, { headers: editor })).body.availability
    expect(await at(end - 1)).toEqual({ state: 'public', reason: null, since: null, until: iso(end), archive: 'allowed' })
    expect(await at(end)).toEqual({ state: 'expired', reason: 'expired', since: iso(end), until: null, archive: 'allowed' })
  })

  it.each(['not-a-date', '2026-13-45', 'yesterday', '%00'])('a hostile moment (%s) is a 400 naming it, for every reader and path', async (moment) => {
    const { id } = stories.public
    for (const reader of READERS) {
      const headers = await app.auth(reader)
      for (const path of [`articles/${id}`, 'articles', 'articles/count', `articles/${id}/ninjs`, 'articles/ninjs']) {
        const res = await api.rest('GET', `${path}?attributionAt=${moment}`, { headers })
        expect({ path, reader, status: res.status }).toEqual({ path, reader, status: 400 })
        expect(JSON.stringify(res.body)).toMatch(/attributionAt/)
      }
      if (moment === '%00') continue
      const gql = await api.graphql(`{ Articles(attributionAt: ${JSON.stringify(moment)}) { docs { id } } }`, { headers })
      expect(gql.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('attributionAt'), extensions: expect.objectContaining({ statusCode: 400 }) })
      const one = await api.graphql(`{ Article(id: ${id}, attributionAt: ${JSON.stringify(moment)}) { id } }`, { headers })
      expect(one.body.errors?.[0]).toMatchObject({ extensions: expect.objectContaining({ statusCode: 400 }) })
      const count = await api.graphql(`{ countArticles(attributionAt: ${JSON.stringify(moment)}) { totalDocs } }`, { headers })
      expect(count.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('attributionAt'), extensions: expect.objectContaining({ statusCode: 400 }) })
    }
  })
})

describe('the virtual `availability` cannot be queried', () => {
  it.each(['availability.state', 'availability.reason', 'availability.since', 'availability'])('where on %s: 400 naming it, never 500', async (path) => {
    for (const reader of ['anonymous', 'editor'] as const) {
      const headers = await app.auth(reader)
      const value = path.endsWith('since') ? iso(Date.now()) : 'public'
      const res = await api.rest('GET', `articles?where[${path}][equals]=${value}`, { headers })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain(path)
      const count = await api.rest('GET', `articles/count?where[${path}][equals]=${value}`, { headers })
      expect(count.status).toBe(400)
      const feed = await api.rest('GET', `articles/ninjs?where[${path}][equals]=${value}`, { headers })
      expect(feed.status).toBe(400)
    }
  })

  it('sort on it: 400 naming it', async () => {
    const res = await api.rest('GET', 'articles?sort=availability.state', { headers: await app.auth('editor') })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('availability')
  })

  it('GraphQL: a where on it is refused with a 400 naming it', async () => {
    const res = await api.graphql('{ Articles(where: { availability__state: { equals: "public" } }) { docs { id } } }', { headers: await app.auth('editor') })
    // An error while running: HTTP 200 with the error's status, as every GraphQL refusal of a `where`.
    expect(res.body).toEqual({
      data: { Articles: null },
      errors: [expect.objectContaining({ message: 'The following path cannot be queried: availability.state', extensions: expect.objectContaining({ statusCode: 400 }) })],
    })
  })
})

describe("a notice's reach counts the stories public at the moment asked", () => {
  let notice: number
  const reachOf = async (reader: Reader, query = '') => {
    const res = await api.rest('GET', `legal-notices/${notice}/reach?limit=100${query}`, { headers: await app.auth(reader) })
    expect(res.status).toBe(200)
    return { total: res.body.totalDocs, ids: (res.body.docs as Json[]).map((doc) => doc.id).sort() }
  }

  beforeAll(async () => {
    notice = (
      await app.payload.create({
        collection: 'legal-notices',
        data: {
          title: 'Lifecycle wires terms',
          kind: 'other',
          body: paragraph('Terms of the lifecycle wires.'),
          appliesTo: { scope: 'sources', sources: [sources.allowed, sources.forbidden, sources.unlimited] },
          _status: 'published',
        } as never,
      })
    ).id as number
  })

  it('embargoed, expired and withdrawn stories are not reached, whoever asks', async () => {
    const publicNow = (await app.payload.find({
      collection: 'articles',
      where: { and: [{ source: { in: Object.values(sources) } }, availableWhere(target(), await sourcesNow(), new Date())] },
      depth: 0,
      limit: 0,
    })).docs.map((doc) => doc.id).sort()
    expect(publicNow).toContain(stories.public.id)
    for (const state of STATES.filter((s) => s !== 'public')) expect(publicNow).not.toContain(stories[state].id)
    for (const reader of READERS) expect(await reachOf(reader)).toEqual({ total: publicNow.length, ids: publicNow })
  })

  it('asked for another moment (`attributionAt`), it counts the stories public then', async () => {
    const { id } = await article({ headline: 'Reached until its window ends', source: sources.allowed, dateline: { date: iso(Date.now() - 29 * DAY) } })
    const now = await reachOf('compliance')
    expect(now.ids).toContain(id)
    const later = await reachOf('compliance', `&attributionAt=${iso(Date.now() + 2 * DAY)}`)
    expect(later.ids).not.toContain(id)
    // Embargoed now, it lifts within a day: public then, so reached then.
    expect(now.ids).not.toContain(stories.embargoed.id)
    expect(later.ids).toContain(stories.embargoed.id)
  })

  it('a malformed moment is a 400 naming it', async () => {
    const res = await api.rest('GET', `legal-notices/${notice}/reach?attributionAt=soon`, { headers: await app.auth('compliance') })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('attributionAt')
  })
})

