import type { AddressInfo, Socket } from 'node:net'

import { SMTPServer, type SMTPServerSession } from 'smtp-server'

/** A fault the sink injects into one delivery. */
export type Fault = 'rcpt-450' | 'rcpt-550' | 'data-451' | 'drop-after-data'

/** A message the sink received in full. `dropped`: the connection was cut before the reply. */
export interface ReceivedMessage {
  to: string[]
  messageId: string
  raw: string
  dropped: boolean
}

export interface SmtpSinkOptions {
  /** Which fault, if any, to inject for `to` on its `attempt`-th RCPT TO (1-based). */
  fault?: (to: string, attempt: number) => Fault | undefined
  /** Delay before the greeting of the first `slowGreetings` connections. */
  greetingDelayMs?: number
  slowGreetings?: number
  /** Delay before replying to each message's data. */
  dataDelayMs?: number
  /** Keep each message's text (default true); false keeps only envelope and Message-ID. */
  keepRaw?: boolean
  /** Called when a message's data has arrived, before the reply: the sender is waiting on it. */
  onMessageData?: () => void
}

/** A real SMTP server (smtp-server, in process) that records what it receives and injects faults. */
export interface SmtpSink {
  url: string
  port: number
  received: ReceivedMessage[]
  /** RCPT TO attempts per recipient. */
  attempts: Map<string, number>
  connections: number
  close: () => Promise<void>
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code })

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMessage[] = []
  const attempts = new Map<string, number>()
  const faults = new Map<string, Fault | undefined>()
  let connections = 0
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 200,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      connections++
      if (connections <= (options.slowGreetings ?? 0)) setTimeout(() => callback(), options.greetingDelayMs ?? 0)
      else callback()
    },
    onRcptTo(address, session, callback) {
      const to = address.address.toLowerCase()
      const attempt = (attempts.get(to) ?? 0) + 1
      attempts.set(to, attempt)
      const fault = options.fault?.(to, attempt)
      faults.set(session.id, fault)
      if (fault === 'rcpt-450') return callback(smtpError(450, '4.2.1 Mailbox busy, try later'))
      if (fault === 'rcpt-550') return callback(smtpError(550, '5.1.1 No such user here'))
      callback()
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const fault = faults.get(session.id)
        if (fault === 'data-451') return callback(smtpError(451, '4.3.0 Temporary failure, try later'))
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? ''
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase())
        options.onMessageData?.()
        if (fault === 'drop-after-data') {
          received.push({ to, messageId, raw, dropped: true })
          for (const connection of (server as unknown as { connections: Set<{ session: unknown; _socket: { destroy: () => void } }> }).connections) {
            if (connection.session === session) connection._socket.destroy()
          }
          return
        }
        setTimeout(() => {
          received.push({ to, messageId, raw: options.keepRaw === false ? '' : raw, dropped: false })
          callback(null, `Queued as ${received.length}`)
        }, options.dataDelayMs ?? 0)
      })
    },
  })
  server.on('error', () => undefined)
  // Replies go out at once: without this, delayed ACKs hold every reply ~40 ms on loopback.
  server.server.on('connection', (socket: Socket) => socket.setNoDelay(true))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    attempts,
    get connections() {
      return connections
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
