import { setImmediate as turn } from 'node:timers/promises'

/** How calls are gathered into batches. */
export interface ReadBatchOptions {
  /** Batches running at once (default 2): while that many run, calls wait and go together. */
  inFlight?: number
  /** Calls in one batch at most (default 64). */
  most?: number
}

/** How a call is read when its batch failed: each of the batch's calls is read alone, so that
 * only a call that cannot be read fails (one caller's input never fails another's read). */
export type ReadAlone<Query, Answer> = (query: Query) => Promise<Answer>

/**
 * One read made for many callers: the calls made in one turn of the event loop, and those made
 * while `inFlight` batches are running, go to `read` together, as one batch, and each caller is
 * given its own answer (the one at its place in what `read` returns). When a batch fails, each of
 * its calls is read alone (`alone`), and gets its own answer or error. A call alone waits one turn
 * of the event loop; under load, one statement answers many calls, which
 * costs the database and the driver far less than one statement each.
 */
export function readBatches<Query, Answer>(read: (queries: Query[]) => Promise<Answer[]>, alone: ReadAlone<Query, Answer>, { inFlight = 2, most = 64 }: ReadBatchOptions = {}): (query: Query) => Promise<Answer> {
  const waiting: Array<{ query: Query; resolve: (answer: Answer) => void; reject: (error: unknown) => void }> = []
  let running = 0
  let scheduled = false

  const run = async (batch: typeof waiting): Promise<void> => {
    running++
    try {
      const answers = await read(batch.map((call) => call.query))
      if (answers.length !== batch.length) throw new Error(`A batched read answered ${answers.length} of ${batch.length} calls.`)
      batch.forEach((call, i) => call.resolve(answers[i]))
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error)
      else await Promise.all(batch.map((call) => alone(call.query).then(call.resolve, call.reject)))
    } finally {
      running--
      start()
    }
  }

  const start = (): void => {
    while (running < inFlight && waiting.length > 0) void run(waiting.splice(0, most))
  }

  return (query) =>
    new Promise<Answer>((resolve, reject) => {
      waiting.push({ query, resolve, reject })
      if (scheduled || running >= inFlight) return
      // The other calls of this turn go with it.
      scheduled = true
      void turn().then(() => {
        scheduled = false
        start()
      })
    })
}
