import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Server } from 'node:http'

import type { Payload } from 'payload'

import { createTestDatabase, type TestDatabase } from './testDatabase'

/** A running Assent (without the Next admin) on a fresh database, for one test file. */
export interface TestApp {
  payload: Payload
  baseUrl: string
  database: TestDatabase
  close: () => Promise<void>
}

/** Boots Payload (migrations included) and the express app on a random port; `sharedDatabase`:
 * other processes will open the database too. */
export async function startTestApp(options: { sharedDatabase?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ shared: options.sharedDatabase })
  process.env.DATABASE_URL = database.url
  process.env.ASSENT_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'assent-test-'))
  const { startPayload } = await import('../../src/startPayload')
  const { createApp } = await import('../../src/http/createApp')
  const { readEnv } = await import('../../src/config/env')
  const { closeDatabase: closePayload } = await import('../../src/store/database/closeDatabase')
  const payload = await startPayload()
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ payload, env: readEnv() }).listen(0, '127.0.0.1', () => resolve(s))
  })
  // Tests block this process (spawnSync of the CLI) for longer than the default 5 s keep-alive on a
  // loaded machine; the server then closes an idle socket just as the next fetch reuses it
  // (ECONNRESET). Idle sockets stay open longer than any such pause.
  server.keepAliveTimeout = 60_000
  const { port } = server.address() as AddressInfo
  return {
    payload,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    close: async () => {
      await new Promise((resolve) => server.close(resolve))
      await closePayload(payload)
      await database.drop()
    },
  }
}
