/** One CLI command: runs with its arguments and returns the exit code. */
export interface Command {
  run: (args: string[]) => Promise<number>
}

/** Commands load on demand: `ledger:verify <bundle>` must run without Payload or a database. */
export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  seed: { summary: 'migrate the database, create the first admin and the demo policies if it is empty', load: async () => (await import('./seedCommand')).seedCommand },
  import: { summary: 'import <slug> <folder> [--publish-upcoming] [--title <title>] [--acceptance-mode clickwrap|continued-use] [--notice-period-days <days>]: publish a history of dated Markdown revisions (oldest first, idempotent); a file dated in the future only with --publish-upcoming (notice period, notices); a new policy needs its title, acceptance mode and notice period', load: async () => (await import('./importCommand')).importCommand },
  'notices:run': { summary: 'notices:run [--follow]: send the email notices that are due (--follow: keep running)', load: async () => (await import('./noticesRunCommand')).noticesRunCommand },
  'apikey:create': { summary: 'apikey:create --scope integration|audit --name <name>: create an API key (printed once)', load: async () => (await import('./apiKeyCommand')).apiKeyCommand },
  export: { summary: 'export [--type acceptances|notices] [--format csv|jsonl] [--policy slug] [--version n] [--from date] [--to date] [--subject id] [--out file]', load: async () => (await import('./exportCommand')).exportCommand },
  evidence: { summary: 'evidence <externalId> --out <dir>: write a subject\'s evidence pack (verify with ledger:verify <dir>)', load: async () => (await import('./evidenceCommand')).evidenceCommand },
  'ledger:checkpoint': { summary: 'sign a checkpoint (Merkle root) over the whole ledger', load: async () => (await import('./ledgerCheckpointCommand')).ledgerCheckpointCommand },
  'ledger:export': { summary: 'ledger:export <dir>: write entries, checkpoints, public key and version texts for auditors', load: async () => (await import('./ledgerExportCommand')).ledgerExportCommand },
  'ledger:verify': { summary: 'ledger:verify [dir] [--key <public-key.pem> | --fingerprint <hex>] [--checkpoint <saved.json>]: verify an exported bundle or evidence pack offline, or the live ledger; pin the key; prove the ledger extends a saved checkpoint; --receipts <file>: prove the acceptance receipts a host product kept are still in the ledger', load: async () => (await import('./ledgerVerifyCommand')).ledgerVerifyCommand },
  'ledger:rotate-key': { summary: 'ledger:rotate-key [--new-key <private-key.pem>]: hand checkpoint signing to a new key, by a ledger entry the old key signs', load: async () => (await import('./ledgerRotateKeyCommand')).ledgerRotateKeyCommand },
}
