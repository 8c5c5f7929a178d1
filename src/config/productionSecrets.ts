import { ConfigError } from './ConfigError'
import { LEDGER_KEY_REQUIRED, parseLedgerSigningKey } from './ledgerSigningKeyPem'
import { ADMIN_PASSWORD, SIGNING_SECRET, secretWeakness } from './secretStrength'

/** The variables read here (process.env, or a plain object in tests). */
type Environment = Record<string, string | undefined>

const RANDOM = 'set it to a long random string (openssl rand -hex 32).'

/** What is wrong with PAYLOAD_SECRET for production (absent or too weak), or undefined. */
export function payloadSecretProblem(value: string | undefined): string | undefined {
  if (!value) return `PAYLOAD_SECRET is required in production: ${RANDOM}`
  const weakness = secretWeakness(value, SIGNING_SECRET)
  return weakness && `PAYLOAD_SECRET is too weak for production (it ${weakness}): ${RANDOM}`
}

/**
 * Every problem with the secrets Assent reads from the environment, one sentence each saying how
 * to fix it. In production: PAYLOAD_SECRET present and strong, LEDGER_SIGNING_KEY present,
 * ASSENT_ADMIN_PASSWORD (when set) long enough. Everywhere: LEDGER_SIGNING_KEY, when set, is an
 * Ed25519 key. (Outside production the absent ones are generated into the data folder.)
 */
export function secretProblems(env: Environment, production: boolean): string[] {
  const problems: string[] = []
  const payloadSecret = production ? payloadSecretProblem(env.PAYLOAD_SECRET) : undefined
  if (payloadSecret) problems.push(payloadSecret)
  if (env.LEDGER_SIGNING_KEY) {
    try {
      parseLedgerSigningKey(env.LEDGER_SIGNING_KEY)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      problems.push(error.message)
    }
  } else if (production) {
    problems.push(LEDGER_KEY_REQUIRED)
  }
  const adminPassword = production && env.ASSENT_ADMIN_PASSWORD ? secretWeakness(env.ASSENT_ADMIN_PASSWORD, ADMIN_PASSWORD) : undefined
  if (adminPassword) {
    problems.push(`ASSENT_ADMIN_PASSWORD is too weak for production (it ${adminPassword}): choose a longer one, or unset it and Assent generates one and prints it once.`)
  }
  return problems
}

/**
 * Stops start-up, before anything is written, when a secret is missing or weak: one ConfigError
 * whose message has one line per problem, so an operator fixes them all in one go.
 */
export function checkSecrets(env: Environment, production: boolean): void {
  const problems = secretProblems(env, production)
  if (problems.length > 0) throw new ConfigError(problems.join('\n'))
}
