import type { TestApp } from '../../support/testApp'

/** The tests one store must pass on every database: registered inside a describe, given the running app. */
export type StoreContract = (app: () => TestApp) => void
