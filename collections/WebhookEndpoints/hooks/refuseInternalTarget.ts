import type { CollectionBeforeChangeHook } from 'payload'

import { webhookAllowHosts } from '../../../src/config/webhookSettings'
import { webhookTargetRefusal } from '../../../src/domain/outbound/webhookTargetRefusal'
import { AssentError } from '../../../src/errors/AssentError'

/**
 * An endpoint at a literal internal address is refused with a code, unless WEBHOOK_ALLOW_HOSTS
 * names it. Only a new or changed URL is judged: an existing endpoint can still be turned off.
 */
export const refuseInternalTarget: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data.url === undefined || data.url === originalDoc?.url) return data
  const refusal = webhookTargetRefusal(data.url, webhookAllowHosts())
  if (refusal) throw new AssentError(refusal.code, refusal.message, { fields: ['url'] })
  return data
}
