import type { ChangeClass } from './changeClass'

/**
 * Why a published version has no notices, in the words the admin shows: an editorial change
 * notifies no one; otherwise every subject known at publication is told, so none means there
 * were none, or the version is history imported after the fact (never announced again).
 */
export function noNoticeReason(changeClass: ChangeClass, subjectsAtPublication: number): string {
  if (changeClass === 'editorial') return 'No notices: an editorial change notifies no one.'
  if (subjectsAtPublication === 0) return 'No notices: no subjects were known when it was published.'
  return 'No notices: it was imported as history, which is never announced again.'
}
