import { afterEach, describe, expect, it } from '@jest/globals'
import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { articleEvents, attributionBatches } from '@/webhooks/events'
import { FIRST_RETRY_MS, GIVE_UP_AFTER_MS, MAX_RETRY_MS, nextAttemptAt, retryDelay } from '@/webhooks/schedule'
import { newSecret, signature, verifySignature } from '@/webhooks/sign'
import { post } from '@/webhooks/send'
import { addressProblem, checkTarget, parseTarget } from '@/webhooks/ssrf'

describe('webhook retry schedule', () => {
  it('waits 30 s, doubling, up to 4 h', () => {
    expect(retryDelay(1)).toBe(FIRST_RETRY_MS)
    expect(retryDelay(2)).toBe(60_000)
    expect(retryDelay(5)).toBe(16 * 30_000)
    expect(retryDelay(10)).toBe(MAX_RETRY_MS)
    expect(retryDelay(40)).toBe(MAX_RETRY_MS)
  })

  it('gives up after 24 hours since the first attempt: 14 attempts in all', () => {
    const first = new Date('2026-01-01T00:00:00Z')
    let now = first
    let attempts = 1
    for (;;) {
      const next = nextAttemptAt(attempts, first, now)
      if (!next) break
      expect(next.getTime() - first.getTime()).toBeLessThanOrEqual(GIVE_UP_AFTER_MS)
      now = next
      attempts++
    }
    expect(attempts).toBe(14)
  })
})

describe('webhook signature', () => {
  it('is sha256= and the hex HMAC of the exact body with the secret', () => {
    const secret = newSecret()
    const body = JSON.stringify({ event: 'article.published', article: { id: 1 } })
    expect(signature(body, secret)).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`)
    expect(verifySignature(body, secret, signature(body, secret))).toBe(true)
    expect(verifySignature(`${body} `, secret, signature(body, secret))).toBe(false)
    expect(verifySignature(body, newSecret(), signature(body, secret))).toBe(false)
    expect(verifySignature(body, secret, undefined)).toBe(false)
  })

  it('makes a new random secret every time', () => {
    expect(newSecret()).toMatch(/^whsec_[0-9a-f]{64}$/)
    expect(newSecret()).not.toBe(newSecret())
  })
})

describe('webhook SSRF guard', () => {
  afterEach(() => {
    delete process.env.WEBHOOK_ALLOW_HOSTS
  })

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
  ])('refuses %s (%s)', (address, range) => {
    expect(addressProblem(address)).toContain(range)
  })

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(addressProblem(address)).toBeNull()
  })

  it('takes only http(s) URLs without credentials', () => {
    expect(() => parseTarget('ftp://example.com/')).toThrow(/only http and https/)
    expect(() => parseTarget('https://user:pw@example.com/')).toThrow(/credentials/)
    expect(() => parseTarget('not a url')).toThrow(/not an absolute URL/)
    expect(() => parseTarget('')).toThrow(/url:/)
    expect(parseTarget('https://example.com/hook').hostname).toBe('example.com')
  })

  it('refuses private, loopback and metadata targets unless the host is allowed', async () => {
    await expect(checkTarget('http://127.0.0.1:8080/')).rejects.toThrow(/127\.0\.0\.1 is not allowed.*loopback.*WEBHOOK_ALLOW_HOSTS/)
    await expect(checkTarget('http://[::1]/')).rejects.toThrow(/loopback/)
    await expect(checkTarget('http://169.254.169.254/latest/meta-data')).rejects.toThrow(/linkLocal/)
    await expect(checkTarget('http://metadata.google.internal/')).rejects.toThrow(/metadata name/)
    await expect(checkTarget('http://localhost:3000/')).rejects.toThrow(/local or metadata name/)
    await expect(checkTarget('http://8.8.8.8/')).resolves.toBeInstanceOf(URL)
    process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1,localhost'
    await expect(checkTarget('http://127.0.0.1:8080/')).resolves.toBeInstanceOf(URL)
    await expect(checkTarget('http://localhost:8080/')).resolves.toBeInstanceOf(URL)
    await expect(checkTarget('http://10.0.0.1/')).rejects.toThrow(/private/)
  })
})

describe('webhook events', () => {
  const doc = (extra: Record<string, unknown> = {}) => ({ id: 1, _status: 'published', ...extra })

  it('are published, unpublished and withdrawn; an edit of a published article or a draft is none', () => {
    expect(articleEvents(null, doc())).toEqual(['article.published'])
    expect(articleEvents(doc(), null)).toEqual(['article.unpublished'])
    expect(articleEvents(doc(), doc({ withdrawn: { at: '2026-01-01T00:00:00Z' } }))).toEqual(['article.withdrawn'])
    expect(articleEvents(doc({ withdrawn: { at: '2026-01-01T00:00:00Z' } }), doc({ withdrawn: { at: null } }))).toEqual(['article.published'])
    expect(articleEvents(doc(), doc({ headline: 'changed' }))).toEqual([])
    expect(articleEvents(null, null)).toEqual([])
  })

  it('send a large reach in batches of 500', () => {
    const ids = Array.from({ length: 1200 }, (_, i) => i + 1)
    const batches = attributionBatches({ occurredAt: 'now', reason: 'notice.published', subject: { collection: 'legal-notices', id: 7 } }, ids)
    expect(batches.map((b) => b.articles.length)).toEqual([500, 500, 200])
    expect(batches.map((b) => b.batch)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 },
    ])
    expect(batches.flatMap((b) => b.articles)).toEqual(ids)
    expect(batches.every((b) => b.total === 1200)).toBe(true)
    expect(attributionBatches({ occurredAt: 'now', reason: 'publisher', subject: { collection: 'publisher', id: null } }, [])).toEqual([])
  })
})

describe('a delivery attempt', () => {
  afterEach(() => {
    delete process.env.WEBHOOK_ALLOW_HOSTS
  })

  it('connects only to addresses the guard allows, resolved at connect time (a name, not only a literal)', async () => {
    const server = createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(204).end())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      // `localhost` resolves to loopback: refused when the connection looks it up.
      const refused = await post(`http://localhost:${port}/`, '{}', {})
      expect(refused).toMatchObject({ ok: false })
      expect(refused.error).toMatch(/localhost resolved to a refused address: .*loopback/)
      expect(await post(`http://127.0.0.1:${port}/`, '{}', {})).toMatchObject({ ok: false, error: expect.stringMatching(/127\.0\.0\.1 is refused/) })
      process.env.WEBHOOK_ALLOW_HOSTS = 'localhost,127.0.0.1'
      expect(await post(`http://localhost:${port}/`, '{}', {})).toMatchObject({ ok: true, statusCode: 204 })
      expect(await post(`http://127.0.0.1:${port}/`, '{}', {})).toMatchObject({ ok: true, statusCode: 204 })
    } finally {
      server.close()
    }
  })

  it('counts a non-2xx answer, a refused connection and a non-http URL as failures', async () => {
    process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1'
    const server = createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(302, { Location: 'http://8.8.8.8/' }).end())
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      expect(await post(`http://127.0.0.1:${port}/`, '{}', {})).toMatchObject({ ok: false, statusCode: 302, error: 'the receiver answered 302' })
    } finally {
      server.close()
    }
    expect(await post(`http://127.0.0.1:${port}/`, '{}', {})).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED/) })
    expect(await post('ftp://127.0.0.1/', '{}', {})).toMatchObject({ ok: false, error: expect.stringMatching(/only http and https/) })
  })
})
