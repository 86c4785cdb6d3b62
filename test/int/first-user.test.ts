/**
 * The first account on an empty database becomes an admin, whatever roles it asked for; after
 * that, nobody signs up and nobody grants themselves a role.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'

import { http } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
  // As on a new install: no account yet (the audit log keeps who did what by email too).
  await app.payload.delete({ collection: 'users', where: { id: { exists: true } } })
})
afterAll(async () => app?.stop())

it('makes the first account an admin, and refuses a second sign-up and a self-granted role', async () => {
  const first = await api.rest('POST', 'users/first-register', {
    body: { email: 'founder@example.test', password: 'first-account-1', roles: ['editor'] },
  })
  expect(first.status).toBe(200)
  expect(first.body.user).toMatchObject({ email: 'founder@example.test', roles: ['admin'] })

  const second = await api.rest('POST', 'users', { body: { email: 'walk-in@example.test', password: 'walk-in-1', roles: ['admin'] } })
  expect(second.status).toBe(403)
  expect((await app.payload.count({ collection: 'users' })).totalDocs).toBe(1)

  const { token } = await app.payload.login({ collection: 'users', data: { email: 'founder@example.test', password: 'first-account-1' } })
  const editor = await api.rest('POST', 'users', {
    body: { email: 'editor@example.test', password: 'editor-one-1', roles: ['editor'] },
    headers: { Authorization: `JWT ${token}` },
  })
  expect(editor.status).toBe(201)
  const { token: editorToken } = await app.payload.login({ collection: 'users', data: { email: 'editor@example.test', password: 'editor-one-1' } })
  const promoted = await api.rest('PATCH', `users/${editor.body.doc.id}`, {
    body: { roles: ['admin'] },
    headers: { Authorization: `JWT ${editorToken}` },
  })
  // Field access drops the role change: the editor stays an editor.
  expect((await app.payload.findByID({ collection: 'users', id: editor.body.doc.id })).roles).toEqual(['editor'])
  expect(promoted.status).toBe(200)
})
