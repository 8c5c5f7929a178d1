import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { hasRole } from '../access/roles'
import { supersededBeforeEffect } from '../domain/supersededBeforeEffect'
import { upcomingVersions } from '../domain/upcomingVersions'
import { versionInForce } from '../domain/versionInForce'
import { versionCoverage, type VersionCoverage } from '../services/audit/versionCoverage'
import { publishedVersions } from '../services/legalCenter/publishedVersions'
import { NewRevisionButton } from './NewRevisionButton'

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })
const card: React.CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 6, padding: '1rem 1.25rem' }
const cell: React.CSSProperties = { padding: '0.3rem 0.75rem 0.3rem 0', textAlign: 'left', borderBottom: '1px solid var(--theme-elevation-100)', fontVariantNumeric: 'tabular-nums' }
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`)

function VersionRow({ label, coverage }: { label: string; coverage: VersionCoverage }) {
  const { email, banner } = coverage.notices
  return (
    <tr data-version-row={label} data-version={coverage.version}>
      <td style={cell}>{label}</td>
      <td style={cell}>{coverage.version} · {coverage.changeClass}</td>
      <td style={cell}>{day.format(new Date(coverage.effectiveAt))}</td>
      <td style={cell} data-cell="accepted"><strong>{coverage.accepted.total}</strong> of {coverage.subjects} ({percent(coverage.accepted.total, coverage.subjects)})</td>
      <td style={cell} data-cell="emails">{email.accepted} delivered · {email.pending + email.sending + email.uncertain} pending · {email.dead + email.bounced} failed</td>
      <td style={cell} data-cell="banners">{banner.displayed + banner.dismissed} of {banner.total}</td>
    </tr>
  )
}

/**
 * The dashboard's first section: per policy, the version in force and the upcoming ones with their
 * acceptance coverage and notice delivery (and, until their date, those superseded before they
 * took effect), the open draft, and the way to start a revision.
 */
export async function PolicyDashboard({ payload, user }: AdminViewServerProps) {
  const now = new Date()
  const { docs: policies } = await payload.find({ collection: 'policies', sort: 'title', pagination: false, depth: 0 })
  const canEdit = hasRole(user, 'editor', 'admin')
  const blocks = await Promise.all(
    policies.map(async (policy) => {
      const [history, { docs: drafts }] = await Promise.all([
        publishedVersions(payload, policy.id),
        payload.find({ collection: 'policy-versions', where: { and: [{ policy: { equals: policy.id } }, { publishedAt: { exists: false } }] }, sort: '-updatedAt', limit: 1, depth: 0 }),
      ])
      // Coverage of the versions shown only: a policy with a long history has many more.
      const of = async (version: { version: number }) => (await versionCoverage(payload, policy.slug, version.version))[0]
      const inForce = versionInForce(history, now)
      // Versions whose date is still ahead but that a later one replaced first: never upcoming.
      const replaced = history.flatMap((v) => {
        const by = v.effectiveAt > now ? supersededBeforeEffect(history, v) : undefined
        return by ? [{ v, by: by.version }] : []
      })
      const [inForceCoverage, upcoming, superseded] = await Promise.all([
        inForce && of(inForce),
        Promise.all(upcomingVersions(history, now).map(of)),
        Promise.all(replaced.map(async ({ v, by }) => ({ coverage: await of(v), by }))),
      ])
      return { policy, inForce: inForceCoverage, upcoming, superseded, draft: drafts[0] }
    }),
  )
  return (
    <section data-testid="policy-dashboard" style={{ marginBottom: '2rem' }}>
      <h2 style={{ fontSize: '1.3rem', marginBottom: '0.25rem' }}>Your legal documents</h2>
      <p style={{ marginTop: 0 }}>To change a document, start a new revision: you edit a copy of its newest text, see the changes as you type, then publish in one guided step.</p>
      <div style={{ display: 'grid', gap: '1rem' }}>
        {blocks.map(({ policy, inForce, upcoming, superseded, draft }) => (
          <article key={policy.id} style={card} data-policy={policy.slug}>
            <header style={{ display: 'flex', gap: '1rem', alignItems: 'baseline', flexWrap: 'wrap' }}>
              <h3 style={{ margin: 0 }}><a href={`/admin/collections/policies/${policy.id}`}>{policy.title}</a></h3>
              <span style={{ color: 'var(--theme-elevation-500)' }}>{policy.acceptanceMode === 'clickwrap' ? 'explicit acceptance' : 'continued use after notice'} · {policy.noticePeriodDays} days' notice{policy.requireSecondApproval ? ' · two-person rule' : ''}</span>
              <span style={{ marginLeft: 'auto' }}>
                {draft
                  ? <a href={`/admin/collections/policy-versions/${draft.id}`} data-testid={`open-draft-${policy.slug}`}>Continue the draft revision</a>
                  : canEdit && <NewRevisionButton slug={policy.slug} />}
              </span>
            </header>
            {!inForce && upcoming.length === 0 ? <p>No published version yet.</p> : (
              <table style={{ borderCollapse: 'collapse', width: '100%', marginTop: '0.75rem' }}>
                <thead>
                  <tr>
                    {['', 'Version', 'Effective', 'Accepted', 'Emails', 'Banner shown'].map((h) => <th key={h} style={{ ...cell, fontWeight: 600 }}>{h}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {inForce && <VersionRow label="In force" coverage={inForce} />}
                  {upcoming.map((coverage) => <VersionRow key={coverage.version} label="Upcoming" coverage={coverage} />)}
                  {superseded.map(({ coverage, by }) => <VersionRow key={coverage.version} label={`Superseded before it took effect (by version ${by})`} coverage={coverage} />)}
                </tbody>
              </table>
            )}
          </article>
        ))}
      </div>
    </section>
  )
}
