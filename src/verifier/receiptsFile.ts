import { readFile } from 'node:fs/promises'

/**
 * The receipts a host product kept: a JSON array, or JSON lines (one receipt, or one acceptance
 * answer's item holding `receipt`, per line). A line that is not JSON is an error naming it.
 */
export async function readReceiptsFile(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8')
  if (text.trimStart().startsWith('[')) {
    const parsed = JSON.parse(text) as unknown
    if (!Array.isArray(parsed)) throw new Error(`${file} is not a JSON array of receipts`)
    return parsed
  }
  const items: unknown[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    try {
      items.push(JSON.parse(line))
    } catch {
      throw new Error(`line ${i + 1} of ${file} is not JSON`)
    }
  })
  return items
}
