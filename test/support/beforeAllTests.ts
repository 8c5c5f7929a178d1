import { afterAll, beforeAll } from 'vitest'

/** Anything a suite starts and must stop: an app, a browser, a server, a connection. */
export interface Closable {
  close(): unknown
}

/**
 * What a suite builds once before its tests and closes after them. `build` returns the parts the
 * tests use, handing each one that must be closed to `closeAfter`; they are closed in reverse
 * order, those started before a failure included. The returned object is filled in before the
 * first test runs.
 */
export function beforeAllTests<T extends object>(build: (closeAfter: <C extends Closable>(part: C) => C) => Promise<T>, timeoutMs?: number): T {
  const parts = {} as T
  const started: Closable[] = []
  beforeAll(async () => {
    Object.assign(parts, await build((part) => {
      started.push(part)
      return part
    }))
  }, timeoutMs)
  afterAll(async () => {
    for (const part of started.reverse()) await part.close()
  })
  return parts
}
