import type { UIFieldServerComponent } from 'payload'
import React from 'react'

import { hasRole } from '../access/roles'
import { refId } from '../domain/refId'
import { approvalCoversDraft } from '../services/editing/approvalCoversDraft'
import { latestPublished } from '../services/editing/latestPublished'
import { userEmail } from '../services/editing/userEmail'
import { ApproveButton } from './ApproveButton'
import { NewRevisionButton } from './NewRevisionButton'

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })
const when = (value: string) => `${dateTime.format(new Date(value))} UTC`
const box = (colour: string): React.CSSProperties => ({ borderLeft: `4px solid ${colour}`, background: 'var(--theme-elevation-50)', padding: '0.75rem 1rem', marginBottom: '1.5rem', borderRadius: 4 })
const facts: React.CSSProperties = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.25rem 1rem', margin: '0.5rem 0' }

/**
 * At the top of a version's page, what it is: a published version, read-only, with its frozen
 * facts (number, hash, publisher, dates, rules); or a draft, what it starts from, and for a policy with
 * the two-person rule, where its approval stands.
 */
export const VersionStanding: UIFieldServerComponent = async ({ data, id, payload, user }) => {
  if (!id || !data?.policy) return null
  const policy = await payload.findByID({ collection: 'policies', id: refId(data.policy)!, depth: 0 })
  const emailOf = (ref: unknown) => userEmail(payload, ref as never)
  if (data.publishedAt) {
    const [publisher, approver] = await Promise.all([emailOf(data.publishedBy), emailOf(data.approvedBy)])
    return (
      <section style={box('var(--theme-success-500)')} data-testid="version-frozen">
        <h3 style={{ margin: 0 }}>Version {data.version} of the {policy.title}: published, read-only</h3>
        <p style={{ margin: '0.25rem 0' }}>A published version is frozen: its text, summary and dates can never change, so that what people accepted stays provable. To change the policy, start a new revision.</p>
        <dl style={facts}>
          <dt>Published</dt><dd data-fact="published">{when(data.publishedAt)}{publisher ? ` by ${publisher}` : ''}</dd>
          <dt>Takes effect</dt><dd data-fact="effective">{when(data.effectiveAt)}</dd>
          <dt>Change</dt><dd>{data.changeClass}</dd>
          {data.rules?.acceptanceMode && <><dt>Rules</dt><dd data-fact="rules">{data.rules.acceptanceMode === 'clickwrap' ? 'explicit acceptance' : 'continued use after notice'} · {data.rules.noticePeriodDays} days' notice{data.rules.requireSecondApproval ? ' · two-person rule' : ''} (as published; later changes to the policy do not apply)</dd></>}
          {data.approvedAt && <><dt>Approved</dt><dd>{when(data.approvedAt)}{approver ? ` by ${approver}` : ''}</dd></>}
          <dt>SHA-256</dt><dd data-fact="hash"><code style={{ wordBreak: 'break-all' }}>{data.contentHash}</code></dd>
        </dl>
        <p style={{ margin: 0, display: 'flex', gap: '1rem', alignItems: 'center' }}>
          {hasRole(user, 'editor', 'admin') && <NewRevisionButton slug={policy.slug} />}
          <a href={`/legal/${policy.slug}/versions/${data.version}`} target="_blank" rel="noreferrer">Public page</a>
        </p>
      </section>
    )
  }
  const base = await latestPublished(payload, policy.id)
  const twoPerson = policy.requireSecondApproval && data.changeClass === 'material'
  const approver = await emailOf(data.approvedBy)
  // Whether the recorded approval still covers the draft as saved (no edit since).
  const current = Boolean(twoPerson) && (await approvalCoversDraft(payload.config, data))
  return (
    <section style={box('var(--theme-warning-500)')} data-testid="version-draft">
      <h3 style={{ margin: 0 }}>Draft of version {(base?.version ?? 0) + 1} of the {policy.title}</h3>
      <p style={{ margin: '0.25rem 0' }}>
        {base ? `It started from version ${base.version}; the panel on the right shows your changes against it.` : 'The first version of this policy.'} Your edits are saved as you type. When it reads right, press Publish: you will choose the kind of change, write the summary, set the date and see what happens before anything is published.
      </p>
      {policy.requireSecondApproval && (
        <div data-testid="approval-state" style={{ marginTop: '0.5rem' }}>
          <strong>Two-person rule.</strong>{' '}
          {!twoPerson ? 'Material versions of this policy need a second editor\'s approval.'
            : current ? `Approved by ${approver} on ${when(data.approvedAt)}, as saved now. Any later edit to the text, class or summary needs approval again; ${approver === user.email ? 'another editor publishes it' : 'the approver cannot publish it'}.`
            : approver ? `Approved by ${approver} on ${when(data.approvedAt)}, but the draft changed since: it needs approval again.`
            : 'This material version needs a second editor\'s approval before it can be published.'}
          {twoPerson && !current && hasRole(user, 'editor', 'admin') && <div style={{ marginTop: '0.5rem' }}><ApproveButton /></div>}
        </div>
      )}
    </section>
  )
}
