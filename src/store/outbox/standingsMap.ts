import type { NoticeStanding } from '../../domain/noticeChanges'
import { standingKey } from './standingKey'

/** Standings being gathered: `at(subject, policy)` is the one to fill in, created empty. */
export function standingsMap() {
  const standings = new Map<string, { lastAccepted: number | null; reached: number[] }>()
  const at = (subject: unknown, policy: unknown) => {
    const key = standingKey(String(subject), String(policy))
    let standing = standings.get(key)
    if (!standing) standings.set(key, (standing = { lastAccepted: null, reached: [] }))
    return standing
  }
  return { standings: standings as Map<string, NoticeStanding>, at }
}
