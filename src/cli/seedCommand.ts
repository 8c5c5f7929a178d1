import { ensureAdmin } from '../services/staff/ensureAdmin'
import { seedPolicies } from '../services/publishing/seedPolicies'
import { startPayload, stopPayload } from '../startPayload'
import type { Command } from './commands'

export const seedCommand: Command = {
  async run() {
    const payload = await startPayload()
    try {
      const admin = await ensureAdmin(payload)
      if (admin) console.log(`First admin: ${admin.email}${admin.generatedPassword ? ` / ${admin.generatedPassword} (shown once)` : ''}`)
      console.log((await seedPolicies(payload)) ? 'Seeded the privacy policy and the terms of service.' : 'Policies exist already; nothing seeded.')
      return 0
    } finally {
      await stopPayload(payload)
    }
  },
}
