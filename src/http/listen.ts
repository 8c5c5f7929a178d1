import { createServer, type Server } from 'node:http'

import type { Express } from 'express'

import { listenFailure } from '../config/listenFailure'

/**
 * Serves `app` on `port`, resolving once it listens; a port that is taken or forbidden rejects
 * with a ConfigError naming it (express 5's `app.listen` hands that error to its callback, which
 * is easy to mistake for success).
 */
export function listen(app: Express, port: number): Promise<Server> {
  const server = createServer(app)
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(listenFailure(error, port))
    server.once('error', failed)
    server.listen(port, () => {
      server.off('error', failed)
      resolve(server)
    })
  })
}
