import type { Payload } from 'payload'

const EMAIL = ['pending', 'sending', 'accepted', 'uncertain', 'dead', 'bounced'] as const
const BANNER = ['pending', 'displayed', 'dismissed'] as const

/** How the notices of one version stand, per channel and status. */
export interface NoticeCounts {
  email: Record<(typeof EMAIL)[number], number> & { total: number }
  banner: Record<(typeof BANNER)[number], number> & { total: number }
}

/** Counts the notices of a version by channel and status (indexed on version, channel, status). */
export async function noticeCounts(payload: Payload, versionId: number | string): Promise<NoticeCounts> {
  const count = async (channel: string, status: string) =>
    (await payload.count({ collection: 'notices', where: { and: [{ version: { equals: versionId } }, { channel: { equals: channel } }, { status: { equals: status } }] } })).totalDocs
  const tally = async <S extends string>(channel: string, statuses: readonly S[]) => {
    const values = await Promise.all(statuses.map((s) => count(channel, s)))
    const counts = Object.fromEntries(statuses.map((s, i) => [s, values[i]])) as Record<S, number>
    return { ...counts, total: values.reduce((a, b) => a + b, 0) }
  }
  const [email, banner] = await Promise.all([tally('email', EMAIL), tally('banner', BANNER)])
  return { email, banner }
}
