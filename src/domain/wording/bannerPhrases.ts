import type { BannerWording } from '../bannerDefaults'
import { pluralRules } from '../locale/intlFormats'

type ChangeClass = 'editorial' | 'informational' | 'material'

/**
 * Everything the login banner says besides what staff wrote, in one language. Functions, not
 * templates: the numbers and dates they are given are Assent's, and what they return reaches the
 * banner's layout as an escaped value.
 */
export interface BannerPhrases {
  /** Assent's wording of what an admin may change (used where the admin set none). */
  wording: BannerWording
  /** The locale dates and numbers are written in. */
  format: string
  changeClass: Record<ChangeClass, string>
  /** "3 versions since version 1, the one you last accepted:" (`count` is at least 2). */
  versionsSince: (count: number, since: string, format: (n: number) => string) => string
  /** "Version 2", heading a change in a list. */
  versionHeading: (version: string) => string
  /** "version 2", inside parentheses after a title. */
  version: (version: string) => string
  takesEffectOn: (date: string) => string
  effective: (date: string) => string
  replacedBy: (version: string) => string
  /** Joins the last two of a list of titles, and the others. */
  and: string
  comma: string
  /** Said when the text is in another language than the reader's. */
  notInYourLanguage: string
  /** The banner's buttons and messages (the embed script shows them). */
  buttons: { accept: string; acknowledge: string; dismiss: string; dialogLabel: string; failed: string }
}

const NBSP = '\u00a0'

const en: BannerPhrases = {
  wording: { intro: '', changesLinkLabel: 'See what changed', fullTextLabel: 'Read the full text', consentLead: 'By clicking Accept you agree to the' },
  // Assent's house English writes the day first, as the Legal Center does.
  format: 'en-GB',
  changeClass: { editorial: 'editorial', informational: 'informational', material: 'material' },
  versionsSince: (count, since, n) => `${n(count)} versions since version ${since}, the one you last accepted:`,
  versionHeading: (v) => `Version ${v}`,
  version: (v) => `version ${v}`,
  takesEffectOn: (date) => `takes effect on ${date}`,
  effective: (date) => `effective ${date}`,
  replacedBy: (v) => `replaced by version ${v} before it took effect`,
  and: ' and ',
  comma: ', ',
  notInYourLanguage: 'This text is not available in your language.',
  buttons: { accept: 'Accept', acknowledge: 'Got it', dismiss: 'Not now', dialogLabel: 'Updates to our terms', failed: 'Your acceptance could not be recorded. Please try again.' },
}

const fr: BannerPhrases = {
  wording: {
    intro: '',
    changesLinkLabel: 'Voir ce qui a changé',
    fullTextLabel: 'Lire le texte intégral',
    // Titles differ in gender and number: a colon spares choosing "au", "à la" or "aux".
    consentLead: `En cliquant sur Accepter, vous acceptez${NBSP}:`,
  },
  format: 'fr',
  changeClass: { editorial: 'rédactionnelle', informational: 'informative', material: 'substantielle' },
  versionsSince: (count, since, n) => `${n(count)} versions depuis la version ${since}, la dernière que vous avez acceptée${NBSP}:`,
  versionHeading: (v) => `Version ${v}`,
  version: (v) => `version ${v}`,
  takesEffectOn: (date) => `entre en vigueur le ${date}`,
  effective: (date) => `en vigueur depuis le ${date}`,
  replacedBy: (v) => `remplacée par la version ${v} avant son entrée en vigueur`,
  and: ' et ',
  comma: ', ',
  notInYourLanguage: 'Ce texte n’est pas disponible dans votre langue.',
  buttons: { accept: 'Accepter', acknowledge: 'J’ai compris', dismiss: 'Plus tard', dialogLabel: 'Mises à jour de nos conditions', failed: 'Votre acceptation n’a pas pu être enregistrée. Veuillez réessayer.' },
}

/** Arabic counts in four forms: two is a dual without its number, 3–10 a plural, 11–99 a singular
 * accusative, 100 and more a singular. */
const arabicVersions = (count: number, n: (n: number) => string): string => {
  switch (pluralRules('ar').select(count)) {
    case 'two':
      return 'إصداران'
    case 'few':
      return `${n(count)} إصدارات`
    case 'many':
      return `${n(count)} إصدارًا`
    default:
      return `${n(count)} إصدار`
  }
}

const ar: BannerPhrases = {
  wording: { intro: '', changesLinkLabel: 'اطّلع على ما تغيّر', fullTextLabel: 'اقرأ النص الكامل', consentLead: 'بالنقر على «موافق» فإنك توافق على' },
  format: 'ar',
  changeClass: { editorial: 'تحريري', informational: 'إعلامي', material: 'جوهري' },
  versionsSince: (count, since, n) => `${arabicVersions(count, n)} منذ الإصدار ${since}، وهو آخر إصدار وافقت عليه:`,
  versionHeading: (v) => `الإصدار ${v}`,
  version: (v) => `الإصدار ${v}`,
  takesEffectOn: (date) => `يسري اعتبارًا من ${date}`,
  effective: (date) => `ساري المفعول منذ ${date}`,
  replacedBy: (v) => `استُبدل بالإصدار ${v} قبل أن يسري`,
  // The Arabic "and" is written joined to the word after it.
  and: ' و',
  comma: '، ',
  notInYourLanguage: 'هذا النص غير متوفر بلغتك.',
  buttons: { accept: 'موافق', acknowledge: 'حسنًا', dismiss: 'ليس الآن', dialogLabel: 'تحديثات على شروطنا', failed: 'تعذّر تسجيل موافقتك. يُرجى المحاولة مرة أخرى.' },
}

/** Assent's banner phrases by language. To add a language, add its entry here. */
export const bannerPhrases = { en, fr, ar } as const satisfies Record<string, BannerPhrases>
