import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { publishFromMarkdown } from '../../services/publishing/publishFromMarkdown'
import { markdownRevisionSchema } from '../schemas/markdownRevision'
import { staffUser } from '../staffUser'

/** `POST /api/v1/policies/:slug/versions`: publish a version from Markdown (editors, admins). */
export function publishVersion(payload: Payload): RequestHandler {
  return async (req, res) => {
    const user = await staffUser(payload, req)
    const revision = markdownRevisionSchema.parse(req.body ?? {})
    const version = await publishFromMarkdown(payload, user, String(req.params.slug), revision)
    res.status(201).location(`/api/v1/policies/${version.policy}/versions/${version.version}`).json(version)
  }
}
