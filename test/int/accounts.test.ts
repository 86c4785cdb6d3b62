/**
 * Accounts: only admins unlock an account; forgot-password answers without a database error;
 * API keys are made by the server, never typed in.
 * (First-register in production and `npm run create-admin`: `test/int/create-admin.test.ts`.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { http } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
})
afterAll(async () => app?.stop())

const userId = async (email: string) =>
  (await app.payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1 })).docs[0]!.id

/** Locks `email` the way Payload does after too many failed logins. */
const lock = async (email: string) => {
  await app.payload.update({
    collection: 'users',
    id: await userId(email),
    data: { loginAttempts: 10, lockUntil: new Date(Date.now() + 600_000).toISOString() } as never,
  })
}
const lockUntil = async (email: string) =>
  ((await app.payload.findByID({ collection: 'users', id: await userId(email), showHiddenFields: true })) as { lockUntil?: null | string })
    .lockUntil

describe('unlock', () => {
  const LOCKED = 'locked-out@example.test'
  beforeAll(async () => {
    await app.payload.create({ collection: 'users', data: { email: LOCKED, password: 'locked-out-pass-1', roles: ['editor'] } })
  })

  it.each(['anonymous', 'editor', 'compliance'] as const)('is refused to %s, and the account stays locked', async (role) => {
    await lock(LOCKED)
    const res = await api.rest('POST', 'users/unlock', { body: { email: LOCKED }, headers: await app.auth(role) })
    expect(res.status).toBe(403)
    expect(await lockUntil(LOCKED)).toBeTruthy()
  })

  it('is allowed to admins', async () => {
    await lock(LOCKED)
    const res = await api.rest('POST', 'users/unlock', { body: { email: LOCKED }, headers: await app.auth('admin') })
    expect(res.status).toBe(200)
    expect(await lockUntil(LOCKED)).toBeFalsy()
  })
})

describe('forgot-password', () => {
  it('answers 200 for a known and an unknown address alike, and stores a reset token for the known one', async () => {
    for (const email of ['compliance@wirehouse.test', 'nobody@example.test']) {
      const res = await api.rest('POST', 'users/forgot-password', { body: { email } })
      expect({ email, status: res.status }).toEqual({ email, status: 200 })
    }
    const user = (await app.payload.findByID({
      collection: 'users',
      id: await userId('compliance@wirehouse.test'),
      showHiddenFields: true,
    })) as { resetPasswordToken?: string }
    expect(user.resetPasswordToken).toEqual(expect.any(String))
  })

  it('answers 400 without an email', async () => {
    const res = await api.rest('POST', 'users/forgot-password', { body: {} })
    expect(res.status).toBe(400)
  })
})

describe('API keys', () => {
  const KEY = /^[A-Za-z0-9_-]{43}$/
  const asKey = (key: string) => ({ Authorization: `users API-Key ${key}` })
  const newUser = async (email: string) =>
    (await app.payload.create({ collection: 'users', data: { email, password: 'integration-pass-1', roles: ['editor'] } })).id

  it('are made by the server, shown once, and work; a new one replaces the old', async () => {
    const id = await newUser('integration@example.test')
    const made = await api.rest('POST', `users/${id}/api-key`, { headers: await app.auth('admin') })
    expect(made.status).toBe(201)
    expect(made.body.apiKey).toMatch(KEY)
    expect((await api.rest('GET', 'users/me', { headers: asKey(made.body.apiKey) })).body.user?.email).toBe('integration@example.test')
    // Never shown again.
    const read = await api.rest('GET', `users/${id}`, { headers: await app.auth('admin') })
    expect(JSON.stringify(read.body)).not.toContain(made.body.apiKey)

    const again = await api.rest('POST', `users/${id}/api-key`, { headers: asKey(made.body.apiKey) })
    expect(again.status).toBe(201)
    expect(again.body.apiKey).not.toBe(made.body.apiKey)
    expect((await api.rest('GET', 'users/me', { headers: asKey(made.body.apiKey) })).body.user ?? null).toBeNull()

    const revoked = await api.rest('DELETE', `users/${id}/api-key`, { headers: await app.auth('admin') })
    expect(revoked.status).toBe(200)
    expect((await api.rest('GET', 'users/me', { headers: asKey(again.body.apiKey) })).body.user ?? null).toBeNull()
  })

  it('of other users are managed by admins only; anonymous callers and unknown ids are refused', async () => {
    const id = await newUser('someone-else@example.test')
    for (const role of ['editor', 'compliance'] as const) {
      const res = await api.rest('POST', `users/${id}/api-key`, { headers: await app.auth(role) })
      expect({ role, status: res.status }).toEqual({ role, status: 403 })
    }
    expect((await api.rest('POST', `users/${id}/api-key`)).status).toBe(401)
    expect((await api.rest('POST', 'users/999999/api-key', { headers: await app.auth('admin') })).status).toBe(404)
    const user = (await app.payload.findByID({ collection: 'users', id })) as { hasAPIKey?: boolean }
    expect(user.hasAPIKey ?? false).toBe(false)
  })

  it('cannot be typed in: 403 naming the field over REST, GraphQL and the Local API, nothing stored', async () => {
    const id = await newUser('typed@example.test')
    const headers = await app.auth('admin')
    const rest = await api.rest('PATCH', `users/${id}`, { body: { enableAPIKey: true, apiKey: 'my-easy-key' }, headers })
    expect(rest.status).toBe(403)
    expect(rest.body.errors[0].message).toMatch(/"apiKey" is set by the server/)
    const created = await api.rest('POST', 'users', {
      body: { email: 'typed-2@example.test', password: 'integration-pass-1', roles: ['editor'], enableAPIKey: true, apiKey: 'typed' },
      headers,
    })
    expect(created.status).toBe(403)
    const gql = await api.graphql(`mutation { updateUser(id: ${JSON.stringify(id)}, data: { enableAPIKey: true, apiKey: "my-easy-key" }) { id } }`, {
      headers,
    })
    expect(JSON.stringify(gql.body.errors ?? [])).toMatch(/apiKey/)
    await expect(
      app.payload.update({ collection: 'users', id, data: { enableAPIKey: true, apiKey: 'local-key' } as never }),
    ).rejects.toThrow(/"apiKey" is set by the server/)
    expect((await api.rest('GET', 'users/me', { headers: asKey('my-easy-key') })).body.user ?? null).toBeNull()
    expect((await api.rest('GET', 'users/me', { headers: asKey('local-key') })).body.user ?? null).toBeNull()
    expect((await app.payload.count({ collection: 'users', where: { email: { equals: 'typed-2@example.test' } } })).totalDocs).toBe(0)
  })
})
