import type { Response } from 'express'

import { objectJson } from '../domain/keptJson'
import type { SubjectStatus } from '../services/acceptance/subjectStatus'

/**
 * Answers with a subject's status: personal and true only at this moment, so never kept by a
 * cache (nor given an entity tag to revalidate it by); what it shares with other subjects' answers
 * is serialised once.
 */
export function sendStatus(res: Response, status: SubjectStatus): void {
  const body = objectJson(status as unknown as Record<string, unknown>)
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.end(body)
}
