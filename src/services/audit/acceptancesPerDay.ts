import type { Payload } from 'payload'

import { payloadQuery } from '../../db/payloadQuery'
import { sqlAdapter } from '../../db/sqlSession'
import type { DayCount } from '../../domain/dailySeries'

/** Acceptances of each version per UTC day since `from`, counted by the database. */
export async function acceptancesPerDay(payload: Payload, versionIds: Array<number | string>, from: Date): Promise<Map<string, DayCount[]>> {
  const result = new Map<string, DayCount[]>(versionIds.map((id) => [String(id), []]))
  const query = payloadQuery(payload)
  if (!query || versionIds.length === 0) return result
  const day = sqlAdapter(payload)!.name === 'postgres' ? `to_char(accepted_at at time zone 'UTC', 'YYYY-MM-DD')` : 'substr(accepted_at, 1, 10)'
  const rows = await query(
    `select version_id as version, ${day} as day, count(*) as n from acceptances where version_id in (${versionIds.map(() => '?').join(', ')}) and accepted_at >= ? group by version_id, ${day}`,
    [...versionIds, from.toISOString()],
  )
  for (const row of rows) result.get(String(row.version))?.push({ day: String(row.day), count: Number(row.n) })
  return result
}
