import { pack } from 'tar-stream'

/** A file in an archive. */
export interface ArchiveFile {
  path: string
  content: string | Buffer
}

/**
 * A POSIX tar archive of `files` (regular files), as `tar xf` reads it. Written by tar-stream:
 * a path too long for the 100-byte name field goes into the ustar prefix or a pax header.
 */
export async function tarArchive(files: readonly ArchiveFile[], mtime = new Date()): Promise<Buffer> {
  const archive = pack()
  for (const file of files) {
    archive.entry({ name: file.path, type: 'file', mode: 0o644, mtime }, Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'))
  }
  archive.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of archive) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
