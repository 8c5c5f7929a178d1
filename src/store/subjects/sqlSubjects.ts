import type { Payload } from 'payload'

import type { RowQuery } from '../../db/directQuery'
import type { NoticeFact } from '../../domain/deemedAcceptance'
import type { Subject } from '../../payload-types'
import type { StoredApiKey } from '../apiKeys'
import { CATALOG_FINGERPRINT, catalogFingerprint } from '../policies/catalogFingerprint'
import { payloadSubjects } from './payloadSubjects'
import type { SubjectsStore, VersionNotice } from './SubjectsStore'

/** The newest version subject `s` accepted (by id); null when none. */
const NEWEST_ACCEPTED = '(select max(a.version_id) from acceptances a where a.subject_id = s.id)'

/** The notices that reached subject `s`, of versions newer (by id) than the newest it accepted,
 * read only when a version newer than that was published (a subject that is up to date reads no
 * notices; PostgreSQL reads them by the subject's index, filtered); none when it accepted nothing.
 * One JSON array of `[versionId, id, channel, status, reachedAt]`: the database escapes what the
 * columns hold, so no edited value reads as another notice. */
const recentNoticesJson = (array: string, aggregate: string, reachedAt: string) => `case when exists (select 1 from policy_versions v where v.id > ${NEWEST_ACCEPTED} and v._status = 'published')
    then (select ${aggregate}(${array}(n.version_id, n.id, n.channel, n.status, ${reachedAt}))
      from notices n where n.subject_id = s.id and n.version_id > ${NEWEST_ACCEPTED} and n.reached_at is not null) end`

/** One row: the fingerprint, the subject (nulls when unknown) and its accepted version ids,
 * comma-separated (one row is cheaper to hand over than one per acceptance), and, asked for, its
 * notices (`recentNoticesJson`). With `withKey`, the API key of a hash too (parameters: the
 * key's hash, the external id, the route's scope), and the subject only if that key admits the
 * route: without a valid key, the subject's acceptances and notices are read for no row. */
const statusRead = (versions: string, notices: string | undefined, withKey: boolean) => `select ${CATALOG_FINGERPRINT}, s.id, s.external_id as "externalId", s.locale,
  (select ${versions} from acceptances a where a.subject_id = s.id) as versions${notices ? `,\n  ${notices} as notices` : ''}${withKey ? ',\n  k.id as "keyId", k.name as "keyName", k.scope as "keyScope", k.revoked_at as "keyRevokedAt"' : ''}
  from (select 1 as one) one${withKey ? '\n  left join api_keys k on k.key_hash = ?' : ''}
  left join subjects s on s.external_id = ?${withKey ? ' and k.revoked_at is null and k.scope = ?' : ''} limit 1`
const VERSIONS = { sqlite: 'group_concat(a.version_id)', postgres: "string_agg(a.version_id::text, ',')" }
const NOTICES = {
  sqlite: recentNoticesJson('json_array', 'json_group_array', 'n.reached_at'),
  postgres: recentNoticesJson('json_build_array', 'json_agg', `to_char(n.reached_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
}
/** The status read's four texts per dialect, by whether they carry notices and a key. */
const statusReads = (dialect: 'sqlite' | 'postgres') => ({
  plain: statusRead(VERSIONS[dialect], undefined, false),
  notices: statusRead(VERSIONS[dialect], NOTICES[dialect], false),
  plainWithKey: statusRead(VERSIONS[dialect], undefined, true),
  noticesWithKey: statusRead(VERSIONS[dialect], NOTICES[dialect], true),
})
const STATUS_READ = { sqlite: statusReads('sqlite'), postgres: statusReads('postgres') }
const NOTICES_OF = 'select id, channel, status, reached_at as "reachedAt" from notices where subject_id = ? and version_id = ?'

const CHANNELS: ReadonlySet<unknown> = new Set<NoticeFact['channel']>(['email', 'banner'])

/** One notice of `recentNoticesJson`; undefined for one not as written there. */
function versionNotice(value: unknown): VersionNotice | undefined {
  if (!Array.isArray(value) || value.length !== 5) return undefined
  const [versionId, id, channel, status, reachedAt] = value as unknown[]
  const at = new Date(String(reachedAt))
  if (!Number.isSafeInteger(versionId) || !Number.isSafeInteger(id) || !CHANNELS.has(channel) || typeof status !== 'string' || Number.isNaN(at.getTime())) return undefined
  return { versionId: versionId as number, id: id as number, channel: channel as NoticeFact['channel'], status, at }
}

/** The notices of `recentNoticesJson` (JSON text from SQLite, parsed already from PostgreSQL);
 * undefined when any is not as written there: they are read apart then (`noticesOf`). */
function recentNotices(json: unknown): VersionNotice[] | undefined {
  if (json === null || json === undefined) return []
  const notices = (typeof json === 'string' ? (JSON.parse(json) as unknown[]) : Array.isArray(json) ? json : [undefined]).map(versionNotice)
  return notices.every((notice) => notice !== undefined) ? (notices as VersionNotice[]) : undefined
}

/**
 * SQLite and PostgreSQL: the hot reads go through the lean reader (`leanQuery`: Assent's own
 * connection on a SQLite file, Payload's pool with named statements on PostgreSQL, Payload's
 * connection otherwise), the rest through Payload.
 */
export function sqlSubjects(payload: Payload, query: RowQuery, dialect: 'sqlite' | 'postgres'): SubjectsStore {
  const texts = STATUS_READ[dialect]
  return {
    ...payloadSubjects(payload),
    statusRead: async (externalId, options = {}) => {
      const { apiKey } = options
      const [first] = apiKey
        ? await query(options.notices ? texts.noticesWithKey : texts.plainWithKey, [apiKey.hash, externalId, apiKey.scope])
        : await query(options.notices ? texts.notices : texts.plain, [externalId])
      const fingerprint = catalogFingerprint(first)
      const key = apiKey && { apiKey: storedKey(first) }
      if (first.id === null || first.id === undefined) return { subject: undefined, acceptedVersions: [], catalogFingerprint: fingerprint, ...(options.notices && { recentNotices: [] }), ...key }
      return {
        ...key,
        catalogFingerprint: fingerprint,
        subject: { id: Number(first.id), externalId: String(first.externalId), locale: (first.locale as Subject['locale']) ?? null },
        acceptedVersions: first.versions ? String(first.versions).split(',').map(Number) : [],
        ...(options.notices && { recentNotices: recentNotices(first.notices) }),
      }
    },
    noticesOf: async (subjectId, versionId) =>
      (await query(NOTICES_OF, [subjectId, versionId])).map((n) => ({ id: n.id as NoticeFact['id'], channel: n.channel as NoticeFact['channel'], status: n.status as NoticeFact['status'], at: n.reachedAt ? new Date(n.reachedAt as string) : undefined })),
  }
}

/** The API key columns of a status read: null when no key has the hash. */
const storedKey = (row: Record<string, unknown>): StoredApiKey | null =>
  row.keyId === null || row.keyId === undefined
    ? null
    : { id: row.keyId as StoredApiKey['id'], name: String(row.keyName), scope: row.keyScope as StoredApiKey['scope'], revokedAt: (row.keyRevokedAt as StoredApiKey['revokedAt']) ?? null }
