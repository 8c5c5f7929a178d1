import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { Transport } from 'nodemailer'
import type MailMessage from 'nodemailer/lib/mailer/mail-message'

/**
 * A nodemailer transport that writes each message as an .eml file instead of sending it: what a
 * new install does without SMTP_URL, so its owner can open and read what would have been sent.
 */
export function emlFileTransport(folder: string): Transport<{ messageId: string; path: string }> {
  return {
    name: 'eml-file',
    version: '1',
    send(mail: MailMessage, done) {
      mail.message.build(async (error, raw) => {
        if (error) return done(error, undefined as never)
        try {
          // A prebuilt (raw) message keeps its own Message-ID; nodemailer would make up another.
          const messageId = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw.subarray(0, 64 * 1024).toString('latin1').split(/\r?\n\r?\n/)[0])?.[1] ?? mail.message.messageId()
          const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^a-zA-Z0-9.@-]/g, '')}.eml`)
          await mkdir(folder, { recursive: true })
          await writeFile(file, raw)
          done(null, { messageId, path: file })
        } catch (writeError) {
          done(writeError as Error, undefined as never)
        }
      })
    },
  }
}
