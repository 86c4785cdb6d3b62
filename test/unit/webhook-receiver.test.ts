import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'

import { deliveryHeaders } from '@/webhooks/queue'
import { newSecret } from '@/webhooks/sign'

/** examples/webhook-receiver.mjs, as docs/webhooks.md tells integrators to run it. */
const secret = newSecret()
let child: ChildProcess
let url: string
let output = ''

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const deliver = (body: string, headers: Record<string, string>) =>
  fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } }).then(async (r) => ({ status: r.status, text: await r.text() }))

beforeAll(async () => {
  const port = await freePort()
  url = `http://127.0.0.1:${port}/`
  child = spawn(process.execPath, [path.resolve('examples/webhook-receiver.mjs')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production', WEBHOOK_SECRET: secret, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  await printed('receiver on')
})

/** The child's output reaches this process after its answer does: wait for the line (10 s at most). */
const printed = async (line: string) => {
  const started = Date.now()
  while (!output.includes(line)) {
    if (Date.now() - started > 10_000) throw new Error(`the example receiver did not print ${JSON.stringify(line)}: ${output}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

afterAll(() => {
  child?.kill()
})

describe('the example receiver', () => {
  const body = JSON.stringify({ event: 'article.published', occurredAt: new Date().toISOString(), article: { id: 42, headline: 'Example story' } })
  const delivery = { deliveryId: '7b0c7d1e-0000-5000-8000-000000000001', event: 'article.published' as const }

  it('takes a delivery signed as Wirehouse signs it, and prints it', async () => {
    expect(await deliver(body, deliveryHeaders(delivery, body, secret, 1))).toEqual({ status: 200, text: 'ok' })
    await printed(`article.published ${delivery.deliveryId}: article 42 "Example story"`)
  })

  it('answers a repeat of the same delivery id (a retry) without handling it twice', async () => {
    expect(await deliver(body, deliveryHeaders(delivery, body, secret, 2))).toEqual({ status: 200, text: 'duplicate' })
  })

  it('refuses a wrong signature, another secret or a changed body with a 401', async () => {
    const other = { ...delivery, deliveryId: '7b0c7d1e-0000-5000-8000-000000000002' }
    expect((await deliver(body, deliveryHeaders(other, body, newSecret(), 1))).status).toBe(401)
    expect((await deliver(`${body} `, deliveryHeaders(other, body, secret, 1))).status).toBe(401)
    expect((await deliver(body, { 'X-Wirehouse-Delivery': other.deliveryId })).status).toBe(401)
  })
})
