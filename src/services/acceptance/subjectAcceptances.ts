import type { Payload, PayloadRequest } from 'payload'

/** The version numbers a subject has accepted, by policy id. */
export async function acceptedByPolicy(payload: Payload, subjectId: number | string, req?: PayloadRequest): Promise<Map<string, number[]>> {
  const { docs } = await payload.find({
    collection: 'acceptances',
    where: { subject: { equals: subjectId } },
    select: { policy: true, versionNumber: true },
    pagination: false,
    depth: 0,
    req,
  })
  const byPolicy = new Map<string, number[]>()
  for (const doc of docs) {
    const key = String(doc.policy)
    byPolicy.set(key, [...(byPolicy.get(key) ?? []), doc.versionNumber])
  }
  return byPolicy
}
