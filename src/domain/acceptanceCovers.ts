/**
 * The versions an acceptance of `version` covers: every published version after the last one the
 * subject had accepted (of the same policy) up to `version`, ascending, so the record says which
 * changes the subject agreed to at once. With nothing accepted before, or an older version
 * accepted after a newer one, it covers `version` alone: its full text is what was shown.
 */
export function acceptanceCovers(published: readonly number[], accepted: readonly number[], version: number): number[] {
  const since = accepted.reduce((max, n) => Math.max(max, n), 0)
  if (since === 0 || since >= version) return [version]
  return [...new Set([...published.filter((n) => n > since && n < version), version])].sort((a, b) => a - b)
}
