/** The columns of each export, in order. */
export const exportColumns = {
  acceptances: ['id', 'subject', 'policy', 'version', 'contentHash', 'method', 'source', 'acceptedAt', 'locale', 'ip', 'userAgent', 'notices'],
  notices: ['id', 'subject', 'policy', 'version', 'channel', 'status', 'createdAt', 'reachedAt', 'dismissedAt', 'attempts', 'messageId', 'messageHash', 'lastReply', 'address'],
} as const

/** One exported acceptance or notice, by column (`exportColumns`), subject and policy by name. */
export type ExportRow = Record<string, unknown>

/** A page of rows for a CSV export whose cells the database already wrote as text (dates
 * ISO-8601, notice ids joined), each row its cells in the order of `exportColumns`: only CSV
 * escaping is left, done for the page at once. */
export class CellPage {
  constructor(readonly rows: ReadonlyArray<readonly unknown[]>) {}
}
