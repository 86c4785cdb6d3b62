import type { CollectionSlug } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { withdrawArticle } from '@wirehouse/payload-plugin-attribution'

import { http, type HttpResult, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { type Role, startApp, type TestApp } from '../helpers/payload'

type Op = 'create' | 'delete' | 'read' | 'update'
type Headers = Record<string, string>
/** Letters from `crud` for what a role may do, `-` for nothing, `n/a` where the row means nothing for the role. */
type Cell = string
/** payload-types.ts types ids as numbers (SQL); MongoDB's string ids go through the same code. */
type Id = number

const ROLES = ['anonymous', 'editor', 'compliance', 'admin'] as const satisfies readonly Role[]

/**
 * The "Access" table of DESIGN.md, with articles and notices split by status, and the
 * rules the code sets for what DESIGN leaves out (sections, sites, the publisher global).
 * Editors create wire sources but never their rights fields: see "wire-source rights".
 * `d` on legal notices and wire sources moves them to the trash: see "legal-notice trash" and
 * test/int/audit.test.ts (a notice that was ever published is never deleted for good).
 * `d` on articles moves them to the trash too; only admins delete them for good or empty the
 * trash (test/int/history.test.ts, "articles: editors trash, only admins delete for good").
 * The audit log is written only by the audit hooks: nobody creates, updates or deletes an entry
 * through any API (more in test/int/audit.test.ts).
 * Compliance staff publish a notice only through review (test/int/review.test.ts): a direct
 * create or update of a published notice is refused with a 403 that says so.
 * Embargoed and withdrawn articles are published ones that anonymous readers do not get (the rights
 * lifecycle: test/int/rights-api.test.ts); nobody creates a withdrawn one: `withdrawn` is written
 * only by the withdraw action (test/int/rights-lifecycle.test.ts), so that row has no create.
 * Webhooks are for admins only; their deliveries are written by the server only (the queue),
 * read, deleted and redelivered by admins (test/int/webhooks.test.ts).
 */
const MATRIX = {
  //                            anonymous  editor   compliance  admin
  'articles (published)':      ['r',       'crud',  'r',        'crud'],
  'articles (draft)':          ['-',       'crud',  'r',        'crud'],
  'articles (embargoed)':      ['-',       'crud',  'r',        'crud'],
  'articles (withdrawn)':      ['-',       'crud',  'r',        'crud'],
  'wire-sources':              ['r',       'cr',    'crud',     'crud'],
  'legal-notices (published)': ['r',       'r',     'rd',       'crud'],
  'legal-notices (draft)':     ['-',       'r',     'crud',     'crud'],
  'users (own account)':       ['n/a',     'ru',    'ru',       'rud'],
  'users (others)':            ['-',       '-',     '-',        'crud'],
  sections:                    ['r',       'cru',   'r',        'crud'],
  sites:                       ['r',       'r',     'r',        'crud'],
  'publisher (global)':        ['r',       'r',     'ru',       'ru'],
  'audit-log':                 ['-',       '-',     'r',        'r'],
  webhooks:                    ['-',       '-',     '-',        'crud'],
  'webhook-deliveries':        ['-',       '-',     '-',        'rd'],
} as const satisfies Record<string, readonly [Cell, Cell, Cell, Cell]>

type Row = keyof typeof MATRIX

/** Writes the review workflow refuses, with a message saying what to do instead. */
const REVIEW_REFUSES: Partial<Record<Row, Partial<Record<Role, Op[]>>>> = {
  'legal-notices (published)': { compliance: ['create', 'update'] },
}
const refusedByReview = (row: Row, role: Role, op: Op) => Boolean(REVIEW_REFUSES[row]?.[role]?.includes(op))

/** What an operation acts on: a document, and the headers to act with when the row dictates the actor. */
type Target = { headers?: Headers; id?: Id }

type Spec = {
  slug: string
  global?: true
  /** Read with `?draft=true` / `draft: true`, create and update as drafts. */
  draft?: true
  versions?: true
  /** `delete` moves the document to the trash; only what is in the trash can be deleted for good. */
  trash?: true
  ops: Op[]
  gql: { many?: string; one: string }
  /** A fresh document to read, update or delete, made with the Local API. */
  make?: (role: Role) => Promise<Target>
  /** A valid create body; over GraphQL it adds what the input types insist on. */
  input?: (n: number, transport: Transport) => Json
  change: (n: number, transport: Transport) => Json
}

type Transport = 'GraphQL' | 'REST'

const FORBIDDEN = 'You are not allowed to perform this action.'

let app: TestApp
let api: ReturnType<typeof http>
let afp: Id
let site: Id
let seq = 0
const next = () => ++seq

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  afp = (await app.payload.find({ collection: 'wire-sources', where: { code: { equals: 'AFP' } } })).docs[0].id
  site = (await app.payload.find({ collection: 'sites', limit: 1 })).docs[0].id
})
afterAll(async () => app?.stop())

// ---------------------------------------------------------------------------------------------
// Small helpers

const inADay = () => new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString()

const create = async (collection: string, data: Json, draft = false): Promise<Target> => {
  const doc = await app.payload.create({ collection: collection as CollectionSlug, data: data as never, draft })
  return { id: doc.id }
}

/** A fresh user with `role`, signed in. */
const signedInUser = async (role: Exclude<Role, 'anonymous'>): Promise<Target> => {
  const email = `${role}-${next()}@access.test`
  const { id } = await create('users', { email, password: 'secret-password', roles: [role] })
  const { token } = await app.payload.login({ collection: 'users', data: { email, password: 'secret-password' } })
  return { id, headers: { Authorization: `JWT ${token}` } }
}

const notice = (n: number, _status: 'draft' | 'published') => ({
  title: `Access notice ${n}`,
  kind: 'other',
  body: paragraph(`Notice text ${n}.`),
  appliesTo: { scope: 'all' },
  _status,
})

/**
 * Payload's GraphQL update input keeps a group non-null when it has a required subfield
 * (`appliesTo.scope`), so every notice update over GraphQL must resend the scope.
 */
const appliesToForGraphQL = (transport: Transport) => (transport === 'GraphQL' ? { appliesTo: { scope: 'all' } } : {})

// ---------------------------------------------------------------------------------------------
// How each row is exercised

const SPECS: Record<Row, Spec> = {
  'articles (published)': {
    slug: 'articles',
    versions: true,
    trash: true,
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'Article', many: 'Articles' },
    make: () => create('articles', { headline: `Published story ${next()}`, _status: 'published', source: afp }),
    // GraphQL's input type requires the slug that REST makes from the headline.
    input: (n, transport) => ({
      headline: `Created story ${n}`,
      ...(transport === 'GraphQL' && { slug: `created-story-${n}` }),
      _status: 'published',
      source: afp,
    }),
    change: (n) => ({ headline: `Changed story ${n}` }),
  },
  'articles (draft)': {
    slug: 'articles',
    draft: true,
    versions: true,
    trash: true,
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'Article', many: 'Articles' },
    make: () => create('articles', { headline: `Draft story ${next()}`, _status: 'draft' }, true),
    input: (n, transport) => ({
      headline: `Created draft ${n}`,
      ...(transport === 'GraphQL' && { slug: `created-draft-${n}` }),
      _status: 'draft',
    }),
    change: (n) => ({ headline: `Changed draft ${n}` }),
  },
  'articles (embargoed)': {
    slug: 'articles',
    versions: true,
    trash: true,
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'Article', many: 'Articles' },
    make: () => create('articles', { headline: `Story under embargo ${next()}`, _status: 'published', source: afp, embargoUntil: inADay() }),
    input: (n, transport) => ({
      headline: `Created story under embargo ${n}`,
      ...(transport === 'GraphQL' && { slug: `created-story-under-embargo-${n}` }),
      _status: 'published',
      source: afp,
      embargoUntil: inADay(),
    }),
    change: (n) => ({ headline: `Changed story under embargo ${n}` }),
  },
  'articles (withdrawn)': {
    slug: 'articles',
    versions: true,
    trash: true,
    ops: ['read', 'update', 'delete'],
    gql: { one: 'Article', many: 'Articles' },
    make: async () => {
      const { id } = await create('articles', { headline: `Withdrawn story ${next()}`, _status: 'published', source: afp })
      await withdrawArticle({ req: { payload: app.payload, user: null, context: {} } as never, collection: 'articles', id: id!, reason: 'kill', message: 'Killed' })
      return { id }
    },
    change: (n) => ({ headline: `Changed withdrawn story ${n}` }),
  },
  'wire-sources': {
    slug: 'wire-sources',
    trash: true,
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'WireSource', many: 'WireSources' },
    make: () => create('wire-sources', { name: `Source ${seq}`, code: `ACC-${next()}` }),
    // GraphQL marks kind and license required (they have defaults, but its input types ignore those).
    input: (n, transport) => ({
      name: `Created source ${n}`,
      code: `NEW-${n}`,
      ...(transport === 'GraphQL' && { kind: 'other', license: 'copyright' }),
    }),
    change: (n) => ({ name: `Changed source ${n}` }),
  },
  'legal-notices (published)': {
    slug: 'legal-notices',
    versions: true,
    trash: true,
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'LegalNotice', many: 'LegalNotices' },
    make: () => create('legal-notices', notice(next(), 'published')),
    input: (n) => notice(n, 'published'),
    change: (n, transport) => ({ title: `Changed notice ${n}`, ...appliesToForGraphQL(transport) }),
  },
  'legal-notices (draft)': {
    slug: 'legal-notices',
    draft: true,
    versions: true,
    trash: true,
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'LegalNotice', many: 'LegalNotices' },
    make: () => create('legal-notices', notice(next(), 'draft'), true),
    input: (n) => notice(n, 'draft'),
    change: (n, transport) => ({ title: `Changed draft notice ${n}`, ...appliesToForGraphQL(transport) }),
  },
  'users (own account)': {
    slug: 'users',
    ops: ['read', 'update', 'delete'],
    gql: { one: 'User', many: 'Users' },
    make: (role) => signedInUser(role as Exclude<Role, 'anonymous'>),
    change: (n) => ({ name: `Renamed ${n}` }),
  },
  'users (others)': {
    slug: 'users',
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'User', many: 'Users' },
    make: () => create('users', { email: `other-${next()}@access.test`, password: 'secret-password', roles: ['editor'] }),
    input: (n) => ({ email: `created-${n}@access.test`, password: 'secret-password', roles: ['editor'] }),
    change: (n) => ({ name: `Renamed ${n}` }),
  },
  sections: {
    slug: 'sections',
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'Section', many: 'Sections' },
    make: () => create('sections', { name: `SECTION ${next()}`, site }),
    input: (n, transport) => ({
      name: `NEW SECTION ${n}`,
      ...(transport === 'GraphQL' && { slug: `new-section-${n}` }),
      site,
    }),
    change: (n) => ({ name: `RENAMED ${n}` }),
  },
  sites: {
    slug: 'sites',
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'Site', many: 'Sites' },
    make: () => create('sites', { name: `Site ${seq}`, domain: `site-${next()}.example` }),
    input: (n) => ({ name: `New site ${n}`, domain: `new-${n}.example` }),
    change: (n) => ({ name: `Renamed site ${n}` }),
  },
  'audit-log': {
    slug: 'audit-log',
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'AuditLog', many: 'AuditLogs' },
    // An entry comes only from an audited change.
    make: async () => {
      await app.payload.updateGlobal({ slug: 'publisher', data: { jurisdiction: `Audited ${next()}` } })
      return { id: (await app.payload.find({ collection: 'audit-log', sort: '-id', limit: 1 })).docs[0].id }
    },
    input: (n, transport) => ({
      at: new Date().toISOString(),
      operation: 'delete',
      collection: transport === 'GraphQL' ? 'legal_notices' : 'legal-notices',
      documentId: String(n),
    }),
    change: (n) => ({ userEmail: `forged-${n}@access.test` }),
  },
  webhooks: {
    slug: 'webhooks',
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'Webhook', many: 'Webhooks' },
    make: () => create('webhooks', { url: `http://8.8.8.8/hook-${next()}`, events: ['article.published'] }),
    input: (n, transport) => ({ url: `http://8.8.8.8/new-${n}`, events: [transport === 'GraphQL' ? 'article_published' : 'article.published'] }),
    change: (n) => ({ url: `http://8.8.8.8/changed-${n}` }),
  },
  'webhook-deliveries': {
    slug: 'webhook-deliveries',
    ops: ['read', 'create', 'update', 'delete'],
    gql: { one: 'WebhookDelivery', many: 'WebhookDeliveries' },
    make: async () => {
      const { id: webhook } = await create('webhooks', { url: `http://8.8.8.8/hook-${next()}`, events: ['article.published'], active: false })
      return create('webhook-deliveries', { webhook, event: 'article.published', deliveryId: `access-${next()}`, payload: { event: 'article.published' }, status: 'failed' })
    },
    input: (n, transport) => ({
      webhook: 1,
      event: transport === 'GraphQL' ? 'article_published' : 'article.published',
      deliveryId: `forged-${n}`,
      payload: { event: 'article.published' },
      status: 'pending',
    }),
    change: () => ({ status: 'delivered' }),
  },
  'publisher (global)': {
    slug: 'publisher',
    global: true,
    versions: true,
    ops: ['read', 'update'],
    gql: { one: 'Publisher' },
    // GraphQL's global input type requires every required field, so send them all.
    change: (n) => ({ name: `Publisher ${n}`, copyrightStartYear: 1995 }),
  },
}

const can = (row: Row, role: Role, op: Op) => {
  const cell: Cell = MATRIX[row][ROLES.indexOf(role as (typeof ROLES)[number])]
  return cell.includes(op[0])
}

/**
 * A role that may read some documents of a collection gets a filtered view of the rest
 * (404 by id, left out of lists); a role that may read none of it gets a 403.
 */
const readDenial = (row: Row, role: Role): 'forbidden' | 'hidden' =>
  (Object.keys(MATRIX) as Row[]).some((other) => SPECS[other].slug === SPECS[row].slug && can(other, role, 'read'))
    ? 'hidden'
    : 'forbidden'

// ---------------------------------------------------------------------------------------------
// Local API views, to prove what a request did or did not write

/** Everything a denied write could have touched: the document, the collection's size, its versions. */
const snapshot = async (spec: Spec, target: Target) => {
  const { payload } = app
  if (spec.global) {
    return {
      doc: await payload.findGlobal({ slug: 'publisher', depth: 0 }),
      versions: (await payload.countGlobalVersions({ global: 'publisher' })).totalDocs,
    }
  }
  const collection = spec.slug as CollectionSlug
  return {
    count: (await payload.count({ collection, trash: true })).totalDocs,
    versions: spec.versions ? (await payload.countVersions({ collection })).totalDocs : 0,
    doc:
      target.id === undefined
        ? null
        : await payload.findByID({ collection, id: target.id, depth: 0, draft: true, trash: true, disableErrors: true }),
  }
}

const current = async (spec: Spec, id?: Id): Promise<Json | null> =>
  spec.global
    ? app.payload.findGlobal({ slug: 'publisher', depth: 0 })
    : app.payload.findByID({ collection: spec.slug as CollectionSlug, id: id!, depth: 0, draft: true, trash: true, disableErrors: true })

// ---------------------------------------------------------------------------------------------
// Requests

const restRequest = (spec: Spec, op: Op, target: Target, n: number, headers: Headers): Promise<HttpResult> => {
  const draft = spec.draft ? '?draft=true' : ''
  if (spec.global) {
    return op === 'read'
      ? api.rest('GET', `globals/${spec.slug}`, { headers })
      : api.rest('POST', `globals/${spec.slug}`, { headers, body: spec.change(n, 'REST') })
  }
  switch (op) {
    case 'read':
      return api.rest('GET', `${spec.slug}/${target.id}${draft}`, { headers })
    case 'create':
      return api.rest('POST', `${spec.slug}${draft}`, { headers, body: spec.input!(n, 'REST') })
    case 'update':
      return api.rest('PATCH', `${spec.slug}/${target.id}${draft}`, { headers, body: spec.change(n, 'REST') })
    case 'delete':
      return spec.trash
        ? api.rest('PATCH', `${spec.slug}/${target.id}`, { headers, body: { deletedAt: new Date().toISOString() } })
        : api.rest('DELETE', `${spec.slug}/${target.id}`, { headers })
  }
}

const restList = (spec: Spec, id: Id, headers: Headers) =>
  api.rest('GET', `${spec.slug}?where[id][equals]=${id}${spec.draft ? '&draft=true' : ''}`, { headers })

type GraphQLRequest = { field: string; query: string; variables?: Json }

const graphqlRequest = (spec: Spec, op: Op, target: Target, n: number): GraphQLRequest => {
  const { one } = spec.gql
  const id = JSON.stringify(target.id)
  const draft = spec.draft ? ', draft: true' : ''
  if (spec.global) {
    return op === 'read'
      ? { field: one, query: `{ ${one} { name } }` }
      : {
          field: `update${one}`,
          query: `mutation ($data: mutation${one}Input!) { update${one}(data: $data) { name } }`,
          variables: { data: spec.change(n, 'GraphQL') },
        }
  }
  switch (op) {
    case 'read':
      return { field: one, query: `{ ${one}(id: ${id}${draft}) { id } }` }
    case 'create':
      return {
        field: `create${one}`,
        query: `mutation ($data: mutation${one}Input!) { create${one}(data: $data${draft}) { id } }`,
        variables: { data: spec.input!(n, 'GraphQL') },
      }
    case 'update':
      return {
        field: `update${one}`,
        query: `mutation ($data: mutation${one}UpdateInput!) { update${one}(id: ${id}, data: $data${draft}) { id } }`,
        variables: { data: spec.change(n, 'GraphQL') },
      }
    case 'delete':
      return spec.trash
        ? {
            field: `update${one}`,
            query: `mutation ($data: mutation${one}UpdateInput!) { update${one}(id: ${id}, data: $data) { id } }`,
            variables: {
              data: { deletedAt: new Date().toISOString(), ...(spec.slug === 'legal-notices' && appliesToForGraphQL('GraphQL')) },
            },
          }
        : { field: `delete${one}`, query: `mutation { delete${one}(id: ${id}) { id } }` }
  }
}

const graphqlList = (spec: Spec, id: Id, headers: Headers) =>
  api.graphql(`{ ${spec.gql.many}(where: { id: { equals: ${JSON.stringify(id)} } }${spec.draft ? ', draft: true' : ''}) { docs { id } } }`, {
    headers,
  })

const restError = (message: unknown) => ({ errors: [{ message }] })

const graphqlError = (field: string, name: 'Forbidden' | 'NotFound') => ({
  errors: [
    expect.objectContaining({
      message: name === 'Forbidden' ? FORBIDDEN : 'Not Found',
      extensions: { name, statusCode: name === 'Forbidden' ? 403 : 404 },
      path: [field],
    }),
  ],
  data: { [field]: null },
})

// ---------------------------------------------------------------------------------------------
// The matrix

type Case = { allowed: boolean; may: string; op: Op; role: Role; row: Row; what: string }

const CASES: Case[] = (Object.keys(MATRIX) as Row[]).flatMap((row) =>
  ROLES.flatMap((role, i) =>
    MATRIX[row][i] === 'n/a'
      ? []
      : SPECS[row].ops.map((op) => ({
          row,
          role,
          op,
          allowed: can(row, role, op),
          may: can(row, role, op) ? 'may' : 'may not',
          what: op === 'delete' && SPECS[row].trash ? 'trash' : op,
        })),
  ),
)

/** Runs one case over one transport and checks the answer and what was (not) written. */
const exercise = async ({ row, role, op, allowed }: Case, transport: Transport) => {
  const spec = SPECS[row]
  const n = next()
  const target: Target = spec.make && op !== 'create' ? await spec.make(role) : {}
  const headers = target.headers ?? (await app.auth(role))
  const before = await snapshot(spec, target)

  if (transport === 'REST') {
    const res = await restRequest(spec, op, target, n, headers)
    if (op === 'read') {
      if (allowed) {
        expect(res.status).toBe(200)
        if (!spec.global) {
          expect(res.body.id).toBe(target.id)
          const list = await restList(spec, target.id!, headers)
          expect(list.status).toBe(200)
          expect(list.body.docs.map((d: Json) => d.id)).toEqual([target.id])
        }
      } else if (readDenial(row, role) === 'hidden') {
        expect(res).toEqual({ status: 404, body: restError('Not Found') })
        const list = await restList(spec, target.id!, headers)
        expect(list.status).toBe(200)
        expect(list.body).toMatchObject({ docs: [], totalDocs: 0 })
      } else {
        expect(res).toEqual({ status: 403, body: restError(FORBIDDEN) })
        expect(await restList(spec, target.id!, headers)).toEqual({ status: 403, body: restError(FORBIDDEN) })
      }
    } else if (allowed) {
      expect(res.status).toBe(op === 'create' ? 201 : 200)
      await expectWritten(spec, op, op === 'create' ? res.body.doc.id : target.id, n)
    } else {
      const message = refusedByReview(row, role, op) ? expect.stringMatching(/review/) : FORBIDDEN
      expect(res).toEqual({ status: 403, body: restError(message) })
    }
  } else {
    const { field, query, variables } = graphqlRequest(spec, op, target, n)
    const res = await api.graphql(query, { headers, variables })
    expect(res.status).toBe(200)
    if (op === 'read') {
      if (allowed) {
        expect(res.body.errors).toBeUndefined()
        expect(res.body.data[field]).toEqual(spec.global ? { name: expect.any(String) } : { id: target.id })
        if (!spec.global) {
          const list = await graphqlList(spec, target.id!, headers)
          expect(list.body).toEqual({ data: { [spec.gql.many!]: { docs: [{ id: target.id }] } } })
        }
      } else if (readDenial(row, role) === 'hidden') {
        expect(res.body).toEqual(graphqlError(field, 'NotFound'))
        const list = await graphqlList(spec, target.id!, headers)
        expect(list.body).toEqual({ data: { [spec.gql.many!]: { docs: [] } } })
      } else {
        expect(res.body).toEqual(graphqlError(field, 'Forbidden'))
        expect((await graphqlList(spec, target.id!, headers)).body).toEqual(graphqlError(spec.gql.many!, 'Forbidden'))
      }
    } else if (allowed) {
      expect(res.body.errors).toBeUndefined()
      expect(res.body.data[field]).not.toBeNull()
      await expectWritten(spec, op, op === 'create' ? res.body.data[field].id : target.id, n)
    } else if (refusedByReview(row, role, op)) {
      expect(res.body).toEqual({
        errors: [expect.objectContaining({ message: expect.stringMatching(/review/), extensions: expect.objectContaining({ statusCode: 403 }) })],
        data: { [field]: null },
      })
    } else {
      expect(res.body).toEqual(graphqlError(field, 'Forbidden'))
    }
  }

  // Reads never write; denied writes leave the document, the collection and its versions as they were.
  if (op === 'read' || !allowed) expect(await snapshot(spec, target)).toEqual(before)
}

const expectWritten = async (spec: Spec, op: Op, id: Id | undefined, n: number) => {
  const doc = await current(spec, id)
  if (op === 'delete' && spec.trash) expect(doc).toMatchObject({ deletedAt: expect.any(String) })
  else if (op === 'delete') expect(doc).toBeNull()
  else if (op === 'create') expect(doc).toMatchObject({ id })
  else expect(doc).toMatchObject(spec.change(n, 'REST'))
}

describe.each(['REST', 'GraphQL'] as const)('access matrix over %s', (transport) => {
  it.each(CASES)('$role $may $what $row', (c) => exercise(c, transport))
})

// ---------------------------------------------------------------------------------------------
// Drafts stay hidden from anonymous readers, whichever way they ask

describe('drafts', () => {
  const SECRET = 'Embargoed'
  const docs: Record<string, { collection: 'articles' | 'legal-notices'; id: Id; title: string }> = {}

  beforeAll(async () => {
    const { payload } = app
    // Never published.
    const draftArticle = await payload.create({
      collection: 'articles',
      draft: true,
      data: { headline: `${SECRET} draft story`, _status: 'draft' },
    })
    // Published, with a newer draft waiting.
    const article = await create('articles', { headline: 'Public story', _status: 'published', source: afp })
    await payload.update({ collection: 'articles', id: article.id!, draft: true, data: { headline: `${SECRET} rewrite` } })
    const draftNotice = await payload.create({
      collection: 'legal-notices',
      draft: true,
      data: { ...notice(next(), 'draft'), title: `${SECRET} draft notice` } as never,
    })
    const published = await payload.create({
      collection: 'legal-notices',
      data: { ...notice(next(), 'published'), title: 'Public notice' } as never,
    })
    await payload.update({ collection: 'legal-notices', id: published.id, draft: true, data: { title: `${SECRET} notice rewrite` } })

    docs.draftArticle = { collection: 'articles', id: draftArticle.id, title: 'headline' }
    docs.article = { collection: 'articles', id: article.id!, title: 'headline' }
    docs.draftNotice = { collection: 'legal-notices', id: draftNotice.id, title: 'title' }
    docs.notice = { collection: 'legal-notices', id: published.id, title: 'title' }
  })

  const restReads = (collection: string, id: Id, title: string) => [
    `${collection}/${id}`,
    `${collection}/${id}?draft=true`,
    `${collection}?limit=100`,
    `${collection}?limit=100&draft=true`,
    `${collection}?where[${title}][like]=${SECRET}&draft=true`,
  ]

  const gqlNames = { articles: ['Article', 'Articles'], 'legal-notices': ['LegalNotice', 'LegalNotices'] } as const

  const graphqlReads = (collection: 'articles' | 'legal-notices', id: Id, title: string) => {
    const [one, many] = gqlNames[collection]
    return [false, true].flatMap((draft) => [
      `{ ${one}(id: ${JSON.stringify(id)}, draft: ${draft}) { id ${title} } }`,
      `{ ${many}(draft: ${draft}, limit: 0) { docs { id ${title} } } }`,
      `{ ${many}(draft: ${draft}, where: { ${title}: { like: "${SECRET}" } }) { docs { id ${title} } totalDocs } }`,
    ])
  }

  it.each(['draftArticle', 'article', 'draftNotice', 'notice'])(
    'anonymous never sees the draft of %s, over REST or GraphQL, with or without draft',
    async (key) => {
      const { collection, id, title } = docs[key]
      for (const path of restReads(collection, id, title)) {
        const res = await api.rest('GET', path)
        expect([200, 404]).toContain(res.status)
        expect(JSON.stringify(res.body)).not.toContain(SECRET)
      }
      for (const query of graphqlReads(collection, id, title)) {
        const res = await api.graphql(query)
        expect(JSON.stringify(res.body)).not.toContain(SECRET)
      }
    },
  )

  it('anonymous gets 404 for a never-published draft and the published text of one with a pending draft', async () => {
    expect(await api.rest('GET', `articles/${docs.draftArticle.id}?draft=true`)).toEqual({
      status: 404,
      body: restError('Not Found'),
    })
    expect(await api.rest('GET', `legal-notices/${docs.draftNotice.id}?draft=true`)).toEqual({
      status: 404,
      body: restError('Not Found'),
    })
    expect((await api.rest('GET', `articles/${docs.article.id}?draft=true`)).body.headline).toBe('Public story')
    expect((await api.rest('GET', `legal-notices/${docs.notice.id}?draft=true`)).body.title).toBe('Public notice')
    const gql = await api.graphql(`{ Article(id: ${JSON.stringify(docs.article.id)}, draft: true) { headline } }`)
    expect(gql.body).toEqual({ data: { Article: { headline: 'Public story' } } })
  })

  it('anonymous never gets a draft through a relationship, at any depth', async () => {
    const { id } = await create('articles', {
      headline: 'Story with related drafts',
      _status: 'published',
      source: afp,
      relatedArticles: [docs.draftArticle.id, docs.article.id],
    })
    for (const query of ['depth=1', 'depth=2&draft=true']) {
      const res = await api.rest('GET', `articles/${id}?${query}`)
      expect(res.status).toBe(200)
      expect(JSON.stringify(res.body)).not.toContain(SECRET)
    }
    const gql = await api.graphql(`{ Article(id: ${JSON.stringify(id)}, draft: true) { relatedArticles { headline } } }`)
    expect(JSON.stringify(gql.body)).not.toContain(SECRET)
  })

  it.each(['articles', 'legal-notices'])('anonymous cannot list the versions of %s', async (collection) => {
    expect(await api.rest('GET', `${collection}/versions`)).toEqual({ status: 403, body: restError(FORBIDDEN) })
  })

  it.each([
    ['editor', 'article'],
    ['compliance', 'article'],
    ['editor', 'notice'],
    ['compliance', 'notice'],
  ] as const)('%s reads the pending draft of a published %s', async (role, key) => {
    const { collection, id, title } = docs[key]
    const headers = await app.auth(role)
    const res = await api.rest('GET', `${collection}/${id}?draft=true`, { headers })
    expect(res.status).toBe(200)
    expect(res.body[title]).toMatch(new RegExp(`^${SECRET}`))
    const [, many] = gqlNames[collection]
    const gql = await api.graphql(`{ ${many}(draft: true, where: { ${title}: { like: "${SECRET}" } }) { totalDocs } }`, { headers })
    expect(gql.body).toEqual({ data: { [many]: { totalDocs: 2 } } })
  })
})

// ---------------------------------------------------------------------------------------------
// Wire-source rights: editors add sources, compliance owns their rights

describe('wire-source rights', () => {
  const RIGHTS = { kind: 'news-agency', license: 'public-domain', copyrightHolder: 'Mallory Media' }
  const DEFAULTS = { kind: 'other', license: 'copyright' }

  it('an editor creates a source over REST, but the rights fields it sends are not stored', async () => {
    const res = await api.rest('POST', 'wire-sources', {
      headers: await app.auth('editor'),
      body: { name: 'Editor source', code: 'ed-rest', ...RIGHTS },
    })
    expect(res.status).toBe(201)
    const stored = await app.payload.findByID({ collection: 'wire-sources', id: res.body.doc.id })
    expect(stored).toMatchObject({ name: 'Editor source', code: 'ED-REST', ...DEFAULTS })
    expect(stored.copyrightHolder ?? null).toBeNull()
  })

  it('an editor creates a source over GraphQL, but the rights fields it sends are not stored', async () => {
    const res = await api.graphql(
      `mutation ($data: mutationWireSourceInput!) { createWireSource(data: $data) { id code kind license copyrightHolder } }`,
      {
        headers: await app.auth('editor'),
        variables: { data: { name: 'Editor source 2', code: 'ED-GQL', kind: 'news_agency', license: 'public_domain', copyrightHolder: 'Mallory Media' } },
      },
    )
    expect(res.body.errors).toBeUndefined()
    const stored = await app.payload.findByID({ collection: 'wire-sources', id: res.body.data.createWireSource.id })
    expect(stored).toMatchObject({ code: 'ED-GQL', ...DEFAULTS })
    expect(stored.copyrightHolder ?? null).toBeNull()
  })

  it.each([
    ['a rights field', { license: 'public-domain' }],
    ['any other field', { name: 'Renamed by an editor' }],
  ])('an editor cannot update %s of a source', async (_, change) => {
    const id = (await create('wire-sources', { name: 'Guarded', code: `GRD-${next()}`, ...RIGHTS })).id!
    const before = await app.payload.findByID({ collection: 'wire-sources', id })
    const headers = await app.auth('editor')

    expect(await api.rest('PATCH', `wire-sources/${id}`, { headers, body: change })).toEqual({
      status: 403,
      body: restError(FORBIDDEN),
    })
    const gql = await api.graphql(
      `mutation ($data: mutationWireSourceUpdateInput!) { updateWireSource(id: ${JSON.stringify(id)}, data: $data) { id } }`,
      { headers, variables: { data: { name: 'Renamed by an editor' } } },
    )
    expect(gql.body).toEqual(graphqlError('updateWireSource', 'Forbidden'))
    expect(await app.payload.findByID({ collection: 'wire-sources', id })).toEqual(before)
  })

  // Compliance staff change rights through review (test/int/rights-review.test.ts); admins directly.
  it('an admin updates the rights fields over REST and GraphQL', async () => {
    const id = (await create('wire-sources', { name: 'Rights change', code: `RC-${next()}` })).id!
    const headers = await app.auth('admin')

    const rest = await api.rest('PATCH', `wire-sources/${id}`, { headers, body: RIGHTS })
    expect(rest.status).toBe(200)
    expect(await app.payload.findByID({ collection: 'wire-sources', id })).toMatchObject(RIGHTS)

    const gql = await api.graphql(
      `mutation ($data: mutationWireSourceUpdateInput!) { updateWireSource(id: ${JSON.stringify(id)}, data: $data) { kind license copyrightHolder } }`,
      { headers, variables: { data: { kind: 'government', license: 'cc_by', copyrightHolder: 'Open Office' } } },
    )
    expect(gql.body).toEqual({ data: { updateWireSource: { kind: 'government', license: 'cc_by', copyrightHolder: 'Open Office' } } })
    expect(await app.payload.findByID({ collection: 'wire-sources', id })).toMatchObject({
      kind: 'government',
      license: 'cc-by',
      copyrightHolder: 'Open Office',
    })
  })
})

// ---------------------------------------------------------------------------------------------
// Legal notices go to the trash, never away in one step (DESIGN: nothing is ever lost)

describe('legal-notice trash', () => {
  const live = async () => (await create('legal-notices', notice(next(), 'published'))).id!
  /** In the trash; a draft never published, the only kind of notice that can be deleted for good. */
  const trashed = async () => {
    const id = (await create('legal-notices', notice(next(), 'draft'), true)).id!
    await app.payload.update({ collection: 'legal-notices', id, data: { deletedAt: new Date().toISOString() } })
    return id
  }
  const everything = async (id: Id) => ({
    doc: await app.payload.findByID({ collection: 'legal-notices', id, trash: true, disableErrors: true }),
    versions: (await app.payload.countVersions({ collection: 'legal-notices', where: { parent: { equals: id } } })).totalDocs,
  })

  it.each(['compliance', 'admin'] as const)('%s cannot delete a live notice for good', async (role) => {
    const id = await live()
    const before = await everything(id)
    const headers = await app.auth(role)
    expect(await api.rest('DELETE', `legal-notices/${id}`, { headers })).toEqual({ status: 403, body: restError(FORBIDDEN) })
    const gql = await api.graphql(`mutation { deleteLegalNotice(id: ${JSON.stringify(id)}) { id } }`, { headers })
    expect(gql.body).toEqual(graphqlError('deleteLegalNotice', 'Forbidden'))
    expect(await everything(id)).toEqual(before)
  })

  it('compliance moves a notice to the trash, keeping its versions, and restores it', async () => {
    const id = await live()
    const before = await everything(id)
    const headers = await app.auth('compliance')

    const res = await api.rest('PATCH', `legal-notices/${id}`, { headers, body: { deletedAt: new Date().toISOString() } })
    expect(res.status).toBe(200)
    const inTrash = await everything(id)
    expect(inTrash.doc).toMatchObject({ deletedAt: expect.any(String) })
    expect(inTrash.versions).toBeGreaterThanOrEqual(before.versions)
    expect(await api.rest('GET', `legal-notices/${id}`)).toEqual({ status: 404, body: restError('Not Found') })

    const restored = await api.rest('PATCH', `legal-notices/${id}?trash=true`, { headers, body: { deletedAt: null } })
    expect(restored.status).toBe(200)
    expect((await everything(id)).doc).toMatchObject({ deletedAt: null })
  })

  it.each(['REST', 'GraphQL'] as const)('compliance empties the trash over %s', async (transport) => {
    const id = await trashed()
    const headers = await app.auth('compliance')
    if (transport === 'REST') {
      expect((await api.rest('DELETE', `legal-notices/${id}?trash=true`, { headers })).status).toBe(200)
    } else {
      const gql = await api.graphql(`mutation { deleteLegalNotice(id: ${JSON.stringify(id)}, trash: true) { id } }`, { headers })
      expect(gql.body).toEqual({ data: { deleteLegalNotice: { id } } })
    }
    expect(await everything(id)).toEqual({ doc: null, versions: 0 })
  })

  it.each(['anonymous', 'editor'] as const)('%s can neither trash a notice nor empty the trash', async (role) => {
    const [id, binned] = [await live(), await trashed()]
    const before = [await everything(id), await everything(binned)]
    const headers = await app.auth(role)
    expect(await api.rest('PATCH', `legal-notices/${id}`, { headers, body: { deletedAt: new Date().toISOString() } })).toEqual({
      status: 403,
      body: restError(FORBIDDEN),
    })
    expect(await api.rest('DELETE', `legal-notices/${binned}?trash=true`, { headers })).toEqual({
      status: 403,
      body: restError(FORBIDDEN),
    })
    expect([await everything(id), await everything(binned)]).toEqual(before)
  })
})

// ---------------------------------------------------------------------------------------------
// Users

describe('users', () => {
  it.each(['editor', 'compliance'] as const)('%s lists only their own account', async (role) => {
    const headers = await app.auth(role)
    const email = `${role}@wirehouse.test`
    const rest = await api.rest('GET', 'users?limit=100', { headers })
    expect(rest.status).toBe(200)
    expect(rest.body.docs.map((u: Json) => u.email)).toEqual([email])
    const gql = await api.graphql('{ Users(limit: 100) { docs { email } } }', { headers })
    expect(gql.body).toEqual({ data: { Users: { docs: [{ email }] } } })
  })

  it.each(['editor', 'compliance'] as const)('%s cannot give themselves a role', async (role) => {
    const { id, headers } = await signedInUser(role)
    const before = await app.payload.findByID({ collection: 'users', id: id! })

    // Payload drops a field the user may not update and saves the rest.
    const rest = await api.rest('PATCH', `users/${id}`, { headers, body: { roles: ['admin'], name: 'Still me' } })
    expect(rest.status).toBe(200)
    expect(rest.body.doc.roles).toEqual([role])

    const gql = await api.graphql(
      `mutation { updateUser(id: ${JSON.stringify(id)}, data: { roles: [admin, ${role}] }) { roles } }`,
      { headers },
    )
    expect(gql.body).toEqual({ data: { updateUser: { roles: [role] } } })

    const after = await app.payload.findByID({ collection: 'users', id: id! })
    expect(after.roles).toEqual(before.roles)
    expect(after.name).toBe('Still me')
  })

  it('admin sets roles', async () => {
    const { id } = await signedInUser('editor')
    const res = await api.rest('PATCH', `users/${id}`, { headers: await app.auth('admin'), body: { roles: ['editor', 'compliance'] } })
    expect(res.status).toBe(200)
    expect((await app.payload.findByID({ collection: 'users', id: id! })).roles).toEqual(['editor', 'compliance'])
  })

  it('nobody signs up anonymously', async () => {
    const before = (await app.payload.count({ collection: 'users' })).totalDocs
    const res = await api.rest('POST', 'users', { body: { email: 'walk-in@access.test', password: 'secret-password', roles: ['admin'] } })
    expect(res).toEqual({ status: 403, body: restError(FORBIDDEN) })
    expect((await app.payload.count({ collection: 'users' })).totalDocs).toBe(before)
  })
})

// ---------------------------------------------------------------------------------------------
// API keys, for integrations

describe('API keys', () => {
  let KEY: string
  let user: Id
  let draft: Id
  const apiKey = (key = KEY) => ({ Authorization: `users API-Key ${key}` })

  beforeAll(async () => {
    user = (await create('users', { email: 'ingest@access.test', password: 'secret-password', roles: ['editor'] })).id!
    KEY = (await api.rest('POST', `users/${user}/api-key`, { headers: await app.auth('admin') })).body.apiKey
    draft = (await create('articles', { headline: 'Draft for the ingest job', _status: 'draft' }, true)).id!
  })

  it("acts with the key owner's roles over REST", async () => {
    const me = await api.rest('GET', 'users/me', { headers: apiKey() })
    expect(me.body.user).toMatchObject({ id: user, email: 'ingest@access.test' })

    expect((await api.rest('GET', `articles/${draft}?draft=true`, { headers: apiKey() })).status).toBe(200)
    const created = await api.rest('POST', 'articles?draft=true', {
      headers: apiKey(),
      body: { headline: 'Ingested story', _status: 'draft' },
    })
    expect(created.status).toBe(201)

    // An editor's key is not an admin's.
    const sites = (await app.payload.count({ collection: 'sites' })).totalDocs
    const denied = await api.rest('POST', 'sites', { headers: apiKey(), body: { name: 'Rogue', domain: 'rogue.example' } })
    expect(denied).toEqual({ status: 403, body: restError(FORBIDDEN) })
    expect((await app.payload.count({ collection: 'sites' })).totalDocs).toBe(sites)
  })

  it('acts with the key owner over GraphQL', async () => {
    const res = await api.graphql(`{ Article(id: ${JSON.stringify(draft)}, draft: true) { headline } }`, { headers: apiKey() })
    expect(res.body).toEqual({ data: { Article: { headline: 'Draft for the ingest job' } } })
  })

  it('a wrong key, or a disabled one, is anonymous', async () => {
    expect(await api.rest('GET', `articles/${draft}?draft=true`, { headers: apiKey('not-the-key') })).toEqual({
      status: 404,
      body: restError('Not Found'),
    })
    await app.payload.update({ collection: 'users', id: user, data: { enableAPIKey: false } as never })
    expect(await api.rest('GET', `articles/${draft}?draft=true`, { headers: apiKey() })).toEqual({
      status: 404,
      body: restError('Not Found'),
    })
    expect((await api.rest('GET', 'users/me', { headers: apiKey() })).body.user).toBeNull()
  })
})
