import type { PayloadRequest } from 'payload'

import { policyRulesLedgerRecord } from '../../domain/policyRulesChange'
import { appendEntries } from '../../store/ledger/appendEntries'
import { ledgerIn } from '../../store/ledger/ledgerIn'

/**
 * After a policy changed: a change of its rules, slug or bundle is a ledger entry (who, when,
 * before, after), written in the same transaction as the change. Other edits are not recorded.
 */
export async function recordPolicyRulesChange(req: PayloadRequest, before: Record<string, unknown>, after: Record<string, unknown> & { id: number | string }): Promise<void> {
  const record = policyRulesLedgerRecord({
    policy: after.id,
    by: req.user?.collection === 'users' ? req.user.id : null,
    at: new Date().toISOString(),
    before,
    after,
  })
  if (record) await appendEntries(ledgerIn(req), [{ kind: 'policy-rules', record }])
}
