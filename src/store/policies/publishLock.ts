/** The PostgreSQL advisory lock (transaction-scoped, with the policy id as second key) that
 * serialises publications of one policy across requests and processes. */
export const PUBLISH_LOCK = 727275
