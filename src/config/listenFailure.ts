import { ConfigError } from './ConfigError'

/** Why the server could not listen on `port`, as one line saying what to do. */
export function listenFailure(error: NodeJS.ErrnoException, port: number): ConfigError {
  if (error.code === 'EADDRINUSE') {
    return new ConfigError(`port ${port} is in use by another program: stop it, or set PORT to a free port.`)
  }
  if (error.code === 'EACCES') {
    return new ConfigError(`port ${port} needs privileges this user lacks: set PORT to 1024 or above (and let a proxy serve port 80/443).`)
  }
  return new ConfigError(`cannot listen on port ${port} (${error.code ?? error.message}): set PORT to a free port.`)
}
