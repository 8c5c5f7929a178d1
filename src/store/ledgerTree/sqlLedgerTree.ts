import type { RowQuery } from '../../db/directQuery'
import { sqlSession, type SqlAdapter } from '../../db/sqlSession'
import { subtreeKey, type LedgerTreeStore, type StoredEntry } from './LedgerTreeStore'

const LEAVES = 'select leaf_hash as "leafHash" from ledger_entries where seq > ? and seq <= ? order by seq'
const ABOUT = 'select seq, body, leaf_hash as "leafHash" from ledger_entries where subject = ? and seq <= ? order by seq'
const OF_KIND = 'select seq, body, leaf_hash as "leafHash" from ledger_entries where kind = ? and seq <= ? order by seq'
/** Subtree roots per query: 2 parameters each. */
const CHUNK = 200

const entries = (rows: Array<Record<string, unknown>>): StoredEntry[] => rows.map((r) => ({ seq: Number(r.seq), body: String(r.body), leafHash: String(r.leafHash) }))

/** SQLite and PostgreSQL: reads through the lean reader (`leanQuery`, prepared once), writes
 * through Payload's connection, where SQLite writers take turns. */
export const sqlLedgerTree = (query: RowQuery, adapter: SqlAdapter): LedgerTreeStore => ({
  leafHashes: async (from, to) => (await query(LEAVES, [from, to])).map((r) => Buffer.from(String(r.leafHash), 'hex')),
  subtreeRoots: async (subtrees) => {
    const found = new Map<string, Buffer>()
    for (let i = 0; i < subtrees.length; i += CHUNK) {
      const chunk = subtrees.slice(i, i + CHUNK)
      const text = `select level, start, hash from ledger_nodes where ${chunk.map(() => '(level = ? and start = ?)').join(' or ')}`
      for (const r of await query(text, chunk.flatMap((s) => [s.level, s.start]))) {
        found.set(subtreeKey({ level: Number(r.level), start: Number(r.start) }), Buffer.from(String(r.hash), 'hex'))
      }
    }
    return found
  },
  keepSubtreeRoots: async (roots) => {
    const db = await sqlSession(adapter)
    const now = new Date().toISOString()
    for (let i = 0; i < roots.length; i += CHUNK) {
      const rows = roots.slice(i, i + CHUNK).map((r) => ({ level: r.level, start: r.start, hash: r.hash.toString('hex'), createdAt: now, updatedAt: now }))
      await db.insert(adapter.tables.ledger_nodes as never).values(rows).onConflictDoNothing()
    }
  },
  entriesAbout: async (subject, upTo) => entries(await query(ABOUT, [subject, upTo])),
  entriesOfKind: async (kind, upTo) => entries(await query(OF_KIND, [kind, upTo])),
})
