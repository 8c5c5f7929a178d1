import type { Transporter } from 'nodemailer'

import { isDeliverableAddress } from '../../domain/mailAddress'
import { noticeChanges, type NoticeStanding } from '../../domain/noticeChanges'
import { noticeAfterAttempt, type RetryPolicy } from '../../domain/noticeAttempt'
import { messageIdFor, smtpOutcome, type DeliveryOutcome } from '../../domain/smtpOutcome'
import { changeNoticeContext, type AnnouncedVersionFacts, type NoticeLanguages } from '../../mail/changeNoticeContext'
import { composeMessage } from '../../mail/composeMessage'
import { renderChangeNotice } from '../../render/renderChangeNotice'
import { sendRaw } from '../../mail/sendRaw'
import type { ClaimedNotice, NoticeChange, Recipient } from '../../store/outbox'

/** Where and how notices are sent. */
export interface MailSettings {
  transport: Transporter
  from: { name: string; address: string }
  /** The organisation the notice speaks for (its footer names it). */
  organisationName: string
  publicUrl: string
  retryPolicy: RetryPolicy
  random?: () => number
}

/** Nothing accepted, nothing reached: the notice presents its version alone. */
const NO_STANDING: NoticeStanding = { lastAccepted: null, reached: [] }

/**
 * One attempt at one leased email notice: renders it for where the subject stands now (every
 * version since the last one they accepted, and the earlier notices that never reached them, when
 * the facts carry the policy's history), builds the message with the notice's fixed
 * Message-ID, hands it to the SMTP server and decides the notice's next state. A missing or
 * malformed address is a dead letter with the reason, without touching the server. The notice is
 * written in the recipient's locale among the site's `languages` (else the default); the message
 * hash recorded is that of the message sent, whatever its language.
 */
export async function deliverNotice(notice: ClaimedNotice, recipient: Recipient | undefined, facts: AnnouncedVersionFacts, mail: MailSettings, standing: NoticeStanding = NO_STANDING, languages?: NoticeLanguages): Promise<{ change: NoticeChange; outcome: DeliveryOutcome }> {
  const messageId = messageIdFor(notice.id, new URL(mail.publicUrl).hostname)
  const address = recipient?.email?.trim() ?? ''
  let outcome: DeliveryOutcome
  let messageHash: string | null = null
  if (!recipient || recipient.erasedAt || !address) outcome = { status: 'dead', reason: 'no address: the subject has no email address (or was erased)' }
  else if (!isDeliverableAddress(address)) outcome = { status: 'dead', reason: `malformed address: "${address.slice(0, 100)}" is not a single valid email address` }
  else {
    const told = facts.history ? noticeChanges(facts.history, facts, standing, facts.acceptanceMode, new Date()) : undefined
    const rendered = renderChangeNotice(changeNoticeContext(facts, recipient, mail.publicUrl, mail.organisationName, told, languages))
    const message = await composeMessage(rendered, mail.from, address, messageId)
    messageHash = message.hash
    outcome = smtpOutcome(await sendRaw(mail.transport, { from: mail.from.address, to: address }, message.raw))
  }
  const next = noticeAfterAttempt(outcome, notice.attempts, new Date(), mail.random ?? Math.random, mail.retryPolicy)
  return {
    outcome,
    change: {
      status: next.status,
      attempts: next.attempts,
      lastReply: next.reply,
      reachedAt: next.reachedAt?.toISOString() ?? null,
      nextAttemptAt: next.nextAttemptAt?.toISOString() ?? null,
      address: address || null,
      messageId,
      messageHash,
    },
  }
}
