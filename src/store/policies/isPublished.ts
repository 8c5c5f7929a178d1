import type { Where } from 'payload'

/**
 * The one test of "published": the `publishedAt` that only publishing writes (no caller may set
 * it) and that every guard reads (frozen, never deleted). Every path that publishes, imported
 * history and seed included, also sets `_status: 'published'`; this never depends on it.
 */
export const isPublished: Where = { publishedAt: { exists: true } }
