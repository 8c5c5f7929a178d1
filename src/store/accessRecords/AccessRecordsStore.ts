/** One auditor read to log. */
export interface AccessEvent {
  actor: string
  action: 'read' | 'export' | 'evidence' | 'coverage'
  resource: string
  detail?: string
  count?: number
}

/** The log of auditor reads of personal data: who read what, when, and how many records. */
export interface AccessRecordsStore {
  /**
   * Logs an auditor's read. Written outside any transaction of the read itself, so a read is
   * logged even when nothing else is written.
   */
  recordAccess: (event: AccessEvent) => Promise<void>
}
