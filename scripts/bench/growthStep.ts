// One size of `npm run bench -- --growth`, in a process of its own (one Payload per process):
// builds the data set on a scratch database, then times each operation whose cost must not grow
// with history, call by call, and prints one `GROWTH {json}` line for the driver (growth.ts).
//   node --import tsx scripts/bench/growthStep.ts --subjects N --acceptances M --versions V
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { scratchDatabase } from './scratchDatabase'
import { settledTiming } from './settledTiming'

const arg = (name: string) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1])
const size = { subjects: arg('subjects'), acceptances: arg('acceptances'), versions: arg('versions') }

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'assent-growth-'))
  const database = await scratchDatabase(process.env.DATABASE_URL, dataDir)
  Object.assign(process.env, { DATABASE_URL: database.url, ASSENT_DATA_DIR: dataDir, PAYLOAD_SECRET: 'benchmark', ASSENT_ENV: 'test', PUBLIC_URL: 'https://legal.example.com', NOTICE_WORKER: 'off' })
  const { startPayload } = await import('../../src/startPayload')
  const { closeDatabase } = await import('../../src/store/database/closeDatabase')
  const { generateDataSet, subjectId } = await import('./dataSet')
  const { subjectStatus } = await import('../../src/services/acceptance/subjectStatus')
  const { recordAcceptance } = await import('../../src/services/acceptance/recordAcceptance')
  const { buildEvidencePack } = await import('../../src/services/audit/buildEvidencePack')
  const { createCheckpoint } = await import('../../src/services/ledger/createCheckpoint')
  const { ledgerInclusionProof } = await import('../../src/services/ledger/ledgerProofs')
  const { appendEntries } = await import('../../src/store/ledger/appendEntries')
  const { ledgerIn } = await import('../../src/store/ledger/ledgerIn')
  const { withTransaction } = await import('../../src/store/withTransaction')
  const payload = await startPayload()
  try {
    const t = performance.now()
    const versions = await generateDataSet(payload, size)
    const dataSetSeconds = Math.round((performance.now() - t) / 100) / 10
    const { checkpoint } = await createCheckpoint(payload)
    // The data set's ledger: the checkpoints timed below add 9,000 entries a round of calls.
    const ledgerEntries = (await payload.count({ collection: 'ledger-entries' })).totalDocs
    const random = (n: number) => Math.floor(Math.random() * n)
    const latestTerms = versions.filter((v) => v.slug === 'terms').at(-1)!
    const now = new Date()

    const status = await settledTiming(2000, () => subjectStatus(payload, subjectId(random(size.subjects)), { now, publicUrl: 'https://legal.example.com' }))
    // Distinct subjects, each accepting the latest terms, which the data set left unaccepted: as
    // many warm-up rounds as the smallest data set has subjects for.
    const rounds = Math.max(1, Math.min(40, Math.floor(size.subjects / 500) - 1))
    const offset = random(Math.max(1, size.subjects - 500 * (rounds + 1)))
    const acceptance = await settledTiming(500, (i) =>
      recordAcceptance(payload, { subject: subjectId(offset + i), versions: [{ policy: 'terms', version: latestTerms.version, contentHash: latestTerms.contentHash }], method: 'clickwrap', source: 'api' }, { now: new Date() }),
    { maxRounds: rounds })
    const proof = await settledTiming(500, () => ledgerInclusionProof(payload, 1 + random(checkpoint.treeSize), checkpoint.treeSize))
    const evidencePack = await settledTiming(30, () => buildEvidencePack(payload, subjectId(random(size.subjects))))
    // A checkpoint after 1,000 new entries each time: its cost must follow what was added.
    let filler = 0
    const checkpointAfter1000 = await settledTiming(9, () => createCheckpoint(payload), {
      before: () => withTransaction(payload, (req) => appendEntries(ledgerIn(req), Array.from({ length: 1000 }, () => ({ kind: 'policy-rules' as const, record: { policy: 0, filler: filler++ } })))),
      maxRounds: 10,
    })
    console.log(`GROWTH ${JSON.stringify({ size, ledgerEntries, dataSetSeconds, ops: { status, acceptance, proof, evidencePack, checkpointAfter1000 } })}`)
  } finally {
    await closeDatabase(payload)
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error)
  process.exit(2)
})
