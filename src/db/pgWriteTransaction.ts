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

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

const settled = (work: Promise<unknown>): Promise<Outcome> =>
  work.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }))

async function inSavepoint(client: pg.PoolClient, state: TransactionState, p: Pending): Promise<Outcome> {
  const before = new Map(state)
  await client.query('savepoint assent_write')
  const outcome = await settled(p.work(client, state))
  if (outcome.ok) {
    await client.query('release savepoint assent_write')
  } else {
    await client.query('rollback to savepoint assent_write')
    state.clear()
    for (const [k, v] of before) state.set(k, v)
  }
  return outcome
}

/** One transaction for `batch`: each write in a savepoint, except a write alone, whose failure
 * rolls back the whole transaction anyway. Committed unless every write failed. */
async function commitBatch(client: pg.PoolClient, batch: readonly Pending[]): Promise<Outcome[]> {
  await client.query('begin')
  const state: TransactionState = new Map()
  const outcomes: Outcome[] = []
  if (batch.length === 1) outcomes.push(await settled(batch[0].work(client, state)))
  else for (const p of batch) outcomes.push(await inSavepoint(client, state, p))
  if (outcomes.some((o) => o.ok)) {
    for (const step of (state.get(BEFORE_COMMIT) as Array<() => Promise<void>> | undefined) ?? []) await step()
    await client.query('commit')
  } else {
    await client.query('rollback')
  }
  return outcomes
}

/** Commits the writes queued so far in one transaction, then the writes queued meanwhile, until
 * none are left, on one connection of the pool while there are. */
async function drain(pool: pg.Pool, queue: { pending: Pending[]; running: boolean }): Promise<void> {
  queue.running = true
  let client: pg.PoolClient | undefined
  try {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0)
      try {
        client ??= await pool.connect()
        const outcomes = await commitBatch(client, batch)
        outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.value) : batch[i].reject(o.error)))
      } catch (error) {
        await client?.query('rollback').catch(() => undefined)
        client?.release()
        client = undefined
        for (const p of batch) p.reject(error)
      }
    }
  } finally {
    client?.release()
    queue.running = false
  }
}

/**
 * Runs `work` in a transaction on a connection of `pool` and resolves once it is committed.
 * Writes that arrive while one transaction commits go together in the next (group commit: one
 * sync to disk for many), in order. Each runs in a savepoint when others share its transaction:
 * one that fails (a unique key it cannot know is taken, a row the database refuses) is rolled back
 * and refused alone, and the others commit; a commit that fails refuses the whole group. The
 * connection is kept from one transaction to the next while writes keep coming.
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
