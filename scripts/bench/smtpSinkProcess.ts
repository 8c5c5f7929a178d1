// A local SMTP sink in its own process (so it does not share an event loop with what is measured):
// accepts everything, counts messages per Message-ID, reports over IPC.
import { startSmtpSink } from '../../test/support/smtpSink'

async function main(): Promise<void> {
  const sink = await startSmtpSink({ keepRaw: false })
  process.send!({ type: 'ready', url: sink.url })
  process.on('message', (message: { type: string }) => {
    if (message.type === 'count') {
      const ids = new Map<string, number>()
      for (const m of sink.received) ids.set(m.messageId, (ids.get(m.messageId) ?? 0) + 1)
      process.send!({ type: 'count', received: sink.received.length, distinct: ids.size, duplicates: [...ids.values()].filter((n) => n > 1).length })
    }
    if (message.type === 'reset') sink.received.length = 0
  })
}
void main()
