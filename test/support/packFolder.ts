import { readdirSync } from 'node:fs'
import path from 'node:path'

/** Every file under an evidence pack's folder, by its `/`-separated path inside it, sorted. */
export const filesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()

/** The files a pack's README lists (one name a line, its description indented below), sorted. */
export const readmeListing = (readme: string): string[] =>
  readme.split('how ledger:verify checks each:\n\n')[1].split('\n\nVerify it offline')[0]
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith(' '))
    .sort()
