import { getPayload, createLocalReq, initTransaction, commitTransaction } from 'payload'
import { readFileSync } from 'node:fs'
const { wirehouseConfig } = await import('./payload.config')
const { parseStory } = await import('./src/ingest/parse')
const { planStory, loadReferences, articleData } = await import('./src/ingest/plan')
const { toLexical } = await import('./src/ingest/html')
const payload = await getPayload({ config: await wirehouseConfig() })
const refs = await loadReferences(payload)
const plan = planStory(parseStory({ bytes: readFileSync('test/fixtures/wire/good/afp-ninjs1.json'), filename: 'a.json' }), refs)
const body = await toLexical(plan.story.bodyHtml, payload.config)
let n = 0
const data = () => ({ ...articleData(plan, body), headline: `H ${++n} ${Math.random()}`, externalId: `e-${n}-${Math.random()}` })
const lookup = (draft: boolean) => payload.find({ collection: 'articles', where: { or: [{ externalId: { equals: 'x' + n } }, { slug: { equals: 'y' + n } }] }, draft, limit: 2, pagination: false, depth: 0, select: { externalId: true, slug: true, ingest: { hash: true } } })
const createTx = async () => { const req = await createLocalReq({}, payload); await initTransaction(req); await payload.create({ collection: 'articles', data: data() as any, depth: 0, req }); await commitTransaction(req) }
const variants: Record<string, () => Promise<unknown>> = {
  create: () => payload.create({ collection: 'articles', data: data() as any, depth: 0 }),
  'main lookup + tx create': async () => { await lookup(false); await createTx() },
  'draft lookup + tx create': async () => { await lookup(true); await createTx() },
  'tx create': createTx,
}
for (let round = 0; round < 2; round++) for (const [name, fn] of Object.entries(variants)) {
  const s = performance.now(); for (let i = 0; i < 100; i++) await fn(); console.log(round, name, ((performance.now() - s) / 100).toFixed(2), 'ms')
}
process.exit(0)
