import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keep Payload's database drivers out of the server bundle.
  serverExternalPackages: ['@libsql/client', 'libsql', 'pg', 'mongoose'],
  experimental: {
    // Cached page data stays in each instance's memory (an LRU of `cacheMaxMemorySize`, 50 MB): keyed
    // by the site cache's generation, entries on disk would pile up with every change.
    isrFlushToDisk: false,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
