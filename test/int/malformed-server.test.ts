/**
 * The malformed requests issue 15 lists, against the production server (`src/server.ts` on a
 * Next production build): the app's route files put `src/api/wellFormed.ts` in front of Payload's
 * handlers, so each is a 4xx naming the problem there too. The full table is malformed.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { databaseUnderTest } from '../helpers/payload'
import {
  BUILD_TIMEOUT_MS,
  ensureBuild,
  killServers,
  type RunningServer,
  send,
  spawnServer,
  START_TIMEOUT_MS,
  waitUntilReady,
} from '../helpers/server'

let db: TestDatabase
let server: RunningServer
let token: string

beforeAll(async () => {
  await ensureBuild()
  db = await createTestDatabase(databaseUnderTest())
  server = await spawnServer({
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'malformed-server-test-secret-0123456789',
    SEED_ON_EMPTY: 'true',
    SEED_DEMO_USERS: 'true',
  })
  await waitUntilReady(server)
  const login = await send(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'editor@wirehouse.test', password: 'wirehouse-demo' }),
  }).reply
  token = JSON.parse(login.body).token
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS)

afterAll(async () => {
  await killServers()
  await db?.drop().catch(() => undefined)
})

type Row = [title: string, method: string, path: string, body: string | undefined, contentType: string, status: number, message: RegExp]

const ROWS: Row[] = [
  ['where on the virtual attribution field', 'GET', '/api/articles?where[attribution.credit][equals]=x', undefined, '', 400, /attribution\.credit/],
  ['a non-string byline to the preview', 'POST', '/api/attribution/preview', '{"byline":42}', 'application/json', 400, /byline/],
  ['a null JSON body', 'POST', '/api/sections', 'null', 'application/json', 400, /JSON object/],
  ['a text/plain POST to a collection', 'POST', '/api/sections', 'name=x', 'text/plain', 415, /Content-Type/],
  ['id abc', 'GET', '/api/articles/abc', undefined, '', 404, /"abc" is not an id/],
  ['id %00', 'GET', '/api/articles/%00', undefined, '', 404, /is not an id/],
  ['an invalid date in where', 'GET', '/api/articles?where[publishedAt][greater_than]=not-a-date', undefined, '', 400, /publishedAt/],
  ['near on a non-point field', 'GET', '/api/articles?where[headline][near]=1,2', undefined, '', 400, /near/],
  ['a GraphQL syntax error', 'POST', '/api/graphql', '{"query":"{ Articles { docs { id } }"}', 'application/json', 400, /Syntax Error/],
]

describe('malformed requests to the production server', () => {
  it.each(ROWS)('%s', async (_title, method, path, body, contentType, status, message) => {
    const headers: Record<string, string> = { Authorization: `JWT ${token}` }
    if (contentType) headers['Content-Type'] = contentType
    const reply = await send(`${server.url}${path}`, { method, headers, body }).reply
    const said = (JSON.parse(reply.body).errors ?? []).map((e: { message: string }) => e.message).join(' | ')
    expect({ status: reply.status, said }).toEqual({ status, said: expect.stringMatching(message) })
  })
})
