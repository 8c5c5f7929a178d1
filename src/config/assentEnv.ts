import { readEnv, type AssentEnv } from './env'

let read: AssentEnv | undefined

/**
 * The process's environment, read once: by the entry point that runs first (the server or a CLI
 * command, or Payload's config where Next or Payload's own CLI load it alone). Everything after
 * gets it passed down, or from a running Payload (envOf).
 */
export function assentEnv(): AssentEnv {
  read ??= readEnv()
  return read
}
