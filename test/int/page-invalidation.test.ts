/**
 * Exact invalidation on the real app and database: each kind of change expires the tags it
 * affects (`src/pageCache/vocabulary.ts`), once its transaction has committed and never when it
 * rolls back; a notice scheduled a moment ahead comes into force with no save. The page cache's
 * entry point (`invalidatePageTags`) is wrapped by a registry recording its calls, and what a
 * reader outside the transaction sees at that moment.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { Payload, PayloadRequest } from 'payload'

import type { Article } from '../../payload-types'

type Call = { tags: string[]; seen: unknown }
const calls: Call[] = []
/** Read from outside any transaction each time the pages are expired. */
let probe: () => Promise<unknown> = async () => undefined

jest.unstable_mockModule('@/pageCache/invalidate', () => ({
  invalidatePageTags: async (_payload: Payload, tags: string[]) => {
    calls.push({ tags: [...tags].sort(), seen: await probe() })
  },
}))

const { commitTransaction, createLocalReq, initTransaction, killTransaction } = await import('payload')
const { afterCommit } = await import('@/pageCache/afterCommit')
const { noticeSchedulerIdle, startNoticeScheduler, stopNoticeScheduler } = await import('@/pageCache/scheduler')
const { articlePageTags, TAGS } = await import('@/pageCache/vocabulary')
const { currentGeneration } = await import('@/site/generation')
const { paragraph } = await import('../helpers/lexical')
const { startApp } = await import('../helpers/payload')

type App = Awaited<ReturnType<typeof startApp>>
let app: App
let payload: Payload
let section: { id: number; site: number }
let afp: { id: number }
let nasa: { id: number }

beforeAll(async () => {
  app = await startApp()
  payload = app.payload
  const [first] = (await payload.find({ collection: 'sections', limit: 1, depth: 0, sort: 'id' })).docs
  section = { id: first.id, site: first.site as number }
  const code = async (c: string) => (await payload.find({ collection: 'wire-sources', where: { code: { equals: c } }, depth: 0 })).docs[0]
  afp = await code('AFP')
  nasa = await code('NASA')
})
afterAll(async () => {
  stopNoticeScheduler()
  await app?.stop()
})
beforeEach(() => {
  calls.length = 0
  probe = async () => undefined
})

const localReq = () => createLocalReq({}, payload) as Promise<PayloadRequest>
const expired = () => calls.flatMap((c) => c.tags)

/** An article as its public page reads it (anonymous, depth 2), and the tags the page declares. */
const pageOf = async (id: number) => {
  const article = (await payload.findByID({ collection: 'articles', id, depth: 2, overrideAccess: false })) as Article
  const home = article.section as { site: { id: number } }
  return articlePageTags(article, home.site.id)
}
const meets = (page: string[], tags: string[]) => tags.some((tag) => page.includes(tag))

const newArticle = (headline: string, source = afp.id) =>
  payload.create({ collection: 'articles', data: { headline, source, section: section.id, summary: 'A test story.', _status: 'draft' }, draft: true })

describe('afterCommit', () => {
  it('runs at once without a transaction', async () => {
    const req = await localReq()
    let ran = false
    await afterCommit(req, () => void (ran = true))
    expect(ran).toBe(true)
  })

  it('runs after the commit, when a reader outside the transaction sees the change', async () => {
    const req = await localReq()
    expect(await initTransaction(req)).toBe(true)
    const doc = await payload.create({ collection: 'sites', data: { name: 'Committed', domain: `committed-${Date.now()}.example` }, req })
    let seen: unknown = 'not run'
    await afterCommit(req, async () => {
      seen = (await payload.find({ collection: 'sites', where: { id: { equals: doc.id } }, depth: 0 })).totalDocs
    })
    expect(seen).toBe('not run')
    await commitTransaction(req)
    expect(seen).toBe(1)
  })

  it('never runs for a change rolled back, nor at a later commit', async () => {
    const req = await localReq()
    await initTransaction(req)
    await payload.create({ collection: 'sites', data: { name: 'Rolled back', domain: `rolled-${Date.now()}.example` }, req })
    let ran = false
    await afterCommit(req, () => void (ran = true))
    await killTransaction(req)
    expect(ran).toBe(false)
    const later = await localReq()
    await initTransaction(later)
    await commitTransaction(later)
    expect(ran).toBe(false)
  })
})

describe('articles', () => {
  it('publishing expires the article and its section’s lists, after the commit; a draft over it nothing; an edit its pages only', async () => {
    const draft = await newArticle('Exact invalidation')
    expect(calls).toEqual([])

    probe = async () => (await payload.find({ collection: 'articles', where: { id: { equals: draft.id } }, overrideAccess: false })).totalDocs
    const generation = await currentGeneration(payload)
    await payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } })
    expect(calls).toEqual([{ tags: [TAGS.article(draft.id), TAGS.section(section.id)].sort(), seen: 1 }])
    expect(await currentGeneration(payload)).not.toBe(generation)

    calls.length = 0
    const quiet = await currentGeneration(payload)
    await payload.update({ collection: 'articles', id: draft.id, data: { headline: 'A draft nobody sees' }, draft: true })
    expect(calls).toEqual([])
    expect(await currentGeneration(payload)).toBe(quiet)

    await payload.update({ collection: 'articles', id: draft.id, data: { headline: 'Exact invalidation, edited', _status: 'published' } })
    expect(expired()).toEqual([TAGS.article(draft.id)])
  })

  it('unpublishing and trashing expire the article and its section’s lists', async () => {
    const doc = await newArticle('Soon gone')
    await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' } })
    calls.length = 0
    await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'draft' } })
    expect(expired().sort()).toEqual([TAGS.article(doc.id), TAGS.section(section.id)].sort())

    await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' } })
    calls.length = 0
    await payload.update({ collection: 'articles', id: doc.id, data: { deletedAt: new Date().toISOString() } })
    expect(expired().sort()).toEqual([TAGS.article(doc.id), TAGS.section(section.id)].sort())

    // Already off every page: deleting it for good expires nothing more.
    calls.length = 0
    await payload.delete({ collection: 'articles', id: doc.id, trash: true })
    expect(calls).toEqual([])
  })

  it('a change rolled back expires nothing and leaves the generation', async () => {
    const doc = await newArticle('Never published')
    const generation = await currentGeneration(payload)
    const req = await localReq()
    await initTransaction(req)
    await payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' }, req })
    await killTransaction(req)
    expect(calls).toEqual([])
    expect(await currentGeneration(payload)).toBe(generation)
  })
})

describe('sources, sections, sites and the publisher', () => {
  it('a source’s credit expires its tag; a rights proposal nothing', async () => {
    const source = await payload.findByID({ collection: 'wire-sources', id: nasa.id, depth: 0 })
    await payload.update({ collection: 'wire-sources', id: nasa.id, data: { credit: 'NASA/JPL' } })
    expect(expired()).toEqual([TAGS.source(nasa.id)])
    calls.length = 0
    await payload.update({ collection: 'wire-sources', id: nasa.id, data: { rightsProposal: { copyrightHolder: 'Someone else' } } })
    expect(calls).toEqual([])
    await payload.update({ collection: 'wire-sources', id: nasa.id, data: { credit: source.credit } })
  })

  it('a section its list and its site’s pages; a site its pages and the list of sites; the publisher its tag', async () => {
    const doc = await payload.findByID({ collection: 'sections', id: section.id, depth: 0 })
    await payload.update({ collection: 'sections', id: section.id, data: { description: 'Renamed a little' } })
    expect(expired().sort()).toEqual([TAGS.section(section.id), TAGS.site(section.site)].sort())
    await payload.update({ collection: 'sections', id: section.id, data: { description: doc.description ?? null } })

    calls.length = 0
    await payload.update({ collection: 'sites', id: section.site, data: { masthead: 'News from orbit' } })
    expect(expired().sort()).toEqual([TAGS.site(section.site), TAGS.sites()].sort())

    calls.length = 0
    const publisher = await payload.findGlobal({ slug: 'publisher', depth: 0 })
    await payload.updateGlobal({ slug: 'publisher', data: { jurisdiction: publisher.jurisdiction ?? 'France' } })
    expect(expired()).toEqual([TAGS.publisher()])
  })
})

describe('notices', () => {
  const afpArticle = async () =>
    (await payload.find({ collection: 'articles', where: { source: { equals: afp.id }, _status: { equals: 'published' } }, limit: 1, depth: 0 })).docs[0]
  const nasaArticle = async () => (await payload.find({ collection: 'articles', where: { source: { equals: nasa.id }, _status: { equals: 'published' } }, limit: 1, depth: 0 })).docs[0]

  it('one scoped to one source expires that source’s article pages, not another source’s, nor the listings', async () => {
    const notice = await payload.create({
      collection: 'legal-notices',
      data: { title: 'AFP only', kind: 'other', body: paragraph('For AFP copy only.'), appliesTo: { scope: 'sources', sources: [afp.id] }, _status: 'published' },
    })
    const tags = expired()
    expect(tags).toEqual(expect.arrayContaining([TAGS.notice(notice.id), TAGS.noticesForSource(afp.id)]))
    expect(tags).not.toContain(TAGS.noticesForSource(nasa.id))
    expect(tags).not.toContain(TAGS.source(afp.id))

    const afpPage = await pageOf((await afpArticle()).id)
    const nasaPage = await pageOf((await nasaArticle()).id)
    expect(afpPage).toContain(TAGS.notice(notice.id))
    expect(meets(afpPage, tags)).toBe(true)
    expect(meets(nasaPage, tags)).toBe(false)

    // A new draft under review changes no page; trashing it expires where it was.
    calls.length = 0
    await payload.update({ collection: 'legal-notices', id: notice.id, data: { body: paragraph('Reworded, in review.') }, draft: true })
    expect(calls).toEqual([])
    await payload.update({ collection: 'legal-notices', id: notice.id, data: { deletedAt: new Date().toISOString() } })
    expect(expired()).toEqual(expect.arrayContaining([TAGS.notice(notice.id), TAGS.noticesForSource(afp.id)]))
  })

  it('moved from one source to another: both sources’ article pages', async () => {
    const notice = await payload.create({
      collection: 'legal-notices',
      data: { title: 'Moving', kind: 'other', body: paragraph('Moves.'), appliesTo: { scope: 'sources', sources: [afp.id] }, _status: 'published' },
    })
    calls.length = 0
    await payload.update({ collection: 'legal-notices', id: notice.id, data: { appliesTo: { scope: 'sources', sources: [nasa.id] }, _status: 'published' } })
    const tags = expired()
    expect(meets(await pageOf((await afpArticle()).id), tags)).toBe(true)
    expect(meets(await pageOf((await nasaArticle()).id), tags)).toBe(true)
    await payload.update({ collection: 'legal-notices', id: notice.id, data: { deletedAt: new Date().toISOString() } })
  })

  it('one scheduled a moment ahead comes into force at its time, with no save: the scheduler expires its pages', async () => {
    startNoticeScheduler(payload)
    await noticeSchedulerIdle()
    const from = new Date(Date.now() + 2000).toISOString()
    const notice = await payload.create({
      collection: 'legal-notices',
      data: {
        title: 'Scheduled for AFP',
        kind: 'other',
        body: paragraph('In force from its time.'),
        appliesTo: { scope: 'sources', sources: [afp.id] },
        effectiveFrom: from,
        _status: 'published',
      },
    })
    const article = await afpArticle()
    const noticesOf = async () =>
      ((await payload.findByID({ collection: 'articles', id: article.id, depth: 0, overrideAccess: false })) as Article).attribution?.notices?.map((n) => n.id)
    expect(await noticesOf()).not.toContain(notice.id)
    calls.length = 0
    const generation = await currentGeneration(payload)

    // No save from here: only the scheduler can expire anything.
    for (let waited = 0; !calls.some((c) => c.tags.includes(TAGS.notice(notice.id))); waited += 100) {
      if (waited > 30_000) throw new Error('the scheduler did not expire the notice’s pages')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(from).getTime())
    expect(expired()).toContain(TAGS.noticesForSource(afp.id))
    expect(expired()).not.toContain(TAGS.noticesForSource(nasa.id))
    expect(await currentGeneration(payload)).not.toBe(generation)
    expect(await noticesOf()).toContain(notice.id)
    stopNoticeScheduler()
  })
})
