import type { Response } from 'express'
import type { Payload } from 'payload'

import { publicReads, type PublicReads } from '../services/legalCenter/publicReads'

/** The public reads of one request, taken once however many of its handlers ask (kept in
 * `res.locals`), so that a page and its slug's redirect read one snapshot. */
export type RequestReads = (res: Response) => Promise<PublicReads>

export const requestReads = (payload: Payload): RequestReads => (res) => (res.locals.publicReads ??= publicReads(payload)) as Promise<PublicReads>
