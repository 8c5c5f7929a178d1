import { externalIdLengthProblem, externalIdProblem } from '../../domain/externalId'
import { AssentError } from '../../errors/AssentError'

const refusal = (externalId: string, problem: string) =>
  new AssentError('invalid_external_id', `The subject id ${JSON.stringify(externalId.slice(0, 60))}${externalId.length > 60 ? '…' : ''} ${problem}: send the id exactly as your product stores it.`)

/** Throws the 400 for an external id Assent will not take for a new subject (see
 * `externalIdProblem`); the message shows the id as JSON, so the invisible part is visible. */
export function refuseExternalId(externalId: string): void {
  const problem = externalIdProblem(externalId)
  if (problem) throw refusal(externalId, problem)
}

/** Throws the 400 for an id no route looks up, stored or not: empty, or over the one maximum
 * length (the same for path, body, bulk, banner, status, evidence and erasure). */
export function refuseExternalIdLength(externalId: string): void {
  const problem = externalIdLengthProblem(externalId)
  if (problem) throw refusal(externalId, problem)
}
