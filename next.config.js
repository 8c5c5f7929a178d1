import { withPayload } from '@payloadcms/next/withPayload'

/** Next serves only Payload's admin (and GraphQL); Assent's own pages and APIs are express. */
const nextConfig = {
  // Type-checking is `npm run typecheck`; building the admin at start should not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
