import type { DayCount } from '../../domain/dailySeries'
import type { ExportFilter } from '../../domain/exportFilter'
import type { ExportRow, JoinedPage } from './exportRow'

/** What auditors read in bulk: exports of acceptances and notices, and the counts behind coverage. */
export interface EvidenceStore {
  /** How many rows a filter selects (for progress). Refuses an unknown policy (400) or subject (404). */
  countExport: (filter: ExportFilter) => Promise<number>
  /**
   * The rows of an export, page by page in id order, so memory stays flat however many there are.
   * A CSV export may come as pages the database wrote as one text (`JoinedPage`), byte for byte
   * what `writeExport` makes of the rows. Refuses an unknown policy (400) or subject (404) before the
   * first row.
   */
  exportRows: (filter: ExportFilter) => AsyncGenerator<ExportRow | JoinedPage>
  /** Acceptances of each version (by id) per UTC day since `from`; every version has a list. */
  acceptancesPerDay: (versionIds: Array<number | string>, from: Date) => Promise<Map<string, DayCount[]>>
  /** Subjects who did not accept version `versionId` (number `version` of the policy) but accepted a later one. */
  acceptedLater: (policyId: number | string, versionId: number | string, version: number) => Promise<number>
}
