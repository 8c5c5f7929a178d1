/**
 * Values a dialog put into an autosaved form, held until a save returns them.
 *
 * Payload marks only the field set last as modified. When a save is in flight while a dialog sets
 * two fields, the save's answer carries the first field's old value, and the form takes it back
 * (the field no longer counts as modified): the next autosave then stores the old value. Payload
 * knows (payloadcms/payload pull request 17455, open as of 3.90.1, would drop such answers).
 *
 * A held value that a save's answer replaced by the value it had replaced is put back; one the
 * answer returns is let go. The form may show a value a little after it was set (several set at
 * once render together), so until the form has shown it, the old value is still waited on. Once
 * shown, a value changed without a save's answer (by the editor in the form, back to the old one
 * too) or to anything but the old value is let go, so the dialog never fights an edit.
 */
export interface Held {
  value: string | null
  before: string | null
  /** The form has shown `value`. */
  shown?: boolean
}
export type HeldValues<Path extends string> = Partial<Record<Path, Held>>

/** The same instant or text: dates are compared as instants, empty as null. */
const sameValue = (a: string | null | undefined, b: string | null | undefined): boolean => {
  const left = a || null
  const right = b || null
  if (left === right) return true
  if (left === null || right === null) return false
  const [l, r] = [Date.parse(left), Date.parse(right)]
  return /^\d{4}-\d{2}-\d{2}T/.test(left) && /^\d{4}-\d{2}-\d{2}T/.test(right) && !Number.isNaN(l) && l === r
}

/**
 * What is still held once the form reads `current`, and which values to put back.
 * `saveReturned`: this change of the form came with a save's answer.
 */
export function settleHeldValues<Path extends string>(
  held: HeldValues<Path>,
  current: Partial<Record<Path, string | null | undefined>>,
  saveReturned: boolean,
): { held: HeldValues<Path>; restore: Array<[Path, string | null]> } {
  const kept: HeldValues<Path> = {}
  const restore: Array<[Path, string | null]> = []
  for (const path of Object.keys(held) as Path[]) {
    const choice = held[path]!
    const now = current[path]
    if (sameValue(now, choice.value)) {
      if (!saveReturned) kept[path] = { ...choice, shown: true }
    } else if (sameValue(now, choice.before) && (saveReturned || !choice.shown)) {
      kept[path] = choice
      if (saveReturned) restore.push([path, choice.value])
    }
  }
  return { held: kept, restore }
}
