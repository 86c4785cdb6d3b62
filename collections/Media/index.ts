import type { CollectionConfig } from 'payload'

import path from 'node:path'

import { anyone, roles } from '@/access'
import { env } from '@/env'

/**
 * Images the network publishes under its own name: the publisher's logo (schema.org's
 * `publisher.logo`), mastheads later. Raster images only: an SVG can carry script, and these files
 * are served from the API's own origin. Files live in `MEDIA_DIR`.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { en: 'Image', fr: 'Image', de: 'Bild' },
    plural: { en: 'Images', fr: 'Images', de: 'Bilder' },
  },
  admin: { group: { en: 'Content', fr: 'Contenu', de: 'Inhalt' } },
  access: {
    read: anyone,
    create: roles('admin', 'editor', 'compliance'),
    update: roles('admin', 'editor', 'compliance'),
    delete: roles('admin'),
  },
  upload: {
    staticDir: path.resolve(env.MEDIA_DIR),
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  },
  fields: [{ name: 'alt', type: 'text', required: true, maxLength: 300 }],
}
