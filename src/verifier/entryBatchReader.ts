import { open } from 'node:fs/promises'

const READ_BYTES = 256 << 10

/**
 * Reads `entries.jsonl` in batches of `batchSize` lines, each read straight into a buffer of its
 * own, which can be moved to a thread and handed back (`release`) to be filled again: the file is
 * copied once, into memory already touched, and only the start of the next batch that a read
 * brought in (under 256 KB) is copied again.
 */
export class EntryBatchReader {
  private readonly free: ArrayBuffer[] = []

  constructor(private readonly file: string, private readonly batchSize: number) {}

  /** Gives a batch's buffer back once its lines have been read. */
  release(buffer: ArrayBuffer): void {
    this.free.push(buffer)
  }

  /** The batches, in order, each a view of the start of its buffer; the last may be short. */
  async *batches(): AsyncGenerator<Uint8Array> {
    const handle = await open(this.file)
    try {
      let carry = Buffer.alloc(0)
      for (;;) {
        let buf = this.buffer(carry.length + READ_BYTES)
        let filled = carry.copy(buf, 0)
        let lines = 0
        let end = -1
        let scanned = 0
        let eof = false
        while (end === -1 && !eof) {
          if (buf.length - filled < READ_BYTES) buf = this.grown(buf, filled)
          const { bytesRead } = await handle.read(buf, filled, READ_BYTES, null)
          eof = bytesRead === 0
          filled += bytesRead
          const read = buf.subarray(0, filled)
          for (let at = read.indexOf(10, scanned); at !== -1; at = read.indexOf(10, at + 1)) {
            if (++lines === this.batchSize) {
              end = at + 1
              break
            }
          }
          scanned = filled
        }
        if (end === -1) end = filled
        carry = Buffer.from(buf.subarray(end, filled))
        if (end > 0) yield new Uint8Array(buf.buffer, buf.byteOffset, end)
        if (eof && carry.length === 0) return
      }
    } finally {
      await handle.close()
    }
  }

  private buffer(least: number): Buffer {
    const kept = this.free.pop()
    if (kept && kept.byteLength >= least) return Buffer.from(kept)
    return Buffer.from(new ArrayBuffer(Math.max(least, 4 << 20)))
  }

  /** A buffer twice as large holding what `buf` held. */
  private grown(buf: Buffer, filled: number): Buffer {
    const larger = Buffer.from(new ArrayBuffer(buf.length * 2))
    buf.copy(larger, 0, 0, filled)
    return larger
  }
}
