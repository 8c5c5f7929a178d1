/** What a round of an outbox worker asks for next: another round at once, a pause, or the end. */
export type NextRound = { next: 'now' } | { next: 'wait'; ms: number } | { next: 'stop' }

/** How a worker polls its outbox. */
export interface PollOptions {
  /** One round: takes what is due, delivers it, records the outcomes. */
  round: () => Promise<NextRound>
  /** A round that threw: logs it and returns the pause before the next one (what the round
   * leased comes back when its lease expires), or throws to end the worker with the error. */
  failed: (error: unknown) => number
  /** Whether a pause keeps the process alive; false where something else does (the server). */
  holdsProcess: boolean
}

/** A running worker. */
export interface Poller {
  /** Resolves when a round asks to stop, or after stop(); rejects with what ended the worker. */
  done: Promise<void>
  /** Finishes the round in hand, then stops. */
  stop: () => Promise<void>
}

/**
 * The polling loop every outbox worker runs: round after round while there is work, a pause when
 * a round asks for one, a failed round logged and retried after its pause, never ending the loop
 * unless `failed` says so. stop() wakes a pausing worker.
 */
export function pollOutbox({ round, failed, holdsProcess }: PollOptions): Poller {
  let stopping = false
  let wake: (() => void) | undefined
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    if (!holdsProcess) timer.unref()
    wake = () => { clearTimeout(timer); resolve() }
  })

  const loop = async () => {
    while (!stopping) {
      let next: NextRound
      try {
        next = await round()
      } catch (error) {
        const pause = failed(error)
        if (!stopping) await sleep(pause)
        continue
      }
      if (next.next === 'stop') return
      if (next.next === 'wait' && !stopping) await sleep(next.ms)
    }
  }
  const done = loop()
  return {
    done,
    stop: async () => {
      stopping = true
      wake?.()
      await done.catch(() => undefined)
    },
  }
}
