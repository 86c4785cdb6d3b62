// A bare Payload app: users, posts and pages on SQLite, and the plugin. No code of Wirehouse's.
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { attributionPlugin } from '@wirehouse/payload-plugin-attribution'
import { buildConfig } from 'payload'

export default buildConfig({
  secret: 'bare-host-secret',
  db: sqliteAdapter({ client: { url: process.env.DATABASE_URI } }),
  editor: lexicalEditor(),
  collections: [
    { slug: 'users', auth: true, fields: [] },
    { slug: 'posts', admin: { useAsTitle: 'title' }, fields: [{ name: 'title', type: 'text', required: true }] },
    { slug: 'pages', fields: [{ name: 'name', type: 'text' }, { name: 'writtenBy', type: 'text' }] },
  ],
  // Posts as they come; pages name their title and byline fields.
  plugins: [attributionPlugin({ collections: ['posts', { slug: 'pages', fields: { headline: 'name', byline: 'writtenBy' } }] })],
})
