import net from 'node:net'

type SocketCallback = (error: Error | null, socketOptions?: { connection: net.Socket }) => void

/**
 * nodemailer's `getSocket`: opens the SMTP connection itself with Nagle's algorithm off. nodemailer
 * writes a message's last data and the closing "." as separate small writes; with Nagle on, the
 * dot waits for the server's delayed ACK (~40 ms), which capped a pooled connection at about 20
 * messages a second even on loopback. nodemailer still does STARTTLS or implicit TLS on top.
 */
export function noDelaySocket(options: { host?: string; port?: number; connectionTimeout?: number }, callback: SocketCallback): void {
  const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? 587 })
  socket.setNoDelay(true)
  const fail = (message: string, code?: string) => {
    clearTimeout(timer)
    socket.destroy()
    // Reported like nodemailer's own connection errors, so they classify the same way.
    callback(Object.assign(new Error(message), { code: 'ESOCKET', command: 'CONN', cause: code }))
  }
  const timer = setTimeout(() => fail('Connection timeout', 'ETIMEDOUT'), options.connectionTimeout ?? 30_000)
  socket.once('error', (error: NodeJS.ErrnoException) => fail(error.message, error.code))
  socket.once('connect', () => {
    clearTimeout(timer)
    socket.removeAllListeners('error')
    callback(null, { connection: socket })
  })
}
