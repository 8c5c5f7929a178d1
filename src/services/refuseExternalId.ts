import { externalIdProblem } from '../domain/externalId'
import { AssentError } from '../errors/AssentError'

/** Throws the 400 for an external id Assent will not take for a new subject (see
 * `externalIdProblem`); the message shows the id as JSON, so the invisible part is visible. */
export function refuseExternalId(externalId: string): void {
  const problem = externalIdProblem(externalId)
  if (problem) throw new AssentError('invalid_external_id', `The subject id ${JSON.stringify(externalId.slice(0, 60))} ${problem}: send the id exactly as your product stores it.`)
}
