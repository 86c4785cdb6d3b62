import type { CollectionSlug } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http, type HttpResult, type Json } from '../helpers/http'
import { type Role, startApp, type TestApp } from '../helpers/payload'

/**
 * Malformed requests over REST and GraphQL, through Payload's own route handlers: each is a 4xx
 * whose message names the problem, never a 500 (DESIGN.md: "4xx never 500"), and writes nothing.
 */

type Method = 'DELETE' | 'GET' | 'PATCH' | 'POST'
type Send =
  | { rest: [method: Method, path: string]; body?: unknown; headers?: Record<string, string> }
  | { graphql: string; variables?: Json; body?: string; headers?: Record<string, string> }

type Row = {
  title: string
  as: Role
  send: () => Send
  /** The status, when one is right; any 4xx otherwise. */
  status?: number
  /** What the message must say (case-insensitive). */
  message: RegExp
}

type Id = number

let app: TestApp
let api: ReturnType<typeof http>
const ids: Record<string, Id> = {}

const COLLECTIONS = ['articles', 'wire-sources', 'legal-notices', 'sections', 'sites', 'users', 'audit-log', 'webhooks', 'webhook-deliveries'] as const
const VERSIONED = new Set<string>(['articles', 'legal-notices'])

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const first = async (collection: CollectionSlug) =>
    (await app.payload.find({ collection, limit: 1, depth: 0, sort: 'id' })).docs[0].id as Id
  ids.article = await first('articles')
  ids.source = await first('wire-sources')
  ids.notice = await first('legal-notices')
})
afterAll(async () => app?.stop())

/** Every document (trash included), version and audit entry: what a refused request must leave as it was. */
const snapshot = async () => {
  const counts: Record<string, number> = {}
  for (const collection of COLLECTIONS) {
    counts[collection] = (await app.payload.count({ collection, trash: true })).totalDocs
    if (VERSIONED.has(collection)) counts[`${collection} versions`] = (await app.payload.countVersions({ collection: collection as CollectionSlug })).totalDocs
  }
  counts['publisher versions'] = (await app.payload.countGlobalVersions({ global: 'publisher' })).totalDocs
  return counts
}

const send = async (row: Row): Promise<HttpResult> => {
  const request = row.send()
  const headers = { ...(await app.auth(row.as)), ...request.headers }
  try {
    if ('rest' in request) return await api.rest(request.rest[0], request.rest[1], { body: request.body, headers })
    const res = await api.graphql(request.graphql, { variables: request.variables, body: request.body, headers })
    // An error while running a request is HTTP 200 with the error's status in `extensions` (docs/api.md).
    const statuses = (res.body.errors ?? []).map((e: Json) => e.extensions?.statusCode).filter(Boolean)
    return res.status === 200 && statuses.length ? { ...res, status: Math.max(...statuses) } : res
  } catch (error) {
    // What Next answers for a route handler that throws.
    return { status: 500, body: { thrown: String(error) } }
  }
}

/** Every message the answer carries, REST's `errors[].message` and `data.errors[].message`, GraphQL's `errors[].message`. */
const messages = (body: Json): string =>
  [body.message, ...(body.errors ?? []).flatMap((e: Json) => [e.message, ...(e.data?.errors ?? []).map((d: Json) => `${d.path}: ${d.message}`)])]
    .filter(Boolean)
    .join(' | ')

const get = (path: string): Send => ({ rest: ['GET', path] })
const post = (path: string, body: unknown, headers?: Record<string, string>): Send => ({ rest: ['POST', path], body, headers })
const patch = (path: string, body: unknown, headers?: Record<string, string>): Send => ({ rest: ['PATCH', path], body, headers })
const del = (path: string): Send => ({ rest: ['DELETE', path] })
const gql = (query: string, variables?: Json): Send => ({ graphql: query, variables })
const rawGql = (body: string, headers?: Record<string, string>): Send => ({ graphql: '', body, headers })
const where = (query: string) => get(`articles?${query}`)

const BAD_ID = /\bid\b/i
const NOT_FOUND = /not found/i

const ROWS: Row[] = [
  // --- the ones the issue lists ---
  { title: 'where on the virtual attribution field', as: 'anonymous', send: () => where('where[attribution.credit][equals]=x'), status: 400, message: /attribution\.credit/ },
  { title: 'preview with a number for byline', as: 'editor', send: () => post('attribution/preview', { source: ids.source, byline: 42 }), status: 400, message: /byline/ },
  { title: 'a null JSON body to create', as: 'editor', send: () => post('sections', null), status: 400, message: /body/ },
  { title: 'a text/plain POST to a collection', as: 'editor', send: () => post('sections', 'name=x', { 'Content-Type': 'text/plain' }), status: 415, message: /content-type/ },
  { title: 'id abc', as: 'anonymous', send: () => get('articles/abc'), status: 404, message: BAD_ID },
  { title: 'id %00', as: 'anonymous', send: () => get('articles/%00'), status: 404, message: BAD_ID },
  { title: 'an invalid date in where', as: 'anonymous', send: () => where('where[publishedAt][greater_than]=not-a-date'), status: 400, message: /publishedAt/ },
  { title: 'near on a text field', as: 'anonymous', send: () => where('where[headline][near]=1,2'), status: 400, message: /near/ },
  { title: 'a GraphQL syntax error', as: 'anonymous', send: () => gql('{ Articles { docs { id } }'), status: 400, message: /syntax/i },

  // --- bad ids on every collection and operation ---
  ...COLLECTIONS.flatMap((collection): Row[] => [
    { title: `${collection}: GET id abc`, as: 'admin', send: () => get(`${collection}/abc`), status: 404, message: BAD_ID },
    { title: `${collection}: PATCH id %00`, as: 'admin', send: () => patch(`${collection}/%00`, { name: 'x' }), status: 404, message: BAD_ID },
    { title: `${collection}: DELETE id 1.5`, as: 'admin', send: () => del(`${collection}/1.5`), status: 404, message: BAD_ID },
  ]),
  { title: 'id -1', as: 'editor', send: () => get('articles/-1'), status: 404, message: NOT_FOUND },
  { title: 'id larger than any integer column', as: 'editor', send: () => get('articles/99999999999999999999999'), status: 404, message: BAD_ID },
  { title: 'id 1e400 (Infinity)', as: 'editor', send: () => get('articles/1e400'), status: 404, message: BAD_ID },
  { title: 'id ../', as: 'anonymous', send: () => get('articles/..%2Fusers'), status: 404, message: BAD_ID },
  { title: 'id 12abc (not a number, though parseFloat says 12)', as: 'editor', send: () => get(`articles/${ids.article}abc`), status: 404, message: BAD_ID },
  { title: 'id in a bulk where: abc', as: 'editor', send: () => where('where[id][equals]=abc'), status: 400, message: /\bid\b/ },
  { title: 'a relationship compared to abc', as: 'anonymous', send: () => where('where[source][equals]=abc'), status: 400, message: /source/ },
  { title: 'reach with id abc', as: 'compliance', send: () => get('legal-notices/abc/reach'), status: 404, message: BAD_ID },
  { title: 'duplicate of article abc', as: 'editor', send: () => post('articles/abc/duplicate', {}), status: 400, message: /abc/ },
  { title: 'duplicate of a webhook (not offered)', as: 'admin', send: () => post('webhooks/undefined/duplicate', {}), status: 404, message: /duplicate/ },
  { title: 'duplicate of section %00', as: 'editor', send: () => post('sections/%00/duplicate', {}), status: 400, message: /id/ },
  { title: 'redeliver with id abc', as: 'admin', send: () => post('webhook-deliveries/abc/redeliver', {}), status: 404, message: BAD_ID },
  { title: 'redeliver with id %00', as: 'admin', send: () => post('webhook-deliveries/%00/redeliver', {}), status: 404, message: BAD_ID },
  { title: 'ninjs with id %00', as: 'anonymous', send: () => get('articles/%00/ninjs'), status: 404, message: BAD_ID },
  { title: 'the ninjs feed with limit abc', as: 'anonymous', send: () => get('articles/ninjs?limit=abc'), status: 400, message: /limit/ },
  { title: 'the ninjs feed with a where on a virtual field', as: 'anonymous', send: () => get('articles/ninjs?where[attribution.license][equals]=x'), status: 400, message: /attribution\.license/ },
  { title: 'the ninjs feed with where as a JSON list', as: 'anonymous', send: () => get('articles/ninjs?where=%5B%5D'), status: 400, message: /where/ },
  { title: 'ninjs with version %00', as: 'anonymous', send: () => get(`articles/${ids.article}/ninjs?version=3.1%00`), status: 400, message: /NUL|version/ },

  // --- bad where ---
  { title: 'where on an unknown field', as: 'anonymous', send: () => where('where[nope][equals]=x'), status: 400, message: /nope/ },
  { title: 'where with an unknown operator', as: 'anonymous', send: () => where('where[headline][sounds_like]=x'), status: 400, message: /sounds_like/ },
  { title: 'where on a virtual field, nested in or', as: 'anonymous', send: () => where('where[or][0][attribution.license][equals]=x'), status: 400, message: /attribution\.license/ },
  { title: 'where on the attribution group itself', as: 'anonymous', send: () => where('where[attribution][exists]=true'), status: 400, message: /attribution/ },
  { title: 'an invalid date on a nested date field', as: 'editor', send: () => where('where[dateline.date][less_than]=2024-13-45'), status: 400, message: /dateline\.date/ },
  { title: 'an invalid date in GraphQL where', as: 'anonymous', send: () => gql('{ Articles(where: { publishedAt: { greater_than: "yesterday-ish" } }) { docs { id } } }'), status: 400, message: /publishedAt/ },
  { title: 'near on a date field', as: 'anonymous', send: () => where('where[publishedAt][near]=1,2,3'), status: 400, message: /near/ },
  { title: 'within on a text field', as: 'anonymous', send: () => where('where[headline][within]=x'), status: 400, message: /within/ },
  { title: 'in with an object instead of a list', as: 'anonymous', send: () => where('where[source][in][a][b]=1'), status: 400, message: /source/ },
  { title: 'and that is not a list', as: 'anonymous', send: () => where('where[and]=x'), status: 400, message: /and/ },
  { title: 'or holding a string', as: 'anonymous', send: () => where('where[or][0]=x'), status: 400, message: /or/ },
  { title: 'where as a string that is not JSON', as: 'anonymous', send: () => where('where=nope'), status: 400, message: /where/ },
  { title: 'where nested 200 levels deep', as: 'anonymous', send: () => where(`${'where'}${'[and][0]'.repeat(200)}[headline][equals]=x`), status: 400, message: /deep|nest/i },
  { title: 'exists with a non-boolean', as: 'anonymous', send: () => where('where[headline][exists]=perhaps'), status: 400, message: /exists/ },

  { title: 'a NUL in a text comparison (PostgreSQL refuses it)', as: 'anonymous', send: () => where('where[headline][equals]=%00'), status: 400, message: /NUL/ },
  { title: 'a NUL in a like', as: 'editor', send: () => get('sections?where[name][like]=a%00b'), status: 400, message: /NUL/ },
  { title: 'a number field compared to a word', as: 'admin', send: () => get('legal-notices?where[order][greater_than]=many'), status: 400, message: /order/ },
  { title: 'a date on a relationship hop that is no date', as: 'anonymous', send: () => where('where[section.site.createdAt][less_than]=soon'), status: 400, message: /createdAt/ },
  { title: 'GraphQL: a word compared with a relationship', as: 'anonymous', send: () => gql('{ Articles(where: { source: { equals: "abc" } }) { docs { id } } }'), status: 400, message: /source/ },
  { title: 'GraphQL: sort on an unknown field', as: 'anonymous', send: () => gql('{ Articles(sort: "nope") { docs { id } } }'), status: 400, message: /nope/ },

  // --- sort, depth, limit, page, select, populate ---
  { title: 'sort on an unknown field', as: 'anonymous', send: () => get('articles?sort=nope'), status: 400, message: /nope/ },
  { title: 'sort on the virtual field', as: 'anonymous', send: () => get('articles?sort=attribution.credit'), status: 400, message: /attribution/ },
  { title: 'limit as letters', as: 'anonymous', send: () => get('articles?limit=ten'), status: 400, message: /limit/ },
  { title: 'a negative page', as: 'anonymous', send: () => get('articles?page=-2'), status: 400, message: /page/ },
  { title: 'depth as letters', as: 'anonymous', send: () => get('articles?depth=deep'), status: 400, message: /depth/ },
  { title: 'a negative limit', as: 'editor', send: () => get('articles?limit=-5'), status: 400, message: /limit/ },
  { title: 'select as a string', as: 'anonymous', send: () => get('articles?select=headline'), status: 400, message: /select/ },
  { title: 'populate of an unknown collection', as: 'anonymous', send: () => get('articles?populate[nope][name]=true'), status: 400, message: /populate|nope/ },

  // --- bodies ---
  { title: 'an array body', as: 'editor', send: () => post('sections', [{ name: 'x' }]), status: 400, message: /body/ },
  { title: 'a number body', as: 'editor', send: () => post('sections', '42'), status: 400, message: /body/ },
  { title: 'a string body', as: 'editor', send: () => post('sections', '"x"'), status: 400, message: /body/ },
  { title: 'a NUL in a text field', as: 'editor', send: () => post('sections', { name: 'a\u0000b' }), status: 400, message: /name.*NUL/ },
  { title: 'a POST with no body', as: 'editor', send: () => ({ rest: ['POST', 'sections'] }), status: 400, message: /empty/ },
  { title: 'a null body, anonymous', as: 'anonymous', send: () => post('articles', null), status: 400, message: /body/ },
  { title: 'a null body to a global', as: 'admin', send: () => post('globals/publisher', null), status: 400, message: /body/ },
  { title: 'a text/plain update of a global', as: 'compliance', send: () => post('globals/publisher', '{}', { 'Content-Type': 'text/plain' }), status: 415, message: /content-type/ },
  { title: 'a bulk update with a string body', as: 'admin', send: () => patch('sections?where[id][equals]=1', '"x"'), status: 400, message: /body/ },
  { title: 'invalid JSON', as: 'editor', send: () => post('sections', '{"name":'), status: 400, message: /JSON/ },
  { title: 'a null body to update', as: 'editor', send: () => patch(`articles/${ids.article}`, null), status: 400, message: /body/ },
  { title: 'a form-urlencoded POST', as: 'editor', send: () => post('sections', 'name=x', { 'Content-Type': 'application/x-www-form-urlencoded' }), status: 415, message: /content-type/ },
  { title: 'a POST without Content-Type', as: 'admin', send: () => post('sites', '{"name":"x","domain":"x.example"}', { 'Content-Type': '' }), status: 415, message: /content-type/ },
  { title: 'a text/plain PATCH', as: 'admin', send: () => patch(`articles/${ids.article}`, '{"headline":"x"}', { 'Content-Type': 'text/plain' }), status: 415, message: /content-type/ },
  { title: 'multipart with a non-object _payload', as: 'editor', send: () => multipart('sections', '42'), status: 400, message: /_payload/ },
  { title: 'multipart with _payload that is not JSON', as: 'editor', send: () => multipart('sections', '{oops'), status: 400, message: /_payload/ },

  // --- Payload's auth endpoints ---
  { title: 'login with a null body', as: 'anonymous', send: () => post('users/login', null), status: 400, message: /email/ },
  { title: 'login with an array body', as: 'anonymous', send: () => post('users/login', [1]), status: 400, message: /email/ },
  { title: 'login as text/plain', as: 'anonymous', send: () => post('users/login', 'a', { 'Content-Type': 'text/plain' }), status: 400, message: /email/ },
  { title: 'forgot-password with a number body', as: 'anonymous', send: () => post('users/forgot-password', '7'), status: 400, message: /email/ },
  { title: 'a POST to a document with a null body', as: 'editor', send: () => post(`articles/${ids.article}`, null), status: 404, message: /route not found/ },

  // --- wrong field types ---
  { title: 'a number for a text field (the slug made from it fails)', as: 'editor', send: () => post('articles?draft=true', { headline: 42, _status: 'draft' }), status: 400, message: /slug/ },
  { title: 'an object for a date field', as: 'editor', send: () => post('articles?draft=true', { headline: 'Dated', publishedAt: { y: 2024 }, _status: 'draft' }), status: 400, message: /publishedAt/ },
  { title: 'a word for a relationship', as: 'editor', send: () => post('articles?draft=true', { headline: 'Sourced', source: 'afp', _status: 'draft' }), status: 400, message: /source/ },
  { title: 'an unknown select option', as: 'admin', send: () => post('wire-sources', { name: 'X', code: 'XX', kind: 'rumour', license: 'copyright' }), status: 400, message: /kind/ },

  // --- locale ---
  { title: 'a locale that is an object', as: 'anonymous', send: () => get('articles?locale[a]=b'), status: 400, message: /locale/ },
  { title: 'a fallback-locale that is an object', as: 'anonymous', send: () => get('articles?fallback-locale[a]=b'), status: 400, message: /locale/ },

  // --- the plugin's endpoints ---
  { title: 'preview with an object for byline', as: 'editor', send: () => post('attribution/preview', { byline: { a: 1 } }), status: 400, message: /byline/ },
  { title: 'preview with a source that is an object', as: 'editor', send: () => post('attribution/preview', { source: { x: 1 } }), status: 400, message: /source/ },
  { title: 'preview with sources holding abc', as: 'editor', send: () => post('attribution/preview', { sources: ['abc'] }), status: 400, message: /sources/ },
  { title: 'preview with a dateline that is a string', as: 'editor', send: () => post('attribution/preview', { dateline: 'PARIS' }), status: 400, message: /dateline/ },
  { title: 'preview with a null body', as: 'editor', send: () => post('attribution/preview', null), status: 400, message: /object/ },
  { title: 'preview with a site that is an array', as: 'editor', send: () => post('attribution/preview', { section: [1, 2] }), status: 400, message: /section/ },
  { title: 'reach with limit as letters', as: 'compliance', send: () => get(`legal-notices/${ids.notice}/reach?limit=all`), status: 400, message: /limit/ },
  { title: 'reach of an unknown collection', as: 'compliance', send: () => get(`legal-notices/${ids.notice}/reach?collection=users`), status: 400, message: /users/ },
  { title: 'ninjs with id abc', as: 'editor', send: () => get('articles/abc/ninjs'), status: 404, message: BAD_ID },
  { title: 'report with a garbage where', as: 'compliance', send: () => get('attribution/report?where[x]=1'), status: 400, message: /where/ },
  { title: 'ingest without Content-Type', as: 'editor', send: () => post('articles/ingest', 'AFP copy', { 'Content-Type': '' }), status: 415, message: /content-type/ },
  { title: 'ingest as image/png', as: 'editor', send: () => post('articles/ingest', 'PNG', { 'Content-Type': 'image/png' }), status: 415, message: /content-type|png/i },

  // --- GraphQL ---
  { title: 'GraphQL: an unknown field', as: 'anonymous', send: () => gql('{ Articles { docs { nope } } }'), status: 400, message: /nope/ },
  { title: 'GraphQL: a variable of the wrong type', as: 'anonymous', send: () => gql('query ($id: Int!) { Article(id: $id) { id } }', { id: 'abc' }), status: 400, message: /\$id/ },
  { title: 'GraphQL: a missing variable', as: 'anonymous', send: () => gql('query ($id: Int!) { Article(id: $id) { id } }'), status: 400, message: /\$id/ },
  { title: 'GraphQL: an unknown where field', as: 'anonymous', send: () => gql('{ Articles(where: { nope: { equals: "x" } }) { docs { id } } }'), status: 400, message: /nope/ },
  { title: 'GraphQL: a body that is not JSON', as: 'anonymous', send: () => rawGql('{ Articles { docs { id } } }'), status: 400, message: /JSON/ },
  { title: 'GraphQL: query that is not a string', as: 'anonymous', send: () => rawGql('{"query": 42}'), status: 400, message: /query/ },
  { title: 'GraphQL: a batched array body', as: 'anonymous', send: () => rawGql('[{"query":"{ Articles { docs { id } } }"}]'), status: 400, message: /batch/i },
  { title: 'GraphQL: a null body', as: 'anonymous', send: () => rawGql('null'), status: 400, message: /body|object|query/i },
  { title: 'GraphQL: a mutation with a word for a relationship', as: 'editor', send: () => gql('mutation { createArticle(data: { headline: "G", source: "afp" }, draft: true) { id } }'), status: 400, message: /source/ },
  { title: 'GraphQL: id abc', as: 'editor', send: () => gql('{ Article(id: "abc") { id } }'), status: 400, message: /abc|Int/ },
  { title: 'GraphQL: update of id %00', as: 'admin', send: () => gql('mutation { updateSection(id: "\\u0000", data: { name: "x" }) { id } }'), status: 400, message: /NUL/ },
  { title: 'GraphQL: where on the virtual field', as: 'anonymous', send: () => gql('{ Articles(where: { attribution__credit: { equals: "x" } }) { docs { id } } }'), status: 400, message: /attribution/ },
]

function multipart(path: string, payloadField: string): Send {
  const boundary = 'wirehouse-boundary'
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${payloadField}\r\n--${boundary}--\r\n`
  return post(path, body, { 'Content-Type': `multipart/form-data; boundary=${boundary}` })
}

describe('malformed requests', () => {
  it('the table is long enough', () => expect(ROWS.length).toBeGreaterThanOrEqual(40))

  it.each(ROWS.map((row) => [`${row.title} (${row.as})`, row] as const))('%s', async (_title, row) => {
    const before = await snapshot()
    const res = await send(row)
    const said = messages(res.body)
    expect({ status: res.status, said }).toEqual({ status: row.status ?? expect.any(Number), said: expect.stringMatching(new RegExp(row.message.source, 'i')) })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(await snapshot()).toEqual(before)
  })
})

/** What the checks must let through: the admin's own ways of calling the API among them. */
describe('well-formed requests still pass', () => {
  const ok = async (as: Role, request: Send) => {
    const res = await send({ title: '', as, send: () => request, message: /./ })
    return { status: res.status, said: messages(res.body) }
  }

  it.each([
    ['a list with where, sort, paging, select and populate', get(`articles?where[publishedAt][less_than]=2100-01-01&where[source][in]=${1},${2}&sort=-publishedAt,headline&limit=5&page=1&depth=1&select[headline]=true&populate[wire-sources][name]=true`)],
    ['a where as JSON', get(`articles?where=${encodeURIComponent(JSON.stringify({ or: [{ headline: { like: 'a' } }, { id: { equals: 1 } }] }))}`)],
    ['the count endpoint', get('articles/count?where[headline][exists]=true')],
    ['a document by id', get('articles/1')],
    ['a named endpoint before /:id', get('users/me')],
    ["the admin's preferences (/:key before /:id)", get('payload-preferences/nav')],
    ["a document's versions, sorted by a version field", get('articles/versions?sort=-version.updatedAt&where[parent][equals]=1')],
    ["the admin's method-override GET", post('articles', 'where[headline][exists]=true&limit=1', { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' })],
  ] as const)('%s', async (_title, request) => {
    expect(await ok('editor', request)).toEqual({ status: 200, said: expect.any(String) })
  })

  it("the admin's multipart save and a JSON update", async () => {
    const boundary = 'wirehouse-ok'
    const form = `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify({ name: 'Multipart', slug: 'multipart', site: 1 })}\r\n--${boundary}--\r\n`
    const created = await send({ title: '', as: 'admin', send: () => post('sections', form, { 'Content-Type': `multipart/form-data; boundary=${boundary}` }), message: /./ })
    expect({ status: created.status, said: messages(created.body) }).toEqual({ status: 201, said: expect.any(String) })
    const updated = await send({ title: '', as: 'admin', send: () => patch(`sections/${created.body.doc.id}`, { name: 'Multipart, renamed' }, { 'Content-Type': 'application/json; charset=utf-8' }), message: /./ })
    expect(updated.status).toBe(200)
  })

  it('a GraphQL query with variables', async () => {
    const res = await send({ title: '', as: 'anonymous', send: () => gql('query ($limit: Int) { Articles(limit: $limit, sort: "-publishedAt") { docs { id attribution { credit } } } }', { limit: 2 }), message: /./ })
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
  })
})
