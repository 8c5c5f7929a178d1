import { exportLedgerBundle } from '../services/ledger/exportLedgerBundle'
import { startPayload, stopPayload } from '../startPayload'
import type { Command } from './commands'
import { counted } from '../domain/counted'

export const ledgerExportCommand: Command = {
  async run([dir]) {
    if (!dir) {
      console.error('usage: npx assent ledger:export <dir>')
      return 2
    }
    const payload = await startPayload()
    try {
      const { entries, checkpoints } = await exportLedgerBundle(payload, dir)
      console.log(`Exported ${counted(entries, 'entry', 'entries')} and ${counted(checkpoints, 'checkpoint')} to ${dir}; verify with npx assent ledger:verify ${dir}`)
      return 0
    } finally {
      await stopPayload(payload)
    }
  },
}
