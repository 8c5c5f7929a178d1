import { readFile } from 'node:fs/promises'

import { rotateSigningKey } from '../services/ledger/rotateSigningKey'
import { startPayload, stopPayload } from '../startPayload'
import type { Command } from './commands'

/** `ledger:rotate-key [--new-key <private-key.pem>]`: hands the signing role to a new key by a
 * ledger entry the old key signs. */
export const ledgerRotateKeyCommand: Command = {
  async run(args) {
    const at = args.indexOf('--new-key')
    if ((at >= 0 && !args[at + 1]) || args.length > (at >= 0 ? 2 : 0)) {
      console.error('usage: npx assent ledger:rotate-key [--new-key <ed25519-private-key.pem>]')
      return 2
    }
    const newKeyPem = at >= 0 ? await readFile(args[at + 1], 'utf8') : undefined
    const payload = await startPayload()
    try {
      const { record, checkpointed } = await rotateSigningKey(payload, { newKeyPem })
      console.log(`Rotated the ledger key: ${record.from} → ${record.to}, recorded in the ledger and signed by the old key.`)
      if (checkpointed) console.log('The new key is in the data folder (the old one kept beside it as .retired-…) and has signed a checkpoint. Publish the new fingerprint; auditors who pinned the old one follow the rotation.')
      else console.log('Now set LEDGER_SIGNING_KEY to the new key and restart: checkpoints are refused until the new key signs them.')
      return 0
    } catch (error) {
      console.error(`Key rotation refused: ${(error as Error).message}`)
      return 1
    } finally {
      await stopPayload(payload)
    }
  },
}
