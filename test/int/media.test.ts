/** Uploads: raster images only, by the newsroom; an SVG or a page dressed as an image is refused. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { logo } from '@/seed/logo'

import { http } from '../helpers/http'
import { startApp, type TestApp } from '../helpers/payload'

let app: TestApp
let api: ReturnType<typeof http>

beforeAll(async () => {
  app = await startApp()
  api = http(app.config)
})
afterAll(async () => app?.stop())

const form = (bytes: Buffer | string, name: string, type: string) => {
  const data = new FormData()
  data.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name)
  data.append('_payload', JSON.stringify({ alt: 'An image' }))
  return data
}

const count = async () => (await app.payload.count({ collection: 'media' })).totalDocs

describe('media uploads', () => {
  it('the seed gave the publisher its logo', async () => {
    const publisher = await app.payload.findGlobal({ slug: 'publisher', depth: 1 })
    expect(publisher.logo).toMatchObject({ alt: logo.alt, mimeType: 'image/png', width: 600, height: 60 })
  })

  it('an editor uploads a PNG; anonymous readers may read it but not upload', async () => {
    const before = await count()
    expect((await api.rest('POST', 'media', { body: form(logo.data(), 'x.png', 'image/png') })).status).toBe(403)
    expect(await count()).toBe(before)
    const res = await api.rest('POST', 'media', { body: form(logo.data(), 'x.png', 'image/png'), headers: await app.auth('editor') })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ mimeType: 'image/png', width: 600 })
    expect((await api.rest('GET', `media/${res.body.doc.id}`)).status).toBe(200)
  })

  it.each([
    ['an SVG (it can carry script)', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'logo.svg', 'image/svg+xml'],
    ['a page named .png', '<!doctype html><script>alert(1)</script>', 'logo.png', 'image/png'],
  ])('refuses %s with a 400, nothing stored', async (_, bytes, name, type) => {
    const before = await count()
    const res = await api.rest('POST', 'media', { body: form(bytes, name, type), headers: await app.auth('editor') })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/file|type|mime/i)
    expect(await count()).toBe(before)
  })
})
