import type { GlobalConfig, TextFieldSingleValidation } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { isStaff } from '../../src/access/isStaff'
import { isLocaleTag, parseLocaleList } from '../../src/domain/locale/localeTag'

const validDefault: TextFieldSingleValidation = (value) => (value == null || value === '' || isLocaleTag(value) ? true : 'A language tag such as en, fr or pt-BR.')
const validList: TextFieldSingleValidation = (value) => {
  if (value == null || value === '') return true
  const list = parseLocaleList(value)
  return 'bad' in list ? `Not language tags: ${list.bad.join(', ')}.` : true
}

/**
 * The locales the Legal Center, banner and notices offer, and the default one: the locale new
 * versions are written in, and the one shown when a reader's is not offered. Empty until an admin
 * saves it: until then LOCALES and DEFAULT_LOCALE (first start) decide. A version keeps the
 * locale it was published in, so changing the default never relabels a published text.
 */
export const SiteLanguages: GlobalConfig = {
  slug: 'site-languages',
  label: 'Languages',
  admin: { group: 'Legal documents', description: 'The languages your policies are published in. Each version is written in the default language; translations are added per version under "Translations".' },
  access: { read: isStaff, update: isAdmin },
  fields: [
    { name: 'defaultLocale', type: 'text', maxLength: 35, validate: validDefault, admin: { description: 'New versions are written in this language; readers whose language is not offered see it. Empty: DEFAULT_LOCALE (or en).' } },
    { name: 'locales', type: 'text', maxLength: 400, validate: validList, admin: { description: 'Every language offered, separated by commas (en, fr, ar). Empty: LOCALES.' } },
  ],
}
