import { createServer, type Server } from 'node:http'

import type { Express } from 'express'

import { listenFailure } from '../config/listenFailure'

/**
 * Takes `port` first thing, before the database is touched, answering 503 until `serve` hands
 * it the app: a port that is taken or forbidden rejects with a ConfigError naming it, and nothing
 * has been written. (express 5's `app.listen` passes that error to its callback, which is easy to
 * mistake for success.)
 */
export function listen(port: number): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(503, { 'retry-after': '5', 'content-type': 'text/plain' }).end('Assent is starting.\n')
  })
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(listenFailure(error, port))
    server.once('error', failed)
    server.listen(port, () => {
      server.off('error', failed)
      resolve(server)
    })
  })
}

/** Hands the listening server to the app: from now on every request reaches it. */
export function serve(server: Server, app: Express): void {
  server.removeAllListeners('request')
  server.on('request', app)
}
