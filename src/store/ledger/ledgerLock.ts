/** The PostgreSQL advisory lock (transaction-scoped) that serialises ledger appends across
 * processes, so entry numbers have no gaps and no duplicates. */
export const LEDGER_LOCK = 727274
