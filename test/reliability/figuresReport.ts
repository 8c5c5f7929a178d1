import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

import { FIGURES_FILE, type Figure } from './figures'

const STORE = 'docs/reliability-figures.json'
const DOC = 'docs/reliability.md'
const START = '<!-- figures:start -->'
const END = '<!-- figures:end -->'

type Store = Record<string, { ranAt: string; figures: Figure[] }>

/** The figures table: one row per figure, one column per database, what is required beside it. */
export function figuresTable(store: Store): string {
  const databases = Object.keys(store).sort().reverse()
  const rows = new Map<string, { area: string; name: string; required?: number; values: Record<string, number> }>()
  for (const database of databases) {
    for (const f of store[database].figures) {
      const key = `${f.area}\u0000${f.name}`
      const row = rows.get(key) ?? { area: f.area, name: f.name, required: f.required, values: {} }
      row.values[database] = f.value
      rows.set(key, row)
    }
  }
  // Areas in the order the document describes them; figures within an area as measured.
  const order = ['Nothing lost (SIGKILL)', 'Concurrency', 'Access matrix', 'Hostile input', 'Hostile input, one request at a time', 'XSS', 'CSRF', 'Templates', 'Abuse', 'Immutability']
  const rank = (area: string) => (order.includes(area) ? order.indexOf(area) : order.length)
  const sorted = [...rows.values()].map((row, i) => ({ row, i })).sort((a, b) => rank(a.row.area) - rank(b.row.area) || a.i - b.i).map(({ row }) => row)
  const names: Record<string, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' }
  const head = `| Area | Figure | ${databases.map((d) => names[d] ?? d).join(' | ')} | Required |`
  const rule = `|---|---|${databases.map(() => '---:').join('|')}|---:|`
  const body = sorted.map((r) => `| ${r.area} | ${r.name} | ${databases.map((d) => (r.values[d] ?? '–').toLocaleString('en-US')).join(' | ')} | ${r.required ?? ''} |`)
  const runs = databases.map((d) => `${names[d] ?? d}: ${store[d].ranAt}`).join('; ')
  return [`Last runs: ${runs}.`, '', head, rule, ...body].join('\n')
}

export function setup(): void {
  rmSync(FIGURES_FILE, { force: true })
}

/** Writes this run's figures for its database into docs/, keeping the other database's. */
export function teardown(): void {
  if (!existsSync(FIGURES_FILE)) return
  const figures = readFileSync(FIGURES_FILE, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Figure)
  if (figures.length === 0) return
  const store: Store = existsSync(STORE) ? JSON.parse(readFileSync(STORE, 'utf8')) : {}
  const database = figures[0].database
  // A run of some files replaces the figures of their areas only.
  const measured = new Set(figures.map((f) => f.area))
  const kept = (store[database]?.figures ?? []).filter((f) => !measured.has(f.area))
  store[database] = { ranAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', figures: [...kept, ...figures] }
  writeFileSync(STORE, `${JSON.stringify(store, null, 2)}\n`)
  const doc = readFileSync(DOC, 'utf8')
  const from = doc.indexOf(START)
  const to = doc.indexOf(END)
  if (from < 0 || to < from) return
  writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${figuresTable(store)}\n${doc.slice(to)}`)
}
