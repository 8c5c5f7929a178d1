/** An acceptance and the versions as an evidence pack states them. */
interface PackFacts {
  versions: Array<{ policy: string; version: number; rules?: { acceptanceMode?: string | null } | null }>
  acceptances: Array<{ id: number | string; policy: string; version: number; method: string }>
}

/**
 * Continued use counts only for a version published under continued use: a `continued-use`
 * acceptance of a version whose frozen rules ask for an explicit click (clickwrap) proves nothing,
 * whatever the policy's mode was switched to later. Returns a problem per such acceptance.
 */
export function checkPackContinuedUse(pack: PackFacts): string[] {
  const modes = new Map(pack.versions.map((v) => [`${v.policy}\u0000${v.version}`, v.rules?.acceptanceMode]))
  return pack.acceptances
    .filter((a) => a.method === 'continued-use' && modes.get(`${a.policy}\u0000${a.version}`) === 'clickwrap')
    .map((a) => `acceptance ${a.id} (${a.policy} version ${a.version}) is deemed by continued use, but the version was published under clickwrap: only an explicit acceptance counts`)
}
