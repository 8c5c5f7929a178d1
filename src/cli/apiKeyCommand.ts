import { parseArgs } from 'node:util'

import { apiKeyScopes, type ApiKeyScope } from '../domain/apiKey'
import { createApiKey } from '../services/staff/apiKeys'
import { startPayload, stopPayload } from '../startPayload'
import type { Command } from './commands'

export const apiKeyCommand: Command = {
  async run(args) {
    const { values } = parseArgs({ args, options: { scope: { type: 'string' }, name: { type: 'string' } }, strict: true })
    if (!values.name || !apiKeyScopes.includes(values.scope as ApiKeyScope)) {
      console.error(`usage: npx assent apikey:create --scope ${apiKeyScopes.join('|')} --name <name>`)
      return 2
    }
    const payload = await startPayload()
    try {
      const { key } = await createApiKey(payload, values.name, values.scope as ApiKeyScope)
      console.log(`API key "${values.name}" (${values.scope}); shown once, store it now:\n${key}`)
      return 0
    } finally {
      await stopPayload(payload)
    }
  },
}
