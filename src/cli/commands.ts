import { apiKeyCommand } from './apiKeyCommand'
import { importCommand } from './importCommand'
import { seedCommand } from './seedCommand'

/** One CLI command: a line of help and a runner returning the exit code. */
export interface Command {
  summary: string
  run: (args: string[]) => Promise<number>
}

export const commands: Record<string, Command> = {
  seed: seedCommand,
  import: importCommand,
  'apikey:create': apiKeyCommand,
}
