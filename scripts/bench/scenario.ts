import type { Payload } from 'payload'

/** A published version made by the data set. */
export interface DataSetVersion {
  id: number
  policy: number
  slug: string
  version: number
  contentHash: string
}

/** What every scenario is given: a migrated database holding the data set, and Payload on it. */
export interface BenchContext {
  payload: Payload
  /** The scratch database (a SQLite file URL or a PostgreSQL URL). */
  databaseUrl: string
  /** A scratch directory for files (dropped after the run). */
  dataDir: string
  size: { subjects: number; acceptances: number; versions: number }
  versions: DataSetVersion[]
  /** External ids of the data set's subjects are `user-0` … `user-(subjects-1)`. */
  subjectId: (i: number) => string
}

/** One measured figure. */
export interface Figure {
  value: number
  unit: string
}

/** What one scenario reports: its figures and its baseline's, measured in the same run. */
export interface ScenarioResult {
  id: string
  title: string
  /** The figure the ratio is computed from, for the scenario and for its baseline. */
  scenario: Figure
  baseline: Figure
  /** scenario / baseline, of the figures above. */
  ratio: number
  /** The target in words, e.g. "≥ 0.5" or "≤ 2". */
  target: string
  met: boolean
  /** Other figures (p99, RSS, duplicates…), by name. */
  details: Record<string, number | string>
}
