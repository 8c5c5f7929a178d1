import express, { type Router } from 'express'
import type { Payload } from 'payload'

import { atomFeed } from '../../formats/atomFeed'
import { ledgerKeyFingerprint } from '../../domain/ledgerKeyFingerprint'
import { checkpointFeed } from '../../services/ledger/checkpointFeed'
import { listCheckpoints } from '../../services/ledger/storedCheckpoints'
import { ledgerConsistencyProof, ledgerInclusionProof } from '../../services/ledger/ledgerProofs'
import { ledgerSigningKey } from '../../services/ledger/ledgerSigningKey'
import { versionParam } from '../params'
import { requireApiKey } from '../requireApiKey'

/** `/api/v1/ledger`: the public key and the signed checkpoints (JSON and Atom) for everyone, so
 * outside witnesses can keep them; proofs for auditors. */
export function ledgerApi(payload: Payload, publicUrl: string): Router {
  const router = express.Router()
  const audit = requireApiKey(payload, 'audit')
  router.get('/public-key', (_req, res) => {
    res.type('application/x-pem-file').send(ledgerSigningKey().publicKeyPem)
  })
  router.get('/checkpoints', async (_req, res) => {
    res.json({ keyFingerprint: ledgerKeyFingerprint(ledgerSigningKey().publicKey), checkpoints: await listCheckpoints(payload) })
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
