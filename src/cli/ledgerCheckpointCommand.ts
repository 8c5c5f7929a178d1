import { createCheckpoint } from '../services/ledger/createCheckpoint'
import { startPayload, stopPayload } from '../startPayload'
import type { Command } from './commands'
import { counted } from '../domain/counted'

export const ledgerCheckpointCommand: Command = {
  async run() {
    const payload = await startPayload()
    try {
      const started = performance.now()
      const { checkpoint, created } = await createCheckpoint(payload)
      const ms = (performance.now() - started).toFixed(0)
      console.log(`${created ? 'Signed' : 'Unchanged since'} checkpoint: ${counted(checkpoint.treeSize, 'entry', 'entries')}, root ${checkpoint.rootHash} (${ms} ms)`)
      return 0
    } finally {
      await stopPayload(payload)
    }
  },
}
