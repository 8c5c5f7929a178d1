import { createHash } from 'node:crypto'
import { setImmediate as turn } from 'node:timers/promises'

/** A cached rendering of immutable data, encoded once, with the strong ETag it is served under. */
export interface CachedBody {
  body: Buffer
  etag: string
}

/** How much is hashed between two turns of the event loop: about a millisecond's work. */
const SLICE_BYTES = 256 * 1024

/**
 * A small least-recently-used cache for renderings of published versions, which never change:
 * entries need no invalidation, only a bound on memory. A redline page of two long, rewritten
 * versions is megabytes: it is encoded once and hashed a slice at a time, so neither holds the
 * event loop, and every answer sends the same bytes.
 */
export class ImmutableCache {
  private readonly entries = new Map<string, CachedBody>()
  private readonly rendering = new Map<string, Promise<CachedBody>>()

  constructor(private readonly capacity = 500) {}

  /** The entry under `key`, rendered once: concurrent first requests share one rendering. */
  async get(key: string, render: () => Promise<string | Uint8Array>): Promise<CachedBody> {
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit
    }
    const pending = this.rendering.get(key)
    if (pending) return pending
    const rendered = render()
      .then(async (rendered) => {
        const body = typeof rendered === 'string' ? Buffer.from(rendered) : Buffer.from(rendered.buffer, rendered.byteOffset, rendered.byteLength)
        const entry = { body, etag: await etagOf(body) }
        this.entries.set(key, entry)
        if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string)
        return entry
      })
      .finally(() => this.rendering.delete(key))
    this.rendering.set(key, rendered)
    return rendered
  }
}

/** A strong ETag for a body: its SHA-256, shortened, hashed a slice per turn of the event loop. */
export async function etagOf(body: Buffer): Promise<string> {
  const hash = createHash('sha256')
  for (let start = 0; start < body.length; start += SLICE_BYTES) {
    if (start > 0) await turn()
    hash.update(body.subarray(start, start + SLICE_BYTES))
  }
  return `"${hash.digest('base64url').slice(0, 27)}"`
}
