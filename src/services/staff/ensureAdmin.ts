import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

/** The first admin, created when no staff account exists yet. */
export interface FirstAdmin {
  email: string
  /** Set when Assent generated the password: shown once, never stored in clear. */
  generatedPassword?: string
}

/**
 * Creates the first admin from ASSENT_ADMIN_EMAIL / ASSENT_ADMIN_PASSWORD, or with a generated
 * password. Returns undefined when staff accounts already exist.
 */
export async function ensureAdmin(payload: Payload, env: Record<string, string | undefined> = process.env): Promise<FirstAdmin | undefined> {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return undefined
  const email = env.ASSENT_ADMIN_EMAIL || 'admin@example.com'
  const generatedPassword = env.ASSENT_ADMIN_PASSWORD ? undefined : randomBytes(12).toString('base64url')
  await payload.create({
    collection: 'users',
    data: { email, name: 'Administrator', role: 'admin', password: env.ASSENT_ADMIN_PASSWORD || generatedPassword! },
  })
  return { email, generatedPassword }
}
