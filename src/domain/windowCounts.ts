/** A key's hits in its current window, and when that window ends (ms since the epoch). */
export interface WindowCount {
  hits: number
  resetAt: number
}

/**
 * Hits per key in windows of `windowMs`, each key's window starting at its first hit after the
 * last one ended (as express-rate-limit's memory store counts). Keys are kept in two generations: a
 * hit moves its key to the newer, and once a window has passed since the last turn the older is
 * dropped whole, so the memory held follows the keys hit in the last two windows, and no key is
 * forgotten while its window runs.
 */
export class WindowCounts {
  private current = new Map<string, WindowCount>()
  private previous = new Map<string, WindowCount>()
  private turnedAt: number | undefined

  constructor(readonly windowMs: number) {}

  /** Counts a hit of `key` at `now` and returns its count. */
  hit(key: string, now: number): WindowCount {
    this.turn(now)
    let count = this.current.get(key)
    if (!count) {
      count = this.previous.get(key) ?? { hits: 0, resetAt: now + this.windowMs }
      this.previous.delete(key)
      this.current.set(key, count)
    }
    if (count.resetAt <= now) {
      count.hits = 0
      count.resetAt = now + this.windowMs
    }
    count.hits++
    return count
  }

  /** Takes back a hit counted in `count` (a request that is not to count after all). */
  takeBack(count: WindowCount): void {
    if (count.hits > 0) count.hits--
  }

  /** The keys held, for tests of the memory it keeps. */
  get size(): number {
    return this.current.size + this.previous.size
  }

  private turn(now: number): void {
    this.turnedAt ??= now
    if (now - this.turnedAt < this.windowMs) return
    // A key left in the older generation was last hit before the last turn, a window or more ago:
    // its window has ended.
    this.previous = this.current
    this.current = new Map()
    this.turnedAt = now
  }
}
