import type { Payload } from 'payload'

const SHOWN = 20

/**
 * Names the `continued-use` acceptances of versions whose frozen rules ask for an explicit click
 * (clickwrap): continued use never proves acceptance of such a version, whatever the policy's mode
 * says today. Reads only the clickwrap versions and counts their continued-use acceptances.
 */
export async function checkContinuedUseAgainstRules(payload: Payload): Promise<string[]> {
  const { docs: versions } = await payload.find({
    collection: 'policy-versions',
    where: { and: [{ publishedAt: { exists: true } }, { 'rules.acceptanceMode': { equals: 'clickwrap' } }] },
    select: { version: true },
    pagination: false,
    depth: 0,
  })
  if (versions.length === 0) return []
  const { docs, totalDocs } = await payload.find({
    collection: 'acceptances',
    where: { and: [{ version: { in: versions.map((v) => v.id) } }, { method: { equals: 'continued-use' } }] },
    select: { versionNumber: true, version: true },
    sort: 'id',
    limit: SHOWN,
    depth: 0,
  })
  const problems = docs.map((a) => `acceptance ${a.id} is deemed by continued use, but version ${a.versionNumber} (id ${typeof a.version === 'object' ? a.version?.id : a.version}) was published under clickwrap: only an explicit acceptance counts`)
  if (totalDocs > SHOWN) problems.push(`… and ${totalDocs - SHOWN} more continued-use acceptances of clickwrap versions`)
  return problems
}
