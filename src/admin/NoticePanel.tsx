import type { UIFieldServerComponent } from 'payload'
import React from 'react'

import type { ChangeClass } from '../domain/changeClass'
import { noNoticeReason } from '../domain/noNoticeReason'
import { versionCoverage } from '../services/audit/versionCoverage'
import { noticeCounts, type NoticeCounts } from '../services/notices/noticeCounts'

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '0.75rem 1rem', marginBottom: '1.5rem' }
const cell: React.CSSProperties = { padding: '0.15rem 0.75rem 0.15rem 0', textAlign: 'left' }

function CountsTable({ counts }: { counts: NoticeCounts }) {
  const rows: Array<[string, number, string]> = [
    ['Email pending', counts.email.pending + counts.email.sending, 'waiting for a first or next attempt'],
    ['Email accepted', counts.email.accepted, 'taken by the SMTP server: counts as notice'],
    ['Email uncertain', counts.email.uncertain, 'connection lost after sending: resent with the same Message-ID'],
    ['Email dead', counts.email.dead + counts.email.bounced, 'refused or undeliverable: never counts as notice'],
    ['Banner shown', counts.banner.displayed + counts.banner.dismissed, 'displayed at login'],
    ['Banner not yet shown', counts.banner.pending, ''],
  ]
  return (
    <table data-testid="notice-counts" style={{ borderCollapse: 'collapse' }}>
      <tbody>
        {rows.map(([label, value, hint]) => (
          <tr key={label} title={hint}>
            <th style={{ ...cell, fontWeight: 'normal' }}>{label}</th>
            <td style={{ ...cell, fontVariantNumeric: 'tabular-nums', fontWeight: 600 }} data-count={label}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * The notices of a version, in its edit view: before publication, who will be told and a preview
 * of the email; after, how delivery stands (pending, accepted, uncertain, dead; banner displays).
 */
export const NoticePanel: UIFieldServerComponent = async ({ id, data, payload }) => {
  if (!id) return <div style={box}>Save the draft to see who will be notified and preview the email.</div>
  if (!data?.policy) return <div style={box} data-testid="notice-panel">This draft belongs to no policy, so no one would be notified. Start a version from its policy with "New revision".</div>
  const preview = `/api/v1/policy-versions/${id}/notice-preview`
  if (data?.publishedAt) {
    const counts = await noticeCounts(payload, id)
    const policy = await payload.findByID({ collection: 'policies', id: typeof data.policy === 'object' ? data.policy.id : data.policy, depth: 0 })
    const [coverage] = await versionCoverage(payload, policy.slug, data.version)
    const none = counts.email.total + counts.banner.total === 0
    // Every subject known at publication is told: with none, whether there were any says why.
    const known = none ? (await payload.count({ collection: 'subjects', where: { createdAt: { less_than_equal: data.publishedAt } } })).totalDocs : 0
    return (
      <div style={box} data-testid="notice-panel">
        {coverage && (
          <>
            <h4 style={{ margin: '0 0 0.5rem' }}>Acceptance</h4>
            <table data-testid="coverage" style={{ borderCollapse: 'collapse', marginBottom: '0.75rem' }}>
              <tbody>
                {([
                  ['Accepted', coverage.accepted.total],
                  ['· clickwrap', coverage.accepted.clickwrap],
                  ['· continued use', coverage.accepted['continued-use']],
                  ['· API', coverage.accepted.api],
                  ['· imported', coverage.accepted.import],
                  ['Accepted a later version', coverage.acceptedLater],
                  ['Pending', coverage.pending],
                ] as Array<[string, number]>).map(([label, value]) => (
                  <tr key={label}>
                    <th style={{ ...cell, fontWeight: 'normal' }}>{label}</th>
                    <td style={{ ...cell, fontWeight: 600 }} data-coverage={label}>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <h4 style={{ margin: '0 0 0.5rem' }}>Notices</h4>
        {none ? <p data-testid="no-notices">{noNoticeReason(data.changeClass as ChangeClass, known)}</p> : <CountsTable counts={counts} />}
        <p style={{ marginTop: '0.5rem' }}>
          <a href={`/admin/collections/notices?where[version][equals]=${id}`}>Every notice of this version</a>
        </p>
      </div>
    )
  }
  if (data?.changeClass === 'editorial') {
    return <div style={box} data-testid="notice-panel">Editorial change: publishing it notifies no one.</div>
  }
  const [everyone, withEmail] = await Promise.all([
    payload.count({ collection: 'subjects', where: { erasedAt: { exists: false } } }),
    payload.count({ collection: 'subjects', where: { and: [{ erasedAt: { exists: false } }, { email: { exists: true } }] } }),
  ])
  return (
    <div style={box} data-testid="notice-panel">
      <h4 style={{ margin: '0 0 0.5rem' }}>On publication</h4>
      <p>
        {withEmail.totalDocs} subjects will be emailed at once; the banner shows to all {everyone.totalDocs} at their next login.
      </p>
      <p>
        Preview the email: <a href={preview} target="_blank" rel="noreferrer">HTML</a> · <a href={`${preview}?part=text`} target="_blank" rel="noreferrer">plain text</a>
      </p>
    </div>
  )
}
