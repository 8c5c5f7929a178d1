import { existsSync, readdirSync } from 'node:fs'

import { buildEvidencePack } from '../services/audit/buildEvidencePack'
import { startPayload, stopPayload } from '../startPayload'
import { accessRecordsStore } from '../store/accessRecords'
import { writePackFiles } from '../verifier/evidencePackFiles'
import type { Command } from './commands'
import { counted } from '../domain/counted'

/** `evidence <externalId> --out <dir>`: writes the subject's evidence pack. */
export const evidenceCommand: Command = {
  async run(args) {
    const outAt = args.indexOf('--out')
    const out = outAt >= 0 ? args[outAt + 1] : undefined
    const externalId = args.find((a, i) => !a.startsWith('--') && i !== outAt + 1)
    if (!externalId || !out) {
      console.error('usage: npx assent evidence <externalId> --out <dir>')
      return 2
    }
    const payload = await startPayload()
    try {
      const { document, files } = await buildEvidencePack(payload, externalId)
      // Verification names every file the signed manifest does not list, so a pack goes alone in its folder.
      if (existsSync(out) && readdirSync(out).length > 0) {
        console.error(`${out} is not empty: write the pack to a new or empty folder (ledger:verify names any file the pack did not bring as added).`)
        return 2
      }
      await writePackFiles(out, files)
      await accessRecordsStore(payload).recordAccess({ actor: `cli:${process.env.USER ?? 'operator'}`, action: 'evidence', resource: 'subjects', detail: `subject ${document.subject.id}`, count: document.acceptances.length + document.notices.length })
      console.log(`Evidence pack for ${externalId} in ${out}: ${counted(document.acceptances.length, 'acceptance')}, ${counted(document.notices.length, 'notice')}, ${counted(document.ledger.length, 'ledger entry', 'ledger entries')}, ${counted(document.versions.length, 'version text')}. Verify it with: npx assent ledger:verify ${out}`)
      return 0
    } finally {
      await stopPayload(payload)
    }
  },
}
