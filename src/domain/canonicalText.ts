/**
 * The canonical form of a version's text, the bytes its content hash is computed over.
 * Two texts that read the same to a person hash the same: Unicode NFC, LF line endings,
 * no trailing spaces, at most one blank line in a row, exactly one final newline.
 */
export function canonicalText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
  const body = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()
  return `${body}\n`
}
