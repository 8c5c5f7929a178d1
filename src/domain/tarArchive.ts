/** A file in an archive. */
export interface ArchiveFile {
  path: string
  content: string | Buffer
}

const BLOCK = 512

function header(path: string, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(path) > 100) throw new Error(`archive path too long: ${path}`)
  const h = Buffer.alloc(BLOCK)
  const put = (text: string, offset: number, length: number) => h.write(text, offset, length, 'utf8')
  const octal = (n: number, width: number) => `${n.toString(8).padStart(width - 1, '0')}\0`
  put(path, 0, 100)
  put(octal(0o644, 8), 100, 8)
  put(octal(0, 8), 108, 8)
  put(octal(0, 8), 116, 8)
  put(octal(size, 12), 124, 12)
  put(octal(mtime, 12), 136, 12)
  put('        ', 148, 8) // checksum counts itself as spaces
  put('0', 156, 1)
  put('ustar\0', 257, 6)
  put('00', 263, 2)
  let sum = 0
  for (const byte of h) sum += byte
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8)
  return h
}

/** A POSIX ustar archive of `files` (regular files, paths up to 100 bytes), as `tar xf` reads it. */
export function tarArchive(files: readonly ArchiveFile[], mtime = new Date()): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000)
  const parts: Buffer[] = []
  for (const file of files) {
    const body = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8')
    parts.push(header(file.path, body.length, seconds), body, Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK))
  }
  parts.push(Buffer.alloc(BLOCK * 2))
  return Buffer.concat(parts)
}
