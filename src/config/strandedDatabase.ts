import { existsSync } from 'node:fs'
import path from 'node:path'

/** Where Assent kept its SQLite file, whatever ASSENT_DATA_DIR said, before the file followed it. */
const FORMER_DATABASE_FILE = path.join('data', 'assent.db')

/**
 * Why start-up must stop, if it must: the SQLite file used to stay at ./data/assent.db, relative
 * to the working folder, even when ASSENT_DATA_DIR moved the secrets, the signing key and mail
 * elsewhere. Now the file follows the data folder, so an install that set ASSENT_DATA_DIR and
 * kept its database at the old place would open an empty one there. Instead it is told to move
 * the file, or to name it in DATABASE_URL. Nothing to say when DATABASE_URL is set, when the data
 * folder is ./data, when nothing is at the old place, or when the data folder has a database.
 */
export function strandedDatabaseProblem(env: NodeJS.ProcessEnv, exists: (file: string) => boolean = existsSync): string | undefined {
  if (env.DATABASE_URL || !env.ASSENT_DATA_DIR) return undefined
  const former = path.resolve(FORMER_DATABASE_FILE)
  const current = path.resolve(env.ASSENT_DATA_DIR, 'assent.db')
  if (former === current || !exists(former) || exists(current)) return undefined
  return (
    `The SQLite database is at ${former}, where Assent kept it before it followed ASSENT_DATA_DIR, ` +
    `and ${path.dirname(current)} holds none: stop Assent and move assent.db, with any assent.db-wal and assent.db-shm beside it, ` +
    `into ${path.dirname(current)}, or set DATABASE_URL=file:${former} to keep it where it is.`
  )
}
