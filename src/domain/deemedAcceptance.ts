/** A notice of one version given to one subject, as far as deemed acceptance cares. */
export interface NoticeFact {
  id: string | number
  channel: 'email' | 'banner'
  /** email: pending, sending, accepted (by the receiving SMTP server), uncertain, dead, bounced;
   * banner: displayed, dismissed. */
  status: string
  /** When the notice reached the subject: SMTP acceptance, or the banner being displayed. */
  at?: Date
}

const REACHED: Record<NoticeFact['channel'], readonly string[]> = {
  email: ['accepted'],
  banner: ['displayed', 'dismissed'],
}

/** Whether a notice is proof that the subject was told: a delivered email or a shown banner. */
export const reachedSubject = (notice: NoticeFact): boolean =>
  notice.at !== undefined && REACHED[notice.channel].includes(notice.status)

/**
 * Continued use: a subject is deemed to accept a version only once it has taken effect, and only
 * if a notice of it reached them before it took effect. Returns the notices relied on (earliest
 * first), or undefined when acceptance cannot be deemed. Dead, bounced, uncertain or pending mail
 * is never notice.
 */
export function deemedAcceptance(effectiveAt: Date, notices: readonly NoticeFact[], now: Date): NoticeFact[] | undefined {
  if (now.getTime() < effectiveAt.getTime()) return undefined
  const prior = notices
    .filter((n) => reachedSubject(n) && n.at!.getTime() < effectiveAt.getTime())
    .sort((a, b) => a.at!.getTime() - b.at!.getTime())
  return prior.length > 0 ? prior : undefined
}
