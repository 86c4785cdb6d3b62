import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keep Payload's database drivers out of the server bundle.
  serverExternalPackages: ['@libsql/client', 'libsql', 'pg', 'mongoose'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
