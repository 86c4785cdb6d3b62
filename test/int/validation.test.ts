import type { CollectionSlug } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { type Role, startApp, type TestApp } from '../helpers/payload'

type Id = number
type Method = 'PATCH' | 'POST'
/** `[path, message]` of one entry in a ValidationError's `data.errors`. */
type FieldError = [path: string, message: string]
type Send = { body: Json; method: Method; path: string }

type BadInput = {
  title: string
  collection: CollectionSlug | 'publisher'
  as: Exclude<Role, 'anonymous'>
  send: () => Promise<Send> | Send
  errors: FieldError[]
  /** A document the request must leave exactly as it was. */
  untouched?: () => Promise<Id>
}

let app: TestApp
let api: ReturnType<typeof http>
const ids: Record<string, Id> = {}
let seq = 0
const next = () => ++seq

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const one = async (collection: CollectionSlug, field: string, value: string) =>
    (await app.payload.find({ collection, where: { [field]: { equals: value } }, limit: 1 })).docs[0].id as Id
  ids.afp = await one('wire-sources', 'code', 'AFP')
  ids.orbital = await one('sites', 'domain', 'orbitaltimes.example')
  ids.ground = await one('sites', 'domain', 'groundstation.example')
})
afterAll(async () => app?.stop())

const REQUIRED = 'This field is required.'
const UNIQUE = 'Value must be unique'
const SEEDED = { headline: 'Rival blocs court Central Asia at a crowded summit', externalId: 'sample-afp-0001' }

const post = (path: string, body: Json): Send => ({ method: 'POST', path, body })
const draftArticle = (data: Json) => post('articles?draft=true', { headline: `Draft ${next()}`, _status: 'draft', ...data })
const publishedArticle = (data: Json) =>
  post('articles', { headline: `Story ${next()}`, _status: 'published', source: ids.afp, ...data })
/** A notice published at once: an admin's right; compliance staff go through review (review.test.ts). */
const notice = (data: Json) =>
  post('legal-notices', {
    title: `Notice ${next()}`,
    kind: 'other',
    body: paragraph('Notice text.'),
    appliesTo: { scope: 'all' },
    _status: 'published',
    ...data,
  })

/** A fresh draft article without a source, made with the Local API. */
const sourcelessDraft = async () => {
  const doc = await app.payload.create({ collection: 'articles', draft: true, data: { headline: `Unsourced ${next()}`, _status: 'draft' } })
  return doc.id
}

// ---------------------------------------------------------------------------------------------
// What is written where: the collection's documents (trash included) and its versions

const VERSIONED = new Set(['articles', 'legal-notices'])

const counts = async (collection: BadInput['collection']) => {
  const { payload } = app
  if (collection === 'publisher') {
    return { docs: 1, versions: (await payload.countGlobalVersions({ global: 'publisher' })).totalDocs }
  }
  return {
    docs: (await payload.count({ collection, trash: true })).totalDocs,
    versions: VERSIONED.has(collection) ? (await payload.countVersions({ collection })).totalDocs : 0,
  }
}

const stored = async (collection: BadInput['collection'], id?: Id) =>
  collection === 'publisher'
    ? app.payload.findGlobal({ slug: 'publisher', depth: 0 })
    : id === undefined
      ? null
      : app.payload.findByID({ collection, id, depth: 0, draft: true, trash: true })

// ---------------------------------------------------------------------------------------------
// Bad input, one row per mistake

const BAD_INPUT: BadInput[] = [
  {
    title: 'an article without a headline (nothing to make the slug from either)',
    collection: 'articles',
    as: 'editor',
    send: () => post('articles?draft=true', { summary: 'No headline', _status: 'draft' }),
    errors: [
      ['headline', REQUIRED],
      ['slug', REQUIRED],
    ],
  },
  {
    title: 'a 201-character headline',
    collection: 'articles',
    as: 'editor',
    send: () => draftArticle({ headline: 'H'.repeat(201) }),
    errors: [['headline', 'This value must be shorter than the max length of 200 characters.']],
  },
  {
    title: "a headline that makes another article's slug",
    collection: 'articles',
    as: 'editor',
    send: () => draftArticle({ headline: SEEDED.headline }),
    errors: [['slug', UNIQUE]],
  },
  {
    title: "a typed slug that normalises to another article's",
    collection: 'articles',
    as: 'editor',
    send: () => draftArticle({ slug: '  Rival Blocs Court Central Asia at a Crowded Summit! ' }),
    errors: [['slug', UNIQUE]],
  },
  {
    title: "another story's wire id",
    collection: 'articles',
    as: 'editor',
    send: () => draftArticle({ externalId: SEEDED.externalId }),
    errors: [['externalId', UNIQUE]],
  },
  {
    title: 'related links that are not http(s) URLs',
    collection: 'articles',
    as: 'editor',
    send: () =>
      publishedArticle({
        relatedLinks: [
          { label: 'Fine', url: 'https://example.org/fine' },
          { label: 'Prose', url: 'not a url' },
          { label: 'Script', url: 'javascript:alert(1)' },
        ],
      }),
    errors: [
      ['relatedLinks.1.url', '"not a url" is not a well-formed URL'],
      ['relatedLinks.2.url', '"javascript:alert(1)" must start with http:// or https://'],
    ],
  },
  {
    title: 'a published article without a source',
    collection: 'articles',
    as: 'editor',
    send: () => publishedArticle({ source: null }),
    errors: [['source', 'source is required to publish']],
  },
  {
    title: 'publishing a sourceless draft',
    collection: 'articles',
    as: 'editor',
    untouched: async () => (ids.unsourced = await sourcelessDraft()),
    send: () => ({ method: 'PATCH', path: `articles/${ids.unsourced}`, body: { _status: 'published', summary: 'Now public' } }),
    errors: [['source', 'source is required to publish']],
  },
  {
    title: 'a draft of a published article with a javascript: link (drafts are validated too)',
    collection: 'articles',
    as: 'editor',
    untouched: async () => {
      const doc = await app.payload.create({
        collection: 'articles',
        data: { headline: `Live story ${next()}`, slug: `live-story-${seq}`, _status: 'published', source: ids.afp },
      })
      return (ids.live = doc.id)
    },
    send: () => ({
      method: 'PATCH',
      path: `articles/${ids.live}?draft=true`,
      body: { relatedLinks: [{ label: 'Script', url: 'javascript:alert(1)' }] },
    }),
    errors: [['relatedLinks.0.url', '"javascript:alert(1)" must start with http:// or https://']],
  },
  {
    title: 'a dateline date that is not a date',
    collection: 'articles',
    as: 'editor',
    send: () => draftArticle({ dateline: { place: 'Paris', date: 'not-a-date' } }),
    errors: [['dateline.date', '"not-a-date" is not a valid date.']],
  },
  {
    title: 'a dateline date on a day that does not exist',
    collection: 'articles',
    as: 'editor',
    send: () => draftArticle({ dateline: { place: 'Paris', date: '2024-02-30' } }),
    errors: [['dateline.date', '"2024-02-30" is not a valid date.']],
  },
  ...['AFP', 'afp', ' Afp '].map(
    (code): BadInput => ({
      title: `a wire source with the code "${code}" (AFP exists)`,
      collection: 'wire-sources',
      as: 'editor',
      send: () => post('wire-sources', { name: 'Another AFP', code }),
      errors: [['code', UNIQUE]],
    }),
  ),
  {
    title: 'a wire source code with a space',
    collection: 'wire-sources',
    as: 'compliance',
    send: () => post('wire-sources', { name: 'Spaced', code: 'NEW WIRE' }),
    errors: [['code', 'must be upper-case letters, digits or dashes, starting with a letter (e.g. AFP)']],
  },
  {
    title: 'a notice that ends before it starts',
    collection: 'legal-notices',
    as: 'admin',
    send: () => notice({ effectiveFrom: '2025-01-02T00:00:00.000Z', effectiveUntil: '2025-01-01T00:00:00.000Z' }),
    errors: [['effectiveUntil', 'must be later than effectiveFrom']],
  },
  {
    title: 'a notice that ends the moment it starts',
    collection: 'legal-notices',
    as: 'admin',
    send: () => notice({ effectiveFrom: '2025-01-01T00:00:00.000Z', effectiveUntil: '2025-01-01T00:00:00.000Z' }),
    errors: [['effectiveUntil', 'must be later than effectiveFrom']],
  },
  {
    title: 'a draft notice scoped to sources with an empty list',
    collection: 'legal-notices',
    as: 'compliance',
    send: () => ({ ...notice({ appliesTo: { scope: 'sources', sources: [] }, _status: 'draft' }), path: 'legal-notices?draft=true' }),
    errors: [['appliesTo.scope', 'scope "sources" needs at least one entry in sources']],
  },
  {
    title: 'a notice scoped to source kinds without any',
    collection: 'legal-notices',
    as: 'admin',
    send: () => notice({ appliesTo: { scope: 'source-kinds' } }),
    errors: [['appliesTo.scope', 'scope "source-kinds" needs at least one entry in sourceKinds']],
  },
  {
    title: 'a user with an unknown role',
    collection: 'users',
    as: 'admin',
    send: () => post('users', { email: `role-${next()}@validation.test`, password: 'secret-password', roles: ['editor', 'superuser'] }),
    errors: [['roles', 'This field has an invalid selection.']],
  },
  {
    title: 'a second account for an email',
    collection: 'users',
    as: 'admin',
    send: () => post('users', { email: 'editor@wirehouse.test', password: 'secret-password', roles: ['editor'] }),
    errors: [['email', 'A user with the given email is already registered.']],
  },
  ...['https://bad domain/', 'orbitaltimes.example:8080', '-dash.example'].map(
    (domain): BadInput => ({
      title: `a site at "${domain}"`,
      collection: 'sites',
      as: 'admin',
      send: () => post('sites', { name: 'Bad site', domain }),
      errors: [['domain', `"${domain.trim().toLowerCase()}" is not a host name (expected e.g. www.example.com)`]],
    }),
  ),
  {
    title: "a second site at another site's domain, in other case",
    collection: 'sites',
    as: 'admin',
    send: () => post('sites', { name: 'Copycat', domain: 'OrbitalTimes.example' }),
    errors: [['domain', UNIQUE]],
  },
  {
    title: "a section whose slug another section of the site has",
    collection: 'sections',
    as: 'editor',
    send: () => post('sections', { name: 'Launch Pad', site: ids.orbital }),
    errors: [['slug', '"launch-pad" is already used within this site']],
  },
  {
    title: 'the publisher with a copyright year before 1900',
    collection: 'publisher',
    as: 'compliance',
    send: () => post('globals/publisher', { copyrightStartYear: 1800 }),
    errors: [['copyrightStartYear', '1800 is less than the min allowed Value of 1900.']],
  },
]

describe('bad input over REST answers 400 naming the field, and writes nothing', () => {
  it.each(BAD_INPUT)('$title', async ({ as, collection, errors, send, untouched }) => {
    const id = await untouched?.()
    const [countsBefore, docBefore] = [await counts(collection), await stored(collection, id)]
    const { body, method, path } = await send()

    const res = await api.rest(method, path, { body, headers: await app.auth(as) })

    expect(res.status).toBe(400)
    expect(res.body.errors).toHaveLength(1)
    const [error] = res.body.errors
    expect(error).toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/^The following fields? (is|are) invalid: /),
      data: collection === 'publisher' ? { global: 'publisher' } : { collection },
    })
    expect(error.data.errors.map((e: Json) => [e.path, e.message])).toEqual(errors)

    expect(await counts(collection)).toEqual(countsBefore)
    expect(await stored(collection, id)).toEqual(docBefore)
  })
})

// ---------------------------------------------------------------------------------------------
// The same over GraphQL: HTTP 200, the error in `errors` with the 400 in its extensions

describe('bad input over GraphQL', () => {
  const cases: [string, BadInput['collection'], string, string, Json, FieldError[]][] = [
    [
      'a wire source with the code "afp"',
      'wire-sources',
      'createWireSource',
      'mutationWireSourceInput',
      { name: 'Another AFP', code: 'afp', kind: 'news_agency', license: 'copyright' },
      [['code', UNIQUE]],
    ],
    [
      'a 201-character headline',
      'articles',
      'createArticle',
      'mutationArticleInput',
      { headline: 'H'.repeat(201), slug: 'too-long', _status: 'draft' },
      [['headline', 'This value must be shorter than the max length of 200 characters.']],
    ],
    [
      'a published article without a source',
      'articles',
      'createArticle',
      'mutationArticleInput',
      { headline: 'Unsourced over GraphQL', slug: 'unsourced-over-graphql', _status: 'published' },
      [['source', 'source is required to publish']],
    ],
    [
      'a related link to javascript:',
      'articles',
      'createArticle',
      'mutationArticleInput',
      { headline: 'Scripted', slug: 'scripted', relatedLinks: [{ label: 'x', url: 'javascript:alert(1)' }], _status: 'draft' },
      [['relatedLinks.0.url', '"javascript:alert(1)" must start with http:// or https://']],
    ],
  ]

  it.each(cases)('%s', async (_, collection, mutation, input, data, errors) => {
    const before = await counts(collection)
    const res = await api.graphql(`mutation ($data: ${input}!) { ${mutation}(data: $data) { id } }`, {
      headers: await app.auth('admin'),
      variables: { data },
    })

    expect(res.status).toBe(200)
    expect(res.body.data).toEqual({ [mutation]: null })
    expect(res.body.errors).toHaveLength(1)
    const [error] = res.body.errors
    expect(error).toMatchObject({
      message: expect.stringMatching(/^The following fields? (is|are) invalid: /),
      path: [mutation],
      extensions: { name: 'ValidationError', statusCode: 400, data: { collection } },
    })
    expect(error.extensions.data.errors.map((e: Json) => [e.path, e.message])).toEqual(errors)
    expect(await counts(collection)).toEqual(before)
  })
})

// ---------------------------------------------------------------------------------------------
// Good input goes through, so the rows above fail for the right reason

type GoodInput = {
  title: string
  collection: BadInput['collection']
  as: Exclude<Role, 'anonymous'>
  send: () => Send
  /** What the Local API then reads back. */
  expected: () => Json
  /** How many documents and versions the request adds. */
  adds: { docs: number; versions: number }
}

const GOOD_INPUT: GoodInput[] = [
  {
    title: 'a draft article without a source',
    collection: 'articles',
    as: 'editor',
    send: () => post('articles?draft=true', { headline: 'Unsourced draft is fine', _status: 'draft' }),
    expected: () => ({ slug: 'unsourced-draft-is-fine', source: null, _status: 'draft' }),
    adds: { docs: 1, versions: 1 },
  },
  {
    title: 'a published article with a source, a real date and good links',
    collection: 'articles',
    as: 'editor',
    send: () =>
      post('articles', {
        headline: 'H'.repeat(200),
        _status: 'published',
        source: ids.afp,
        dateline: { place: 'Paris', date: '2024-02-29T00:00:00.000Z' },
        relatedLinks: [{ label: 'Agency', url: 'http://example.org/a?b=c#d' }],
      }),
    expected: () => ({ _status: 'published', source: ids.afp, dateline: { place: 'Paris', date: '2024-02-29T00:00:00.000Z' } }),
    adds: { docs: 1, versions: 1 },
  },
  {
    title: 'a wire source with a new lower-case code, stored upper case',
    collection: 'wire-sources',
    as: 'editor',
    send: () => post('wire-sources', { name: 'Kyodo News', code: ' kyodo ' }),
    expected: () => ({ code: 'KYODO' }),
    adds: { docs: 1, versions: 0 },
  },
  {
    title: 'a notice for named sources, with an end after its start',
    collection: 'legal-notices',
    as: 'admin',
    send: () =>
      notice({
        appliesTo: { scope: 'sources', sources: [ids.afp] },
        effectiveFrom: '2025-01-01T00:00:00.000Z',
        effectiveUntil: '2026-01-01T00:00:00.000Z',
      }),
    expected: () => ({ appliesTo: { scope: 'sources', sources: [ids.afp] }, _status: 'published' }),
    adds: { docs: 1, versions: 1 },
  },
  {
    title: 'a user with known roles',
    collection: 'users',
    as: 'admin',
    send: () => post('users', { email: 'new-editor@validation.test', password: 'secret-password', roles: ['editor', 'compliance'] }),
    expected: () => ({ roles: ['editor', 'compliance'] }),
    adds: { docs: 1, versions: 0 },
  },
  {
    title: 'a site at a host name typed in capitals',
    collection: 'sites',
    as: 'admin',
    send: () => post('sites', { name: 'Deep Field', domain: ' WWW.DeepField.example ' }),
    expected: () => ({ domain: 'www.deepfield.example' }),
    adds: { docs: 1, versions: 0 },
  },
  {
    title: "a section reusing another site's section slug",
    collection: 'sections',
    as: 'editor',
    send: () => post('sections', { name: 'Launch Pad', site: ids.ground }),
    expected: () => ({ slug: 'launch-pad', site: ids.ground }),
    adds: { docs: 1, versions: 0 },
  },
  {
    title: 'the publisher with a year in range',
    collection: 'publisher',
    as: 'compliance',
    send: () => post('globals/publisher', { copyrightStartYear: 1996 }),
    expected: () => ({ copyrightStartYear: 1996 }),
    adds: { docs: 0, versions: 1 },
  },
]

describe('good input is accepted', () => {
  it.each(GOOD_INPUT)('$title', async ({ adds, as, collection, expected, send }) => {
    const before = await counts(collection)
    const { body, method, path } = send()

    const res = await api.rest(method, path, { body, headers: await app.auth(as) })

    expect(res.status).toBe(collection === 'publisher' ? 200 : 201)
    const id = collection === 'publisher' ? undefined : res.body.doc.id
    expect(await stored(collection, id)).toMatchObject(expected())
    expect(await counts(collection)).toEqual({ docs: before.docs + adds.docs, versions: before.versions + adds.versions })
  })

  it('renaming a section keeps its own slug valid (the uniqueness check skips the section itself)', async () => {
    const { docs } = await app.payload.find({ collection: 'sections', where: { slug: { equals: 'deep-space' } } })
    const res = await api.rest('PATCH', `sections/${docs[0].id}`, {
      headers: await app.auth('editor'),
      body: { name: 'DEEP SPACE & PLANETS' },
    })
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ name: 'DEEP SPACE & PLANETS', slug: 'deep-space' })
  })

  it('moving a section to a site that already has its slug is refused on the slug', async () => {
    const { docs } = await app.payload.find({ collection: 'sections', where: { slug: { equals: 'tech' } } })
    await app.payload.create({ collection: 'sections', data: { name: 'TECH', slug: 'tech', site: ids.orbital } })
    const before = await stored('sections', docs[0].id)

    const res = await api.rest('PATCH', `sections/${docs[0].id}`, { headers: await app.auth('editor'), body: { site: ids.orbital } })

    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors.map((e: Json) => [e.path, e.message])).toEqual([
      ['slug', '"tech" is already used within this site'],
    ])
    expect(await stored('sections', docs[0].id)).toEqual(before)
  })
})
