import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

/** A server the tests started, and how to reach and stop it. */
export interface Listening {
  /** Its address as `localhost`: another site than Assent's `127.0.0.1`. */
  url: string
  port: number
  close: () => Promise<void>
}

/** Serves `app` (an express app) on a free port of 127.0.0.1. */
export async function listen(app: { listen: (port: number, host: string, ready: () => void) => Server }): Promise<Listening> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return { url: `http://localhost:${port}`, port, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
