import { createServer, type AddressInfo } from 'node:net'

/** A TCP port nothing listens on right now, for a server process a test starts (or for nothing). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
