// A second process appending to the ledger: creates a banner notice for each subject id given,
// each in its own transaction (and so its own ledger entry), as fast as it can.
import { closeDatabase as closePayload } from '../../src/store/database/closeDatabase'
import { startPayload } from '../../src/startPayload'

const [versionId, policyId, ...subjectIds] = process.argv.slice(2).map(Number)
const payload = await startPayload()
await Promise.all(
  subjectIds.map((subject) =>
    payload.create({
      collection: 'notices',
      data: { subject, policy: policyId, version: versionId, versionNumber: 1, channel: 'banner', status: 'displayed', reachedAt: new Date().toISOString() },
    }),
  ),
)
await closePayload(payload)
process.exit(0)
