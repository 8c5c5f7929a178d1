import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { addTranslation } from '../../services/publishing/addTranslation'
import { versionParam } from '../params'
import { addedTranslationSchema } from '../schemas/translationText'
import { staffUser } from '../staffUser'

/** `POST /api/v1/policies/:slug/versions/:version/translations`: add a text in another locale to a
 * published version (editors, admins); it is frozen at once. */
export function addTranslationRoute(payload: Payload): RequestHandler {
  return async (req, res) => {
    const user = await staffUser(payload, req)
    const version = versionParam(req.params.version, 'version')
    const translation = addedTranslationSchema.parse(req.body ?? {})
    const added = await addTranslation(payload, user, { slug: String(req.params.slug), version }, translation)
    res.status(201).location(`/api/v1/policies/${added.policy}/versions/${added.version}`).json(added)
  }
}
