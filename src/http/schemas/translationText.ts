import { z } from 'zod'

import { isLocaleTag } from '../../domain/locale/localeTag'

/** A locale as written in a request: a language tag (`fr`, `pt-BR`); whether the site offers it is
 * checked when the translation is saved (422 locale_not_offered). */
export const localeTagSchema = z.string().refine(isLocaleTag, { message: 'a locale is a language tag such as fr or pt-BR' })

/** A version's text in one locale, as a caller sends it. */
export const translationTextSchema = z.strictObject({
  markdown: z.string().trim().min(1, 'markdown is required').max(2_000_000, 'markdown is over 2 MB'),
  summary: z.string().trim().min(1, 'summary is required').max(5000),
})

/** Body of `POST /api/v1/policies/:slug/versions/:version/translations`. */
export const addedTranslationSchema = translationTextSchema.extend({ locale: localeTagSchema })
