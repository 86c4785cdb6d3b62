// What a host does on day one: a source, a notice through review, a post; then read it back.
import { REST_GET } from '@payloadcms/next/routes'
import { buildEditorState } from '@payloadcms/richtext-lexical'
import { reviewAction } from '@wirehouse/payload-plugin-attribution'
import { createLocalReq, getPayload } from 'payload'

import config from './payload.config.mjs'

const payload = await getPayload({ config })
const user = (email) => payload.create({ collection: 'users', data: { email, password: 'bare-host-demo' } })
const [alice, bob] = [await user('alice@host.test'), await user('bob@host.test')]
const as = (who) => ({ overrideAccess: false, user: who })

const source = await payload.create({
  collection: 'wire-sources',
  data: {
    name: 'Agence France-Presse',
    code: 'afp',
    kind: 'news-agency',
    license: 'copyright',
    copyrightHolder: 'Agence France-Presse',
    credit: 'AFP',
    bylineAliases: ['AFP Staff Writers'],
  },
})
await payload.updateGlobal({ slug: 'publisher', data: { name: 'Bare Host Media', copyrightStartYear: 2001 } })

// Alice drafts and submits a notice; she may not publish it herself, Bob may.
const draft = await payload.create({
  collection: 'legal-notices',
  ...as(alice),
  draft: true,
  data: {
    title: 'Wire copyright',
    kind: 'source-copyright',
    body: buildEditorState({ text: '© {{year}} {{source.copyrightHolder}}. Republished by {{publisher.name}}.' }),
    appliesTo: { scope: 'sources', sources: [source.id] },
    _status: 'draft',
  },
})
const review = async (who, action) =>
  reviewAction({ req: await createLocalReq({ user: { ...who, collection: 'users' } }, payload), collection: 'legal-notices', id: draft.id, action })
await review(alice, 'submit')
const selfApproval = await review(alice, 'approve').then(
  () => 'published',
  (error) => ({ status: error.status, message: error.message }),
)
const approved = await review(bob, 'approve')

const post = await payload.create({ collection: 'posts', data: { title: 'Hello wire', source: source.id } })
const page = await payload.create({ collection: 'pages', data: { name: 'About our wire', writtenBy: 'Ann Editor', source: source.id } })
const local = await payload.findByID({ collection: 'posts', id: post.id })
const { token } = await payload.login({ collection: 'users', data: { email: 'bob@host.test', password: 'bare-host-demo' } })
const get = async (path) => {
  const url = new URL(path, 'http://localhost')
  const response = await REST_GET(config)(new Request(url, { headers: { Authorization: `JWT ${token}` } }), {
    params: Promise.resolve({ slug: url.pathname.split('/').slice(2) }),
  })
  return { status: response.status, body: await response.json() }
}
const rest = await get(`/api/posts/${post.id}`)
const reach = {}
for (const collection of ['posts', 'pages']) reach[collection] = await get(`/api/legal-notices/${draft.id}/reach?collection=${collection}`)
const ninjs = await get(`/api/pages/${page.id}/ninjs`)
const feed = await get('/api/pages/ninjs?version=3.1')
const report = await get('/api/attribution/report')

console.log(
  `RESULT ${JSON.stringify({
    selfApproval,
    review: approved.review,
    reviewers: { alice: alice.id, bob: bob.id },
    local: local.attribution,
    rest: { status: rest.status, attribution: rest.body.attribution },
    reach,
    ninjs,
    feed,
    report: report.body.articles,
    collections: payload.config.collections.map((c) => c.slug),
    globals: payload.config.globals.map((g) => g.slug),
    languages: Object.keys(payload.config.i18n.translations),
  })}`,
)
process.exit(0)
