import { withPayload } from '@payloadcms/next/withPayload'

/** Next serves only Payload's admin (and GraphQL); Assent's own pages and APIs are express. */
const nextConfig = {
  // Type-checking is `npm run typecheck`; building the admin at start should not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })
// withPayload sets experimental.turbopackServerFastRefresh (for hot reload in Payload's own dev
// set-up), which this Next does not know: it warned "unrecognized key" at every start.
if (config.experimental) delete config.experimental.turbopackServerFastRefresh

export default config
