import { createHash } from 'node:crypto'

/** A cached rendering of immutable data, with the strong ETag it is served under. */
export interface CachedBody {
  body: string
  etag: string
}

/**
 * A small least-recently-used cache for renderings of published versions, which never change:
 * entries need no invalidation, only a bound on memory.
 */
export class ImmutableCache {
  private readonly entries = new Map<string, CachedBody>()
  private readonly rendering = new Map<string, Promise<CachedBody>>()

  constructor(private readonly capacity = 500) {}

  /** The entry under `key`, rendered once: concurrent first requests share one rendering. */
  async get(key: string, render: () => Promise<string>): Promise<CachedBody> {
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit
    }
    const pending = this.rendering.get(key)
    if (pending) return pending
    const rendered = render()
      .then((body) => {
        const entry = { body, etag: etagOf(body) }
        this.entries.set(key, entry)
        if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string)
        return entry
      })
      .finally(() => this.rendering.delete(key))
    this.rendering.set(key, rendered)
    return rendered
  }
}

/** A strong ETag for a body: its SHA-256, shortened. */
export const etagOf = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
