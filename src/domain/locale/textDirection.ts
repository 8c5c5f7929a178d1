import { languageOf } from './localeTag'

/** Languages written right to left (ISO 639 codes in use for legal texts). */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi'])

/** The direction a text in `locale` is written in, for the `dir` attribute. */
export const textDirection = (locale: string): 'rtl' | 'ltr' => (RIGHT_TO_LEFT.has(languageOf(locale)) ? 'rtl' : 'ltr')
