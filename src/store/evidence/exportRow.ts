/** The columns of each export, in order. */
export const exportColumns = {
  acceptances: ['id', 'subject', 'policy', 'version', 'contentHash', 'method', 'source', 'acceptedAt', 'locale', 'ip', 'userAgent', 'notices'],
  notices: ['id', 'subject', 'policy', 'version', 'channel', 'status', 'createdAt', 'reachedAt', 'dismissedAt', 'attempts', 'messageId', 'messageHash', 'lastReply', 'address'],
} as const

/** One exported acceptance or notice, by column (`exportColumns`), subject and policy by name. */
export type ExportRow = Record<string, unknown>

/** A page of rows for a CSV export as the database wrote it, one text (`csvOfJoinedPage`): each
 * row's cells as text (dates ISO-8601, notice ids joined) in the order of `exportColumns`, joined
 * by `JOINED_CELL`, rows by `JOINED_ROW`; `last` is its last row's id. `cells` reads the same rows
 * cell by cell, for a page whose cells hold a separator character. */
export class JoinedPage {
  constructor(
    readonly text: string,
    readonly rows: number,
    readonly cells: () => Promise<ReadonlyArray<readonly unknown[]>>,
    readonly last: number,
  ) {}
}
