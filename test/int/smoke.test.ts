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

describe('smoke', () => {
  it('seeds and serves articles', async () => {
    const local = await app.payload.find({ collection: 'articles' })
    expect(local.totalDocs).toBe(6)
    const rest = await api.rest('GET', 'articles?limit=2')
    expect(rest.status).toBe(200)
    expect(rest.body.totalDocs).toBe(6)
    const gql = await api.graphql('{ Articles { totalDocs docs { headline source { code } } } }')
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.Articles.totalDocs).toBe(6)
  })
})
