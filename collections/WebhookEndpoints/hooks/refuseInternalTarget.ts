import type { CollectionBeforeChangeHook } from 'payload'

import { webhookAllowHosts } from '../../../src/config/webhookSettings'
import { webhookTargetRefusal } from '../../../src/domain/outbound/webhookTargetRefusal'
import { AssentError } from '../../../src/errors/AssentError'

/** An endpoint at a literal internal address is refused with a code, unless WEBHOOK_ALLOW_HOSTS names it. */
export const refuseInternalTarget: CollectionBeforeChangeHook = ({ data }) => {
  const refusal = webhookTargetRefusal(data.url, webhookAllowHosts())
  if (refusal) throw new AssentError(refusal.code, refusal.message, { fields: ['url'] })
  return data
}
