import type { FieldAccess } from 'payload'

import { changesGuardedField, type GuardedPolicyField } from '../domain/policyRulesChange'
import { AssentError } from '../errors/AssentError'
import { hasRole } from './roles'

/**
 * Field access for a policy's rules, slug and bundle: anyone who may update the policy may send
 * the field unchanged (the admin form sends every field), only an admin may change it. Anyone else
 * is refused outright, with a code, rather than having the change silently dropped.
 */
export const adminToChange = (field: GuardedPolicyField): FieldAccess => ({ req, data, doc }) => {
  if (hasRole(req.user, 'admin') || !changesGuardedField(field, data, doc)) return true
  throw new AssentError('policy_rules_admin_only', `Only an admin may change a policy's ${field}: it decides how its versions are accepted or where they are found, and every change is recorded in the ledger.`, { fields: [field] })
}
