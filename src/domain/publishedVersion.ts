/** The facts about a published version that the timing rules need. */
export interface PublishedVersionRef {
  version: number
  effectiveAt: Date
}

const byEffectiveThenVersion = (a: PublishedVersionRef, b: PublishedVersionRef): number =>
  a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.version - b.version

/** Published versions ordered by when they take effect; same instant: lower number first. */
export function inEffectOrder<T extends PublishedVersionRef>(versions: readonly T[]): T[] {
  return [...versions].sort(byEffectiveThenVersion)
}
