import { UNBOUND_BY_DESIGN } from '../domain/ledgerBindings'
import type { Uncovered } from '../domain/checkpointChecks'
import { counted } from '../domain/counted'

/** Prints up to 20 problems under a heading. */
export function printProblems(heading: string, problems: string[]): void {
  console.error(heading)
  for (const problem of problems.slice(0, 20)) console.error(`  - ${problem}`)
  if (problems.length > 20) console.error(`  … and ${problems.length - 20} more`)
}

/** Which key the verification trusted, and whether anyone outside the folder vouched for it. */
export function printKey(verdict: { fingerprint?: string; keyChain: string[]; pinned: boolean }): void {
  if (!verdict.fingerprint) return
  const rotated = verdict.keyChain.length > 1 ? ` (rotated from ${verdict.keyChain.slice(0, -1).join(' → ')})` : ''
  console.log(`Signing key fingerprint: ${verdict.fingerprint}${rotated}`)
  if (verdict.pinned) console.log('The key is pinned: it matches the key you gave (or a key it rotated to by a signed ledger entry).')
  else console.log('NOT PINNED: the key came from the folder or server under test, so a ledger re-signed with another key would pass. Compare the fingerprint with one you kept, or pass --key <public-key.pem> or --fingerprint <hex>.')
}

/** The newest entries no checkpoint covers yet: their removal cannot be proved until one does. */
export function printUncovered(uncovered: Uncovered | undefined): void {
  if (!uncovered) return console.log('Every entry is covered by a signed checkpoint.')
  console.log(`${counted(uncovered.count, 'entry', 'entries')} (${uncovered.from}–${uncovered.to}) ${uncovered.count === 1 ? 'is' : 'are'} not yet covered by any checkpoint: until one is signed, their removal can be shown only by receipts.`)
}

/** The stored fields no ledger entry binds, so nothing here checked them. */
export function printUnbound(unbound: Map<string, number>): void {
  const byDesign = Object.entries(UNBOUND_BY_DESIGN).map(([collection, fields]) => `${collection}.${fields.join(`, ${collection}.`)}`)
  console.log(`Not bound by the ledger, so not checked (delivery and retry bookkeeping): ${byDesign.join(', ')}.`)
  for (const [field, rows] of unbound) console.log(`Not bound by the ledger on ${counted(rows, 'row')} whose entries predate its binding: ${field}.`)
}
