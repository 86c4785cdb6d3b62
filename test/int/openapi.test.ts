/**
 * `GET /api/openapi.json`: a valid OpenAPI 3.1 document, generated from the config, in which every
 * endpoint is described (one without `custom.openapi` fails here, by name), and every path answers
 * a sample request as described: a status the operation lists (never a 5xx) and, for a JSON 2xx,
 * a body its schema accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

import { documentFor } from '@/openapi/document'
import { NOT_DESCRIBED } from '@/openapi/types'

import { http, type Json } from '../helpers/http'
import { paragraph } from '../helpers/lexical'
import { startApp, type TestApp } from '../helpers/payload'
import { tinyPng } from '../helpers/png'

let app: TestApp
let api: ReturnType<typeof http>
let document: Json

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  const response = await api.raw('GET', 'openapi.json')
  expect(response.status).toBe(200)
  document = (await response.json()) as Json
})
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_HOSTS
  await app?.stop()
})

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(document as never)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(document.openapi).toBe('3.1.0')
  })

  it('describes every endpoint of the config (an endpoint without custom.openapi is named here)', () => {
    expect(documentFor(app.payload).undocumented).toEqual([])
    const vague = Object.entries(document.paths as Json).flatMap(([p, item]) =>
      Object.entries(item as Json)
        .filter(([, op]) => (op as Json).summary === NOT_DESCRIBED)
        .map(([method]) => `${method.toUpperCase()} ${p}`),
    )
    expect(vague).toEqual([])
  })

  it('lists the public collections and globals, never the internal ones, with the attribution in both forms and the auth schemes', () => {
    const paths = Object.keys(document.paths)
    for (const slug of ['articles', 'sections', 'sites', 'media', 'users', 'legal-notices', 'wire-sources']) expect(paths).toContain(`/${slug}`)
    expect(paths).toContain('/globals/publisher')
    expect(paths.filter((p) => p.includes('payload-'))).toEqual([])
    expect(paths).toEqual(expect.arrayContaining(['/articles/ingest', '/articles/ninjs', '/articles/{id}/ninjs', '/attribution/preview', '/legal-notices/{id}/reach', '/legal-notices/{id}/review/approve']))
    const { schemas, securitySchemes } = document.components
    expect(schemas.articles.properties.attribution).toEqual({ $ref: '#/components/schemas/Attribution' })
    expect(schemas.AttributionFull).toBeDefined()
    expect(document.paths['/articles/{id}'].get.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['id', 'attribution', 'depth', 'select', 'draft']))
    expect(Object.keys(securitySchemes).sort()).toEqual(['apiKey', 'cookie', 'jwt'])
    expect(securitySchemes.cookie).toMatchObject({ in: 'cookie', name: 'payload-token' })
    expect(Object.keys(document.paths['/articles/ingest'].post.requestBody.content).sort()).toEqual(['application/json', 'application/xml', 'text/plain'])
  })
})

describe("the document's examples", () => {
  it('are what their schemas describe', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats.default(ajv)
    ajv.addSchema({ $id: 'doc', components: { schemas: document.components.schemas } })
    const examples = Object.entries(document.components.schemas as Json).filter(([, schema]) => (schema as Json).example !== undefined)
    expect(examples.map(([name]) => name)).toEqual(expect.arrayContaining(['articles', 'Attribution', 'wire-sources']))
    for (const [name, schema] of examples) {
      const validate = ajv.getSchema(`doc#/components/schemas/${name}`)!
      expect([name, validate((schema as Json).example) ? null : ajv.errorsText(validate.errors)]).toEqual([name, null])
    }
  })
})

type Sample = { body?: BodyInit; headers?: Record<string, string>; query?: string; id?: number | string }

describe('every path answers a sample request as described', () => {
  it('each operation, as an admin, answers a documented status and, for JSON, a body its schema accepts', async () => {
    const { payload } = app
    const admin = await app.auth('admin')
    const first = async (collection: string, where: Json = {}) =>
      (await payload.find({ collection: collection as 'articles', where, limit: 1, depth: 0, draft: true })).docs[0] as Json
    const afp = await first('wire-sources', { code: { equals: 'AFP' } })
    const site = await first('sites')
    const article = await first('articles', { externalId: { equals: 'sample-afp-0001' } })
    const notice = await first('legal-notices')
    const media = await first('media')
    const audit = await first('audit-log')
    const articleVersion = (await payload.findVersions({ collection: 'articles', limit: 1, depth: 0 })).docs[0]!
    const noticeVersion = (await payload.findVersions({ collection: 'legal-notices', limit: 1, depth: 0 })).docs[0]!
    const publisherVersion = (await payload.findGlobalVersions({ slug: 'publisher', limit: 1, depth: 0 })).docs[0]

    // Throwaway documents for what writes, updates and deletes.
    const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'openapi-sample.png')
    form.append('_payload', JSON.stringify({ alt: 'A sample' }))
    const created: Record<string, Sample> = {
      articles: json({ headline: 'OpenAPI sample story', source: afp.id }),
      sections: json({ name: 'OpenAPI sample section', site: site.id }),
      sites: json({ name: 'OpenAPI sample site', domain: 'openapi-sample.example' }),
      media: { body: form },
      users: json({ email: 'openapi-sample@wirehouse.test', password: 'openapi-sample-password', roles: ['editor'] }),
      'legal-notices': json({ title: 'OpenAPI sample notice', kind: 'other', body: paragraph('A sample.'), appliesTo: { scope: 'all' } }),
      'wire-sources': json({ name: 'OpenAPI Sample Agency', code: 'OAS', kind: 'news-agency', license: 'copyright', copyrightHolder: 'OAS' }),
      'audit-log': json({ at: new Date().toISOString(), operation: 'create', collection: 'articles' }),
    }
    // A webhook and a failed delivery to read, redeliver and delete (the receiver is never reached: port 9 on loopback).
    process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
    const hook = await payload.create({ collection: 'webhooks', data: { url: 'http://127.0.0.1:9/', events: ['article.published'] } })
    created.webhooks = json({ url: 'http://127.0.0.1:9/sample', events: ['article.published'] })
    const delivery = await payload.create({
      collection: 'webhook-deliveries',
      data: { webhook: hook.id, event: 'article.published', deliveryId: crypto.randomUUID(), status: 'failed', payload: { event: 'article.published' } },
    })
    const ids: Record<string, number | string> = {}
    const seeded: Record<string, number | string> = {
      webhooks: hook.id,
      'webhook-deliveries': delivery.id,
      articles: article.id,
      'legal-notices': notice.id,
      'wire-sources': afp.id,
      sites: site.id,
      media: media.id,
      'audit-log': audit.id,
      users: (await first('users', { email: { equals: 'admin@wirehouse.test' } })).id,
    }
    const fresh = async () => {
      const { token } = await payload.login({ collection: 'users', data: { email: 'editor@wirehouse.test', password: 'wirehouse-demo' } })
      return { Authorization: `JWT ${token}` }
    }

    /** The request for one operation; `null` to leave it (none today). */
    const sampleFor = async (method: string, template: string): Promise<Sample> => {
      const slug = template.split('/')[1]!
      const key = `${method} ${template}`
      const special: Record<string, () => Promise<Sample> | Sample> = {
        // The documented example: the seeded AFP story as a wire page.
        'post /articles/ingest': () => ({ body: document.paths['/articles/ingest'].post.requestBody.content['text/plain'].example, headers: { 'Content-Type': 'text/plain' } }),
        'post /articles/{id}/withdraw': () => ({ ...json({ reason: 'manual', message: 'Sample' }), id: ids.articles }),
        'post /articles/{id}/restore': () => ({ ...json({}), id: ids.articles }),
        'post /attribution/preview': () => json({ source: afp.id, byline: 'by AFP Staff Writers', publishedAt: '2024-07-03T08:00:00.000Z' }),
        'post /graphql': () => json({ query: '{ Articles(limit: 1) { docs { headline attribution { credit } } } }' }),
        'post /globals/publisher': () => json({}),
        'post /users/login': () => json({ email: 'admin@wirehouse.test', password: 'wirehouse-demo' }),
        'post /users/logout': async () => ({ headers: await fresh() }),
        'post /users/refresh-token': async () => ({ headers: await fresh() }),
        'post /users/forgot-password': () => json({ email: 'nobody@wirehouse.test' }),
        'post /users/reset-password': () => json({ token: 'not-a-token', password: 'whatever-password' }),
        'post /users/unlock': () => json({ email: 'editor@wirehouse.test' }),
        'post /users/verify/{id}': () => ({ id: 'not-a-token' }),
        'post /users/first-register': () => json({ email: 'first@wirehouse.test', password: 'first-register-password' }),
        'get /docs/{file}': () => ({ id: 'init.js' }),
        'get /graphql': () => ({ query: `query=${encodeURIComponent('{ Articles(limit: 1) { docs { headline attribution { credit } } } }')}` }),
        'get /media/file/{filename}': () => ({ id: media.filename }),
      }
      if (special[key]) return special[key]()
      if (key === `post /${slug}`) return created[slug] ?? json({})
      const versioned = template.includes('/versions/{id}')
      const id = versioned
        ? slug === 'articles'
          ? articleVersion.id
          : slug === 'legal-notices'
            ? noticeVersion.id
            : publisherVersion?.id
        : ['patch', 'delete', 'post'].includes(method)
          ? (ids[slug] ?? seeded[slug])
          : (seeded[slug] ?? ids[slug])
      const where = `where[id][equals]=${ids[slug] ?? seeded[slug]}`
      if (method === 'patch' && template === `/${slug}/{id}`) return { ...json({}), id }
      if (method === 'patch') return { ...json({}), query: where }
      if (method === 'delete' && template === `/${slug}`) return { query: where }
      if (method === 'post' && template.endsWith('/review/submit')) return { ...json({ comment: 'Sample' }), id }
      if (method === 'post') return { ...json({}), id }
      return { id }
    }

    // Creates first (their ids serve the rest), deletes last.
    const order = (method: string, template: string) => (method === 'post' && /^\/[^/]+$/.test(template) ? 0 : method === 'delete' ? 2 : 1)
    const byId = (template: string) => (template.endsWith('/{id}') ? 1 : 0)
    const operations = Object.entries(document.paths as Json)
      .flatMap(([template, item]) => Object.entries(item as Json).map(([method, op]) => ({ method, template, op: op as Json })))
      // Within a group, the bulk forms (`where`) before those by id; deletes by id before the bulk delete.
      .sort((a, b) => order(a.method, a.template) - order(b.method, b.template) || (a.method === 'delete' ? -1 : 1) * (byId(a.template) - byId(b.template)))

    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats.default(ajv)
    ajv.addSchema({ $id: 'doc', components: { schemas: document.components.schemas } })
    const resolve = (response: Json): Json => (response.$ref ? document.components.responses[response.$ref.split('/').pop()] : response)

    const problems: string[] = []
    const answered: Record<string, number> = {}
    for (const { method, template, op } of operations) {
      const sample = await sampleFor(method, template)
      let pathname = template.replace(/\{[^}]+\}/g, String(sample.id))
      if (sample.query) pathname += `?${sample.query}`
      const name = `${method.toUpperCase()} ${template}`
      const response = await api.raw(method.toUpperCase() as 'GET', pathname, { body: sample.body, headers: { ...admin, ...sample.headers } })
      answered[name] = response.status
      const text = await response.text()
      const documented = Object.keys(op.responses).filter((code) => code !== 'default')
      if (response.status >= 500 || !documented.includes(String(response.status))) {
        problems.push(`${name} answered ${response.status} (documented: ${documented.join(', ')}): ${text.slice(0, 300)}`)
        continue
      }
      const described = resolve(op.responses[String(response.status)])
      const type = response.headers.get('content-type') ?? ''
      if (response.status < 300 && type.includes('json')) {
        const content = described.content?.['application/json'] ?? Object.values(described.content ?? {})[0]
        if (!content?.schema) {
          problems.push(`${name}: answered JSON, documented no JSON schema`)
          continue
        }
        const schema = JSON.parse(JSON.stringify(content.schema).replaceAll('"#/components/schemas/', '"doc#/components/schemas/'))
        const validate = ajv.compile(schema)
        const body = JSON.parse(text)
        if (!validate(body)) problems.push(`${name}: the body does not match its schema: ${ajv.errorsText(validate.errors?.slice(0, 5))}`)
      }
      // The first POST to a collection made the document the later ones use.
      if (method === 'post' && /^\/[^/]+$/.test(template) && response.status === 201) {
        const body = JSON.parse(text) as Json
        if (body?.doc?.id !== undefined) ids[template.slice(1)] = body.doc.id
      }
    }
    expect(problems).toEqual([])
    // Every operation was tried, and the reads all answered 200.
    expect(Object.keys(answered)).toHaveLength(operations.length)
    const reads = Object.entries(answered).filter(([name]) => name.startsWith('GET '))
    expect(reads.filter(([, status]) => status !== 200)).toEqual([])
    // The example wire page is the seeded story: taken in (201) or matched to it (200).
    expect([200, 201]).toContain(answered['POST /articles/ingest'])
    // The main writes did what they say.
    expect(answered).toMatchObject({
      'POST /articles': 201,
      'POST /articles/{id}/withdraw': 200,
      'POST /articles/{id}/restore': 200,
      'POST /attribution/preview': 200,
      'POST /legal-notices': 201,
      'POST /legal-notices/{id}/review/submit': 200,
      'POST /users/login': 200,
      'POST /users/{id}/api-key': 201,
      'POST /graphql': 200,
      'PATCH /articles/{id}': 200,
      'DELETE /articles/{id}': 200,
      // Email verification is off: a 404 that says so, not Payload's 500.
      'POST /users/verify/{id}': 404,
    })
  })
})
