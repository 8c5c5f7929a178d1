import type pg from 'pg'

/** What the writes of one transaction share (e.g. the last ledger number they handed out), by
 * name. A write that is rolled back alone leaves it as it found it, so values are replaced, never
 * changed in place. Under `BEFORE_COMMIT`, functions that run (in order) just before the commit. */
export type TransactionState = Map<string, unknown>

export const BEFORE_COMMIT = 'beforeCommit'

interface Pending {
  work: (client: pg.PoolClient, state: TransactionState) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

const queues = new WeakMap<pg.Pool, { pending: Pending[]; running: boolean }>()

async function runOne(client: pg.PoolClient, state: TransactionState, p: Pending) {
  const before = new Map(state)
  await client.query('savepoint assent_write')
  try {
    const value = await p.work(client, state)
    await client.query('release savepoint assent_write')
    return { ok: true as const, value }
  } catch (error) {
    await client.query('rollback to savepoint assent_write')
    state.clear()
    for (const [k, v] of before) state.set(k, v)
    return { ok: false as const, error }
  }
}

/** Commits the writes queued so far in one transaction, then the writes queued meanwhile, until
 * none are left. */
async function drain(pool: pg.Pool, queue: { pending: Pending[]; running: boolean }): Promise<void> {
  queue.running = true
  try {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0)
      let client: pg.PoolClient | undefined
      try {
        client = await pool.connect()
        await client.query('begin')
        const state: TransactionState = new Map()
        const outcomes = []
        for (const p of batch) outcomes.push(await runOne(client, state, p))
        for (const step of (state.get(BEFORE_COMMIT) as Array<() => Promise<void>> | undefined) ?? []) await step()
        await client.query('commit')
        outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.value) : batch[i].reject(o.error)))
      } catch (error) {
        await client?.query('rollback').catch(() => undefined)
        for (const p of batch) p.reject(error)
      } finally {
        client?.release()
      }
    }
  } finally {
    queue.running = false
  }
}

/**
 * Runs `work` in a transaction on a connection of `pool` and resolves once it is committed.
 * Writes that arrive while one transaction commits go together in the next (group commit: one
 * sync to disk for many), in order. Each runs in a savepoint: one that fails (a unique key it
 * cannot know is taken, a row the database refuses) is rolled back and refused alone, and the
 * others commit; a commit that fails refuses the whole group.
 */
export function pgWriteTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient, state: TransactionState) => Promise<T>): Promise<T> {
  let queue = queues.get(pool)
  if (!queue) queues.set(pool, (queue = { pending: [], running: false }))
  const q = queue
  return new Promise<T>((resolve, reject) => {
    q.pending.push({ work: work as Pending['work'], resolve: resolve as (value: unknown) => void, reject })
    if (!q.running) void drain(pool, q)
  })
}
