import { languageNames } from './intlFormats'

/** The name of `locale`'s language, in the language of `displayLocale` (by default its own:
 * `français`, `العربية`, as a language switcher shows it); the tag itself when the runtime does
 * not know it. */
export function languageName(locale: string, displayLocale = locale): string {
  try {
    const name = languageNames(displayLocale).of(locale)
    return name && name !== locale ? name.charAt(0).toLocaleUpperCase(displayLocale) + name.slice(1) : locale
  } catch {
    return locale
  }
}
