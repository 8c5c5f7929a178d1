import { assentEnv } from '../config/assentEnv'
import { noticeSettings } from '../config/noticeSettings'
import { checkMailTransport } from '../mail/checkMailTransport'
import { createMailTransport } from '../mail/createMailTransport'
import { startNoticeWorker } from '../services/notices/noticeWorker'
import { startPayload, stopPayload } from '../startPayload'
import type { Command } from './commands'
import { counted } from '../domain/counted'

/**
 * `notices:run [--follow]`: sends every email notice that is due, then stops (or, with --follow,
 * keeps polling until SIGTERM). Runs safely beside the server's own worker and other instances.
 */
export const noticesRunCommand: Command = {
  async run(args) {
    const follow = args.includes('--follow')
    const unknown = args.filter((a) => a !== '--follow')
    if (unknown.length > 0) {
      console.error(`assent: notices:run takes only --follow (got ${unknown.join(' ')})`)
      return 2
    }
    const env = assentEnv()
    const settings = noticeSettings()
    const transport = createMailTransport(env.smtpUrl, env.dataDir)
    const warning = await checkMailTransport(transport, env.smtpUrl)
    if (warning && !follow) {
      console.error(`assent: ${warning}`)
      transport.close()
      return 1
    }
    if (warning) console.warn(`Warning: ${warning}`)
    const payload = await startPayload()
    const worker = startNoticeWorker({ payload, transport, from: env.mailFrom, organisationName: env.organisationName, publicUrl: env.publicUrl, ...settings, drain: !follow, failWhenUnreachable: !follow })
    const stop = () => void worker.stop()
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
    try {
      await worker.done
      const t = worker.totals
      console.log(`Notices: ${t.accepted} accepted, ${t.retried} to retry, ${t.uncertain} uncertain (to resend), ${t.dead} dead, ${t.reaped} taken over from stopped workers.`)
      const waiting = await payload.count({ collection: 'notices', where: { and: [{ channel: { equals: 'email' } }, { status: { in: ['pending', 'uncertain', 'sending'] } }] } })
      if (waiting.totalDocs > 0) console.log(`${counted(waiting.totalDocs, 'notice')} ${waiting.totalDocs === 1 ? 'waits' : 'wait'} for a later attempt.`)
      return 0
    } catch (error) {
      console.error(`assent: ${(error as Error).message}`)
      return 1
    } finally {
      transport.close()
      await stopPayload(payload)
    }
  },
}
