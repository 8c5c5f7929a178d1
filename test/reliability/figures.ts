import { appendFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'

/** Where each reliability test appends its figures; the suite's teardown turns them into a table. */
export const FIGURES_FILE = path.resolve('test-results/reliability-figures.jsonl')

/** One measured number of the reliability suite. `required`: the value it must have (0 for losses). */
export interface Figure {
  area: string
  name: string
  value: number
  required?: number
  database: string
}

const databaseName = () => (process.env.TEST_DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite')

/** Records a figure as measured by the test that calls it, and returns the value for asserting. */
export function recordFigure(area: string, name: string, value: number, required?: number): number {
  mkdirSync(path.dirname(FIGURES_FILE), { recursive: true })
  const figure: Figure = { area, name, value, required, database: databaseName() }
  appendFileSync(FIGURES_FILE, `${JSON.stringify(figure)}\n`)
  return value
}
