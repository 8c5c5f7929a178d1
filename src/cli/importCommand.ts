import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { parseRevisionFile } from '../domain/parseRevisionFile'
import { closePayload } from '../db/closePayload'
import { importHistory } from '../services/importHistory'
import { startPayload } from '../startPayload'
import type { Command } from './commands'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const importCommand: Command = {
  async run([slug, folder]) {
    if (!slug || !folder || !SLUG.test(slug)) {
      console.error('usage: npx assent import <slug> <folder>   (slug: lowercase words joined by hyphens)')
      return 2
    }
    const names = (await readdir(folder).catch(() => undefined))?.filter((n) => n.toLowerCase().endsWith('.md'))
    if (!names?.length) {
      console.error(`assent: ${folder} has no .md files to import.`)
      return 2
    }
    let files
    try {
      files = await Promise.all(names.map(async (name) => parseRevisionFile(name, await readFile(path.join(folder, name), 'utf8'))))
    } catch (error) {
      console.error(`assent: ${(error as Error).message}`)
      return 2
    }
    const payload = await startPayload()
    try {
      const result = await importHistory(payload, slug, files)
      for (const { file, version } of result.imported) console.log(`imported ${file} as version ${version}`)
      console.log(`${result.imported.length} imported, ${result.skipped.length} already present (policy "${result.policy}").`)
      return 0
    } finally {
      await closePayload(payload)
    }
  },
}
