#!/usr/bin/env node
// A Wirehouse webhook receiver with Node's built-ins only (docs/webhooks.md).
//
//   WEBHOOK_SECRET=whsec_… node examples/webhook-receiver.mjs        # listens on 127.0.0.1:4000
//   PORT=5000 HOST=0.0.0.0 WEBHOOK_SECRET=whsec_… node examples/webhook-receiver.mjs
//
// It checks X-Wirehouse-Signature (sha256= HMAC of the raw body with the webhook's secret) in
// constant time, answers 401 to a bad one, answers 200 at once to a delivery it has already seen
// (X-Wirehouse-Delivery: deliveries are at least once, so retries repeat it), and prints each event.
import { Buffer } from 'node:buffer'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'

const secret = process.env.WEBHOOK_SECRET
if (!secret) {
  console.error('Set WEBHOOK_SECRET to the secret the create response gave you.')
  process.exit(1)
}
const port = Number(process.env.PORT || 4000)
const host = process.env.HOST || '127.0.0.1'

/** The delivery ids seen lately (a real receiver keeps them in its database, for a day or more). */
const seen = new Set()
const remember = (id) => {
  seen.add(id)
  if (seen.size > 10_000) seen.delete(seen.values().next().value)
}

const verified = (body, header) => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`)
  const given = Buffer.from(String(header ?? ''))
  return given.length === expected.length && timingSafeEqual(given, expected)
}

const describe = (event) => {
  if (event.event === 'attribution.changed') {
    return `${event.reason} (${event.subject.collection} ${event.subject.id ?? ''}): ${event.articles.length} of ${event.total} articles, batch ${event.batch.index}/${event.batch.count}`
  }
  return `article ${event.article.id} "${event.article.headline}"`
}

createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(405).end()
    return
  }
  const chunks = []
  let size = 0
  req.on('data', (chunk) => {
    size += chunk.length
    if (size > 5 * 1024 * 1024) req.destroy()
    else chunks.push(chunk)
  })
  req.on('end', () => {
    // Verify the exact bytes received, before parsing them.
    const body = Buffer.concat(chunks)
    if (!verified(body, req.headers['x-wirehouse-signature'])) {
      console.warn('refused: bad signature')
      res.writeHead(401).end('bad signature')
      return
    }
    const delivery = String(req.headers['x-wirehouse-delivery'] ?? '')
    if (seen.has(delivery)) {
      console.log(`duplicate ${delivery} (attempt ${req.headers['x-wirehouse-attempt']}): already handled`)
      res.writeHead(200).end('duplicate')
      return
    }
    const event = JSON.parse(body.toString('utf8'))
    remember(delivery)
    console.log(`${new Date().toISOString()} ${req.headers['x-wirehouse-event']} ${delivery}: ${describe(event)}`)
    // Answer fast (within 10 s): do slow work after answering, or queue it.
    res.writeHead(200).end('ok')
  })
}).listen(port, host, () => console.log(`Wirehouse webhook receiver on http://${host}:${port}/`))
