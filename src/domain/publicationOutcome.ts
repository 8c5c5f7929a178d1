import { mustAcceptAgain, type ChangeClass } from './changeClass'

/** What publishing a version will do, in the facts an editor confirms. */
export interface OutcomeFacts {
  changeClass: ChangeClass
  acceptanceMode: 'clickwrap' | 'continued-use'
  nextVersion: number
  /** Subjects not erased, and those of them with an email address. */
  subjects: number
  withEmail: number
  /** When it takes effect; undefined: on publishing. */
  effectiveAt?: Date
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * The sentences the publish dialog shows before the editor confirms: who is told, how, what they
 * must do, and when the version takes effect.
 */
export function publicationOutcome(f: OutcomeFacts): string[] {
  const lines: string[] = []
  if (f.changeClass === 'editorial') {
    lines.push('No one is notified: an editorial change is published without notice.')
  } else {
    lines.push(`${count(f.withEmail, 'subject', 'subjects')} will be emailed; the banner shows from now to all ${count(f.subjects, 'subject', 'subjects')} at their next login.`)
    if (f.changeClass === 'informational') lines.push('No one needs to accept it again.')
    else if (mustAcceptAgain(f.changeClass, f.acceptanceMode)) lines.push(`Everyone must accept version ${f.nextVersion}: until they do, the login flow asks them to.`)
    else lines.push(`Continued use after the notice counts as acceptance of version ${f.nextVersion} once it takes effect.`)
  }
  lines.push(f.effectiveAt ? `Takes effect ${f.effectiveAt.toISOString().slice(0, 10)}.` : 'Takes effect on publishing.')
  lines.push(`Version ${f.nextVersion} is frozen once published: its text can never change.`)
  return lines
}
