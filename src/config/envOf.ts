import type { Payload, SanitizedConfig } from 'payload'

import type { AssentEnv } from './env'

/**
 * The environment as Payload's config read it (src/payload.config.ts, once per process, the one
 * entry point every process passes through), for whatever holds the config or a running Payload.
 */
export function envOf(from: Pick<Payload, 'config'> | SanitizedConfig): AssentEnv {
  const config = 'config' in from ? from.config : from
  const env = (config.custom as { env?: AssentEnv } | undefined)?.env
  if (!env) throw new Error('Payload config carries no environment: it was not built by src/payload.config.ts')
  return env
}
