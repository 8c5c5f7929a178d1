import type { Payload } from 'payload'

/**
 * A store of each Payload: `choose` picks the implementation for the database `payload` runs on
 * the first time the store is asked for, and that choice is kept for the Payload's life.
 */
export function oncePerPayload<Store>(choose: (payload: Payload) => Store): (payload: Payload) => Store {
  const chosen = new WeakMap<Payload, Store>()
  return (payload) => {
    let store = chosen.get(payload)
    if (store === undefined) chosen.set(payload, (store = choose(payload)))
    return store
  }
}
