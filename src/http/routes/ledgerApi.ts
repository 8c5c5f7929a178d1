import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { atomFeed } from '../../formats/atomFeed'
import { ledgerKeyFingerprint } from '../../domain/ledgerKeyFingerprint'
import { AssentError } from '../../errors/AssentError'
import { checkpointFeed } from '../../services/ledger/checkpointFeed'
import { CHECKPOINT_PAGE_LIMIT, checkpointPage } from '../../services/ledger/checkpointPage'
import { lastCheckpoint } from '../../services/ledger/storedCheckpoints'
import { ledgerConsistencyProof, ledgerInclusionProof } from '../../services/ledger/ledgerProofs'
import { ledgerSigningKey } from '../../services/ledger/ledgerSigningKey'
import { versionParam, wholeNumberQuery } from '../params'
import { requireApiKey } from '../requireApiKey'

/** `/api/v1/ledger`: the public key and the signed checkpoints (JSON, a page at a time, the
 * newest alone, and Atom) for everyone, so outside witnesses can keep them; proofs for auditors. */
export function ledgerApi(payload: Payload, publicUrl: string): Router {
  const router = express.Router()
  const audit = requireApiKey(payload, 'audit')
  router.get('/public-key', (_req, res) => {
    res.type('application/x-pem-file').send(ledgerSigningKey().publicKeyPem)
  })
  router.get('/checkpoints', async (req, res) => {
    const after = wholeNumberQuery(req.query.after, 'after', { min: 0, max: 999_999_999, fallback: 0 })
    const limit = wholeNumberQuery(req.query.limit, 'limit', { min: 1, max: CHECKPOINT_PAGE_LIMIT, fallback: CHECKPOINT_PAGE_LIMIT })
    const page = await checkpointPage(payload, publicUrl, after, limit)
    if (page.next) res.set('link', `<${page.next}>; rel="next"`)
    res.json({ keyFingerprint: ledgerKeyFingerprint(ledgerSigningKey().publicKey), ...page })
  })
  router.get('/checkpoints/latest', async (_req, res) => {
    const checkpoint = await lastCheckpoint(payload)
    if (!checkpoint) throw new AssentError('not_found', 'No checkpoint has been signed yet.')
    res.json({ keyFingerprint: ledgerKeyFingerprint(ledgerSigningKey().publicKey), checkpoint })
  })
  router.get('/checkpoints.atom', async (_req, res) => {
    res.type('application/atom+xml; charset=utf-8').send(atomFeed(await checkpointFeed(payload, publicUrl, ledgerKeyFingerprint(ledgerSigningKey().publicKey))))
  })
  router.get('/proofs/inclusion', audit, async (req, res) => {
    res.json(await ledgerInclusionProof(payload, versionParam(req.query.seq, 'seq'), versionParam(req.query.treeSize, 'treeSize')))
  })
  router.get('/proofs/consistency', audit, async (req, res) => {
    res.json(await ledgerConsistencyProof(payload, versionParam(req.query.from, 'from'), versionParam(req.query.to, 'to')))
  })
  return router
}
