import { seedPolicies } from '../../src/services/publishing/seedPolicies'
import { startTestApp, type TestApp } from './testApp'

/** A fresh test app holding the demo content of a new install: the privacy policy (versions 1
 * and 2) and the terms of service (version 1). Options as for `startTestApp`. */
export async function startSeededTestApp(options: Parameters<typeof startTestApp>[0] = {}): Promise<TestApp> {
  const app = await startTestApp(options)
  await seedPolicies(app.payload)
  return app
}
