/**
 * A page's declared status (a tombstone's 410) through the server in front of Next: set over
 * Next's 200 as the headers go out, kept and served again by the page cache, sent to readers the
 * cache bypasses, and with the cache off. A stand-in for Next renders the page.
 */
import type { RequestHandler } from 'express'

import { afterAll, describe, expect, it } from '@jest/globals'
import express from 'express'
import http from 'node:http'

import { readEnv } from '@/env'
import { pageCache, pageResponses } from '@/pageCache/middleware'
import { PageStore } from '@/pageCache/store'
import { declarePageResponse, declarePageTags, RENDER_HEADER } from '@/pageCache/tags'

const settings = readEnv({}).PAGE_CACHE

/** Next, as far as these tests go: `/gone` declares a 410, `/missing` a 410 over its own 404. */
const next: RequestHandler = (req, res) => {
  const renderId = req.headers[RENDER_HEADER] as string | undefined
  declarePageTags(renderId, ['article:1'])
  if (req.path !== '/page') declarePageResponse(renderId, { status: 410, headers: { 'X-Robots-Tag': 'noindex' } })
  // As Next does: the head, then the body.
  res.writeHead(req.path === '/missing' ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' })
  res.end(`<html><body>${req.path}</body></html>`)
}

const servers: http.Server[] = []
const serve = async (...handlers: RequestHandler[]) => {
  const app = express()
  for (const handler of handlers) app.use(handler)
  const server = http.createServer(app)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return async (path: string, headers: Record<string, string> = {}, method = 'GET') => {
    const reply = await fetch(`http://127.0.0.1:${port}${path}`, { headers, method })
    return { status: reply.status, cache: reply.headers.get('x-cache'), robots: reply.headers.get('x-robots-tag'), body: await reply.text() }
  }
}

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
})

describe('a page’s declared status', () => {
  it('is set over Next’s 200, kept by the page cache and served again as it was', async () => {
    const get = await serve(pageCache({ store: new PageStore(settings), settings, sessionCookie: 'payload-token' }), next)
    expect(await get('/gone')).toMatchObject({ status: 410, cache: 'MISS', robots: 'noindex' })
    expect(await get('/gone')).toMatchObject({ status: 410, cache: 'HIT', robots: 'noindex', body: expect.stringContaining('/gone') })
    expect(await get('/page')).toMatchObject({ status: 200, robots: null })
    // Never over another status of Next's.
    expect(await get('/missing')).toMatchObject({ status: 404, robots: null })
    // For readers the cache bypasses, and for a HEAD it does not hold.
    expect(await get('/gone', { Authorization: 'JWT x.y.z' })).toMatchObject({ status: 410, cache: 'BYPASS' })
    expect(await get('/gone-too', {}, 'HEAD')).toMatchObject({ status: 410, cache: 'MISS' })
  })

  it('is set with the page cache off', async () => {
    const get = await serve(pageResponses(), next)
    expect(await get('/gone')).toMatchObject({ status: 410, robots: 'noindex' })
    expect(await get('/page')).toMatchObject({ status: 200 })
    // A client's own render id is not believed.
    expect(await get('/page', { [RENDER_HEADER]: 'forged' })).toMatchObject({ status: 200 })
  })
})
