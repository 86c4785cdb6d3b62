// What a host does on day one: a source, a notice through review, a post; then read it back.
import { REST_GET } from '@payloadcms/next/routes'
import { buildEditorState } from '@payloadcms/richtext-lexical'
import { getPayload } from 'payload'

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
    review: { state: 'in-review' },
    _status: 'draft',
  },
})
const selfApproval = await payload
  .update({ collection: 'legal-notices', id: draft.id, ...as(alice), data: { _status: 'published' } })
  .then(() => 'published', (error) => ({ status: error.status, message: error.message }))
const approved = await payload.update({ collection: 'legal-notices', id: draft.id, ...as(bob), depth: 0, data: { _status: 'published' } })

const post = await payload.create({ collection: 'posts', data: { title: 'Hello wire', source: source.id } })
const local = await payload.findByID({ collection: 'posts', id: post.id })
const { token } = await payload.login({ collection: 'users', data: { email: 'bob@host.test', password: 'bare-host-demo' } })
const response = await REST_GET(config)(
  new Request(`http://localhost/api/posts/${post.id}`, { headers: { Authorization: `JWT ${token}` } }),
  { params: Promise.resolve({ slug: ['posts', String(post.id)] }) },
)
const rest = await response.json()

console.log(
  `RESULT ${JSON.stringify({
    selfApproval,
    review: approved.review,
    reviewers: { alice: alice.id, bob: bob.id },
    local: local.attribution,
    rest: { status: response.status, attribution: rest.attribution },
    collections: payload.config.collections.map((c) => c.slug),
    globals: payload.config.globals.map((g) => g.slug),
    languages: Object.keys(payload.config.i18n.translations),
  })}`,
)
process.exit(0)
