import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { exportFilterSchema } from '../../domain/exportFilter'
import { tarArchive } from '../../formats/tarArchive'
import { buildEvidencePack } from '../../services/audit/buildEvidencePack'
import type { Redlines } from '../../services/redline/redlines'
import { versionCoverage } from '../../services/audit/versionCoverage'
import { writeExport } from '../../services/audit/writeExport'
import { accessRecordsStore } from '../../store/accessRecords'
import { evidenceStore } from '../../store/evidence'
import { versionParam } from '../params'
import { requireAuditor } from '../requireAuditor'

/**
 * `/api/v1/audit`: coverage per version, streamed exports and per-subject evidence packs, for an
 * `audit` API key or an auditor's login. Every call is itself recorded (who, what, when).
 */
export function auditApi(payload: Payload, redlines: Redlines): Router {
  const router = express.Router()
  router.use(requireAuditor(payload))
  const { recordAccess } = accessRecordsStore(payload)

  router.get('/coverage/:slug', async (req, res) => {
    const only = req.query.version === undefined ? undefined : versionParam(req.query.version, 'version')
    const coverage = await versionCoverage(payload, String(req.params.slug), only)
    await recordAccess({ actor: res.locals.actor, action: 'coverage', resource: `policies/${req.params.slug}`, count: coverage.length })
    res.json({ policy: req.params.slug, versions: coverage })
  })

  router.get('/export', async (req, res) => {
    const filter = exportFilterSchema.parse(req.query)
    const rows = evidenceStore(payload).exportRows(filter)
    // Refuses an unknown policy or subject before anything is sent.
    const first = await rows.next()
    res.status(200).type(filter.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
    res.set('content-disposition', `attachment; filename="assent-${filter.type}.${filter.format === 'csv' ? 'csv' : 'jsonl'}"`).set('cache-control', 'no-store')
    const count = await writeExport(prepend(first, rows), filter, res)
    // Logged before the export's end reaches the reader: an export that could not be logged
    // arrives cut short, never whole and unlogged.
    await recordAccess({ actor: res.locals.actor, action: 'export', resource: filter.type, detail: JSON.stringify(req.query), count })
    res.end()
  })

  router.get('/subjects/:externalId/evidence', async (req, res) => {
    const { document, files } = await buildEvidencePack(payload, String(req.params.externalId), new Date(), redlines)
    await recordAccess({ actor: res.locals.actor, action: 'evidence', resource: 'subjects', detail: `subject ${document.subject.id}`, count: document.acceptances.length + document.notices.length })
    const name = `evidence-${document.subject.id}`
    res.type('application/x-tar').set('content-disposition', `attachment; filename="${name}.tar"`).set('cache-control', 'no-store')
    res.send(await tarArchive([...files].map(([path, content]) => ({ path: `${name}/${path}`, content }))))
  })
  return router
}

/** The rows again, with the first one (already read to surface refusals early) in front. */
async function* prepend<T>(first: IteratorResult<T>, rest: AsyncGenerator<T>): AsyncGenerator<T> {
  if (first.done) return
  yield first.value
  yield* rest
}
