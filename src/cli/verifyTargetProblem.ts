import { readdirSync, statSync } from 'node:fs'

import { bundleFiles } from '../verifier/ledgerBundleFiles'
import { isEvidencePack } from '../verifier/evidencePackFiles'

const WHAT = 'give a ledger bundle (npx assent ledger:export <dir>) or an evidence pack (npx assent evidence <id> --out <dir>)'

/**
 * Why `dir` cannot be verified at all, in one line naming it, or undefined when it holds a ledger
 * bundle or an evidence pack (whose contents the verifier then judges). A missing folder, a file
 * or a folder holding neither is the caller's mistake, not a failed verification.
 */
export function verifyTargetProblem(dir: string): string | undefined {
  let stat
  try {
    stat = statSync(dir)
  } catch {
    return `${dir} does not exist: ${WHAT}.`
  }
  if (!stat.isDirectory()) return `${dir} is a file, not a folder: ${WHAT}.`
  if (isEvidencePack(dir)) return undefined
  const names = readdirSync(dir)
  if (names.length === 0) return `${dir} is empty: ${WHAT}.`
  if (!names.includes(bundleFiles.entries) && !names.includes(bundleFiles.checkpoints)) {
    return `${dir} holds neither a ledger bundle (${bundleFiles.entries}) nor an evidence pack (evidence.json): ${WHAT}.`
  }
  return undefined
}
