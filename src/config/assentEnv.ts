import { ConfigError } from './ConfigError'
import { readEnv, type AssentEnv } from './env'
import { strandedDatabaseProblem } from './strandedDatabase'

let read: AssentEnv | undefined

/**
 * The process's environment, read once: by the entry point that runs first (the server or a CLI
 * command, or Payload's config where Next or Payload's own CLI load it alone). Everything after
 * gets it passed down, or from a running Payload (envOf). A database left where Assent kept it
 * before it followed ASSENT_DATA_DIR stops every one of them (strandedDatabase.ts).
 */
export function assentEnv(): AssentEnv {
  if (read) return read
  const stranded = strandedDatabaseProblem(process.env)
  if (stranded) throw new ConfigError(stranded)
  read = readEnv()
  return read
}
