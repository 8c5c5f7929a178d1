import type { StoreContract } from './storeContract'
import { acceptancesContract } from './acceptancesContract'
import { accessRecordsContract } from './accessRecordsContract'
import { apiKeysContract } from './apiKeysContract'
import { evidenceContract } from './evidenceContract'
import { ledgerContract } from './ledgerContract'
import { ledgerTreeContract } from './ledgerTreeContract'
import { outboxContract } from './outboxContract'
import { policiesContract } from './policiesContract'
import { subjectsContract } from './subjectsContract'

/** Every store's contract, run by storeContract*.test.ts on each database. */
export const ALL_CONTRACTS: StoreContract[] = [
  ledgerContract,
  ledgerTreeContract,
  accessRecordsContract,
  evidenceContract,
  subjectsContract,
  apiKeysContract,
  acceptancesContract,
  outboxContract,
  policiesContract,
]
