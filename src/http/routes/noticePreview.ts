import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { hasRole } from '../../access/roles'
import type { AssentEnv } from '../../config/env'
import { AssentError } from '../../errors/AssentError'
import { previewChangeNotice } from '../../services/notices/previewChangeNotice'
import { previewChoices } from '../schemas/previewChoices'
import { staffUser } from '../staffUser'

/** The preview is the email's own HTML: inline styles, no scripts, nothing loaded from elsewhere. */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

/**
 * `GET /api/v1/policy-versions/:id/notice-preview[?part=text]`: the change-notice email of a
 * version (draft or published) as a subject will receive it, with the publish dialog's choices
 * (`changeClass`, `summary`, `effectiveAt`) when given, for staff (admin login cookie or
 * `Authorization: JWT`).
 */
export function noticePreview(payload: Payload, env: AssentEnv): RequestHandler {
  return async (req, res) => {
    const user = await staffUser(payload, req)
    if (!hasRole(user, 'admin', 'editor', 'auditor')) throw new AssentError('forbidden', 'Only staff can preview notices.')
    const { part = 'html', ...choices } = req.query
    if (part !== 'html' && part !== 'text') throw new AssentError('bad_request', 'part must be html or text.', { fields: ['part'] })
    const mail = await previewChangeNotice(payload, user, String(req.params.id), env.publicUrl, env.organisationName, previewChoices(choices))
    res.set('cache-control', 'no-store').set('x-notice-subject', encodeURIComponent(mail.subject))
    if (part === 'text') res.type('text/plain; charset=utf-8').send(`Subject: ${mail.subject}\n\n${mail.text}`)
    else res.set('content-security-policy', PREVIEW_CSP).type('html').send(mail.html)
  }
}
