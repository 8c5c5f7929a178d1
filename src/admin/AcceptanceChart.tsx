import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { cumulative, dailySeries, type DayCount } from '../domain/dailySeries'
import { evidenceStore } from '../store/evidence'

const DAYS = 30
const WIDTH = 640
const HEIGHT = 160
const COLOURS = ['#0969da', '#1a7f37', '#bf3989', '#9a6700', '#6639ba', '#cf222e']

/** One line per version: total acceptances over the last 30 days. */
function Chart({ lines }: { lines: Array<{ label: string; series: DayCount[] }> }) {
  const max = Math.max(1, ...lines.flatMap((l) => l.series.map((d) => d.count)))
  const x = (i: number) => 40 + (i / (DAYS - 1)) * (WIDTH - 50)
  const y = (v: number) => HEIGHT - 20 - (v / max) * (HEIGHT - 35)
  const days = lines[0]?.series ?? []
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label="Acceptances over the last 30 days">
      <line x1={40} y1={y(0)} x2={WIDTH - 10} y2={y(0)} stroke="currentColor" strokeOpacity={0.3} />
      <text x={34} y={y(max) + 4} fontSize={10} textAnchor="end" fill="currentColor">{max}</text>
      <text x={34} y={y(0) + 4} fontSize={10} textAnchor="end" fill="currentColor">0</text>
      {days.length > 0 && <text x={x(0)} y={HEIGHT - 4} fontSize={10} fill="currentColor">{days[0].day}</text>}
      {days.length > 0 && <text x={x(DAYS - 1)} y={HEIGHT - 4} fontSize={10} textAnchor="end" fill="currentColor">{days.at(-1)!.day}</text>}
      {lines.map((line, i) => (
        <polyline key={line.label} fill="none" strokeWidth={2} stroke={COLOURS[i % COLOURS.length]} points={line.series.map((d, j) => `${x(j)},${y(d.count)}`).join(' ')}>
          <title>{`${line.label}: ${line.series.at(-1)?.count ?? 0}`}</title>
        </polyline>
      ))}
    </svg>
  )
}

/**
 * The admin dashboard's picture of acceptance: for each policy, its latest versions' accumulated
 * acceptances over the last 30 days, one line per version.
 */
export async function AcceptanceChart({ payload }: AdminViewServerProps) {
  const to = new Date()
  const from = new Date(to.getTime() - (DAYS - 1) * 86_400_000)
  const { docs: policies } = await payload.find({ collection: 'policies', sort: 'title', pagination: false, depth: 0 })
  const blocks = await Promise.all(
    policies.map(async (policy) => {
      const { docs: versions } = await payload.find({ collection: 'policy-versions', where: { and: [{ policy: { equals: policy.id } }, { _status: { equals: 'published' } }] }, sort: '-version', limit: 3, depth: 0 })
      const perDay = await evidenceStore(payload).acceptancesPerDay(versions.map((v) => v.id), from)
      const before = await Promise.all(versions.map(async (v) => (await payload.count({ collection: 'acceptances', where: { and: [{ version: { equals: v.id } }, { acceptedAt: { less_than: from.toISOString() } }] } })).totalDocs))
      const lines = versions.map((v, i) => ({
        label: `Version ${v.version}`,
        series: cumulative(dailySeries(perDay.get(String(v.id)) ?? [], from, to)).map((d) => ({ ...d, count: d.count + before[i] })),
      }))
      return { policy, lines }
    }),
  )
  return (
    <section data-testid="acceptance-chart" style={{ marginTop: '2rem' }}>
      <h2 style={{ fontSize: '1.2rem' }}>Acceptances, last 30 days</h2>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))', gap: '1.5rem' }}>
        {blocks.map(({ policy, lines }) => (
          <figure key={policy.id} style={{ margin: 0 }}>
            <figcaption style={{ fontWeight: 600 }}>{policy.title}</figcaption>
            {lines.length === 0 ? <p>No published version yet.</p> : <Chart lines={lines} />}
            <p style={{ fontSize: '0.85rem', margin: 0 }}>
              {lines.map((l, i) => (
                <span key={l.label} style={{ marginRight: '1rem' }}>
                  <span style={{ color: COLOURS[i % COLOURS.length] }}>■</span> {l.label}: <strong data-total={`${policy.slug}-${l.label}`}>{l.series.at(-1)?.count ?? 0}</strong>
                </span>
              ))}
              <a href={`/api/v1/audit/coverage/${policy.slug}`}>coverage (JSON)</a>
            </p>
          </figure>
        ))}
      </div>
    </section>
  )
}
