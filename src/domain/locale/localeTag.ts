/** A language tag as Assent stores it: a BCP 47 language with optional subtags (`en`, `fr`,
 * `pt-BR`, `zh-Hant`), at most 35 characters. */
const TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/** Whether `value` is a language tag Assent accepts. */
export const isLocaleTag = (value: unknown): value is string => typeof value === 'string' && value.length <= 35 && TAG.test(value)

/** The tag's language alone: `fr` of `fr-CA`. */
export const languageOf = (tag: string): string => tag.split('-')[0].toLowerCase()

/**
 * A list of offered locales from settings text (`en, fr ar`): tags separated by commas or spaces,
 * each once, in the order given. Returns the bad tags instead when any is malformed.
 */
export function parseLocaleList(text: string): { locales: string[] } | { bad: string[] } {
  const tags = text.split(/[\s,]+/).filter(Boolean)
  const bad = tags.filter((t) => !isLocaleTag(t))
  if (bad.length > 0) return { bad }
  return { locales: [...new Set(tags)] }
}
