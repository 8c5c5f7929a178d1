import type { Payload, PayloadRequest } from 'payload'

import { envOf } from '../../config/envOf'
import type { SiteLanguageSettings } from '../../config/env'
import { parseLocaleList } from '../../domain/locale/localeTag'

export type { SiteLanguageSettings } from '../../config/env'

/**
 * The locales the site offers and its default: the admin's "Languages" settings where saved,
 * else the environment of the first start. The default is always offered, and offered first.
 */
export async function siteLanguages(payload: Payload, req?: PayloadRequest): Promise<SiteLanguageSettings> {
  const env = envOf(payload).languages
  const saved = await payload.findGlobal({ slug: 'site-languages', depth: 0, ...(req ? { req } : {}) }).catch(() => undefined)
  const defaultLocale = saved?.defaultLocale || env.defaultLocale
  const list = saved?.locales ? parseLocaleList(saved.locales) : { locales: env.locales }
  const locales = 'locales' in list ? list.locales : env.locales
  return { defaultLocale, locales: [defaultLocale, ...locales.filter((l) => l !== defaultLocale)] }
}
