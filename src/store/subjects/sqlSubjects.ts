import type { Payload } from 'payload'

import type { RowQuery } from '../../db/directQuery'
import { readBatches } from '../../db/readBatches'
import type { NoticeFact } from '../../domain/deemedAcceptance'
import type { Subject } from '../../payload-types'
import type { StoredApiKey } from '../apiKeys'
import { CATALOG_FINGERPRINT, catalogFingerprint } from '../policies/catalogFingerprint'
import { payloadSubjects } from './payloadSubjects'
import type { StatusReadOptions, SubjectStatusRead, SubjectsStore, VersionNotice } from './SubjectsStore'

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
const statusColumns = (versions: string, notices: string | undefined, withKey: boolean) => `${CATALOG_FINGERPRINT}, s.id, s.external_id as "externalId", s.locale,
  (select ${versions} from acceptances a where a.subject_id = s.id) as versions${notices ? `,\n  ${notices} as notices` : ''}${withKey ? ',\n  k.id as "keyId", k.name as "keyName", k.scope as "keyScope", k.revoked_at as "keyRevokedAt"' : ''}`
const statusRead = (versions: string, notices: string | undefined, withKey: boolean) => `select ${statusColumns(versions, notices, withKey)}
  from (select 1 as one) one${withKey ? '\n  left join api_keys k on k.key_hash = ?' : ''}
  left join subjects s on s.external_id = ?${withKey ? ' and k.revoked_at is null and k.scope = ?' : ''} limit 1`
/** PostgreSQL: `statusRead` for many calls in one statement, one row each (its place `ord`, from
 * 1). The parameter is a JSON array of `[externalId, keyHash, scope]` (`[externalId]` without
 * `withKey`), so each call's key admits only its own subject. JSON and not an array parameter:
 * PostgreSQL would plan an array's statement anew for each length (milliseconds here), where a
 * JSON text gets one plan, kept. */
const batchStatusRead = (versions: string, notices: string | undefined, withKey: boolean) => `select w.ord, ${statusColumns(versions, notices, withKey)}
  from json_array_elements(?::json) with ordinality as w(call, ord)${withKey ? '\n  left join api_keys k on k.key_hash = w.call->>1' : ''}
  left join subjects s on s.external_id = w.call->>0${withKey ? ' and k.revoked_at is null and k.scope::text = w.call->>2' : ''}`
const VERSIONS = { sqlite: 'group_concat(a.version_id)', postgres: "string_agg(a.version_id::text, ',')" }
const NOTICES = {
  sqlite: recentNoticesJson('json_array', 'json_group_array', 'n.reached_at'),
  postgres: recentNoticesJson('json_build_array', 'json_agg', `to_char(n.reached_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
}
/** The status read's four texts per dialect, by whether they carry notices and a key. */
const statusReads = (dialect: 'sqlite' | 'postgres', read = statusRead) => ({
  plain: read(VERSIONS[dialect], undefined, false),
  notices: read(VERSIONS[dialect], NOTICES[dialect], false),
  plainWithKey: read(VERSIONS[dialect], undefined, true),
  noticesWithKey: read(VERSIONS[dialect], NOTICES[dialect], true),
})
const STATUS_READ = { sqlite: statusReads('sqlite'), postgres: statusReads('postgres') }
const BATCH_STATUS_READ = statusReads('postgres', batchStatusRead)
type StatusReadText = keyof typeof BATCH_STATUS_READ
const textOf = (options: StatusReadOptions): StatusReadText => (options.apiKey ? (options.notices ? 'noticesWithKey' : 'plainWithKey') : options.notices ? 'notices' : 'plain')
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
  const readOne = async (externalId: string, options: StatusReadOptions) => {
    const { apiKey } = options
    const [row] = apiKey ? await query(texts[textOf(options)], [apiKey.hash, externalId, apiKey.scope]) : await query(texts[textOf(options)], [externalId])
    return row
  }
  // PostgreSQL answers concurrent checks in one statement each turn (a round trip per check is
  // most of what a check costs it); SQLite, in this process, one at a time.
  const batched = dialect === 'postgres' ? batchedStatusReads(query, ({ externalId, options }) => readOne(externalId, options)) : undefined
  return {
    ...payloadSubjects(payload),
    statusRead: async (externalId, options = {}) =>
      statusOf(batched && !LONE_SURROGATE.test(externalId) ? await batched[textOf(options)]({ externalId, options }) : await readOne(externalId, options), options),
    noticesOf: async (subjectId, versionId) =>
      (await query(NOTICES_OF, [subjectId, versionId])).map((n) => ({ id: n.id as NoticeFact['id'], channel: n.channel as NoticeFact['channel'], status: n.status as NoticeFact['status'], at: n.reachedAt ? new Date(n.reachedAt as string) : undefined })),
  }
}

type StatusCall = { externalId: string; options: StatusReadOptions }

/** Half of a UTF-16 pair without the other: PostgreSQL refuses it in JSON, which would fail the
 * batch; such an id is read alone (as text, where the driver sends U+FFFD in its place). */
const LONE_SURROGATE = /\p{Cs}/u

/** A batched reader per text of the status read: each batch one statement, a row per call; a
 * batch that fails is read call by call (`alone`). */
function batchedStatusReads(query: RowQuery, alone: (call: StatusCall) => Promise<Record<string, unknown>>): Record<StatusReadText, (call: StatusCall) => Promise<Record<string, unknown>>> {
  const reader = (text: StatusReadText) =>
    readBatches<StatusCall, Record<string, unknown>>(async (calls) => {
      const wanted = calls.map(({ externalId, options: { apiKey } }) => (apiKey ? [externalId, apiKey.hash, apiKey.scope] : [externalId]))
      const rows = await query(BATCH_STATUS_READ[text], [JSON.stringify(wanted)])
      const byPlace: Array<Record<string, unknown>> = []
      for (const row of rows) byPlace[Number(row.ord) - 1] = row
      return byPlace
    }, alone)
  return { plain: reader('plain'), notices: reader('notices'), plainWithKey: reader('plainWithKey'), noticesWithKey: reader('noticesWithKey') }
}

/** What a status read's row says. */
function statusOf(row: Record<string, unknown>, options: StatusReadOptions): SubjectStatusRead {
  const fingerprint = catalogFingerprint(row)
  const key = options.apiKey && { apiKey: storedKey(row) }
  if (row.id === null || row.id === undefined) return { subject: undefined, acceptedVersions: [], catalogFingerprint: fingerprint, ...(options.notices && { recentNotices: [] }), ...key }
  return {
    ...key,
    catalogFingerprint: fingerprint,
    subject: { id: Number(row.id), externalId: String(row.externalId), locale: (row.locale as Subject['locale']) ?? null },
    acceptedVersions: row.versions ? String(row.versions).split(',').map(Number) : [],
    ...(options.notices && { recentNotices: recentNotices(row.notices) }),
  }
}

/** The API key columns of a status read: null when no key has the hash. */
const storedKey = (row: Record<string, unknown>): StoredApiKey | null =>
  row.keyId === null || row.keyId === undefined
    ? null
    : { id: row.keyId as StoredApiKey['id'], name: String(row.keyName), scope: row.keyScope as StoredApiKey['scope'], revokedAt: (row.keyRevokedAt as StoredApiKey['revokedAt']) ?? null }
