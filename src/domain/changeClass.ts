/**
 * How much a revision changes: `editorial` (typos, formatting: no notice), `informational`
 * (subjects are told), `material` (subjects are told and must accept again).
 */
export const changeClasses = ['editorial', 'informational', 'material'] as const
export type ChangeClass = (typeof changeClasses)[number]

/** Whether subjects must accept a version of this class again, explicitly: a material change
 * to a clickwrap policy (under continued use, notice and the effective date stand for it). */
export const mustAcceptAgain = (changeClass: ChangeClass, acceptanceMode: 'clickwrap' | 'continued-use'): boolean =>
  changeClass === 'material' && acceptanceMode === 'clickwrap'

/** Whether subjects are sent a notice of a version of this class. */
export const requiresNotice = (changeClass: ChangeClass): boolean => changeClass !== 'editorial'
