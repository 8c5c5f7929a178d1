import type { ScenarioResult } from './scenario'

/** Where and on what a benchmark run was measured. */
export interface BenchMachine {
  date: string
  cpu: string
  cores: number
  memoryGiB: number
  node: string
  database: 'sqlite' | 'postgres'
  size: { subjects: number; acceptances: number; versions: number }
  seconds: number
}

const figure = (f: { value: number; unit: string }) => `${f.value.toLocaleString('en')} ${f.unit}`
const detail = (details: ScenarioResult['details']) =>
  Object.entries(details).map(([name, value]) => `${name} ${typeof value === 'number' ? value.toLocaleString('en') : value}`).join('; ')

/** The run as a Markdown table, scenario by scenario, with the machine it ran on. */
export function benchMarkdown(machine: BenchMachine, results: ScenarioResult[]): string {
  const lines = [
    `Measured ${machine.date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), Node ${machine.node}, ${machine.database === 'postgres' ? 'PostgreSQL' : 'SQLite'};`,
    `data set: ${machine.size.subjects.toLocaleString('en')} subjects, ${machine.size.acceptances.toLocaleString('en')} acceptances, 2 policies × ${machine.size.versions} versions; whole run ${Math.round(machine.seconds)} s.`,
    '',
    '| Scenario | Assent | Baseline | Ratio | Target | Met | Details |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.title} | ${figure(r.scenario)} | ${figure(r.baseline)} | ${r.ratio} | ${r.target} | ${r.met ? 'yes' : '**no**'} | ${detail(r.details)} |`),
  ]
  return `${lines.join('\n')}\n`
}

/** A scenario that failed to run, reported in the table instead of ending the run. */
export function failedScenario(id: string, title: string, error: unknown): ScenarioResult {
  const message = error instanceof Error ? error.message : String(error)
  return { id, title, scenario: { value: 0, unit: '' }, baseline: { value: 0, unit: '' }, ratio: 0, target: '-', met: false, details: { error: message.split('\n')[0].slice(0, 200) } }
}

/** scenario / baseline, to two decimals. */
export const ratioOf = (scenario: number, baseline: number): number => (baseline === 0 ? 0 : Math.round((scenario / baseline) * 100) / 100)
