import { describe, expect, it } from 'vitest'

import { publicationWarnings, translationStates, type TranslationFacts } from '../../src/domain/locale/translationStates'

const t = (locale: string, over: Partial<TranslationFacts> = {}): TranslationFacts => ({ id: `t-${locale}`, locale, ready: false, frozen: false, textHash: `hash-${locale}-new`, ...over })
const previous = { version: 2, hashes: { en: 'hash-en-old', fr: 'hash-fr-old', ar: 'hash-ar-old' } }

describe('the state of each locale of a version', () => {
  it('lists every offered locale, the version\'s own first, as own, frozen, ready, draft or missing', () => {
    const states = translationStates({
      offered: ['en', 'fr', 'ar', 'de', 'es'],
      ownLocale: 'en',
      translations: [t('fr', { ready: true, frozen: true }), t('ar', { ready: true }), t('de')],
    })
    expect(states).toEqual([
      { locale: 'en', state: 'own' },
      { locale: 'fr', state: 'frozen', translationId: 't-fr' },
      { locale: 'ar', state: 'ready', translationId: 't-ar' },
      { locale: 'de', state: 'draft', translationId: 't-de' },
      { locale: 'es', state: 'missing' },
    ])
  })

  it('puts the version\'s own locale first even when the site\'s default changed since', () => {
    expect(translationStates({ offered: ['fr', 'en'], ownLocale: 'en', translations: [] }).map((s) => s.locale)).toEqual(['en', 'fr'])
  })

  it('says a translation is unchanged since the previous version when its text hash is that version\'s text in its locale', () => {
    const states = translationStates({ offered: ['en', 'fr', 'ar'], ownLocale: 'en', translations: [t('fr', { ready: true, textHash: 'hash-fr-old' }), t('ar')], previous })
    expect(states.map((s) => [s.locale, s.unchangedSince])).toEqual([['en', undefined], ['fr', 2], ['ar', undefined]])
  })

  it('never calls a translation without text unchanged, nor one when there is no previous version', () => {
    const states = translationStates({ offered: ['en', 'fr'], ownLocale: 'en', translations: [t('fr', { textHash: null })], previous: { version: 1, hashes: {} } })
    expect(states[1].unchangedSince).toBeUndefined()
    expect(translationStates({ offered: ['en', 'fr'], ownLocale: 'en', translations: [t('fr', { textHash: 'hash-fr-old' })] })[1].unchangedSince).toBeUndefined()
  })

  it('lists a translation in a locale no longer offered last, saying so', () => {
    const states = translationStates({ offered: ['en'], ownLocale: 'en', translations: [t('it', { ready: true, frozen: true })] })
    expect(states).toEqual([{ locale: 'en', state: 'own' }, { locale: 'it', state: 'frozen', translationId: 't-it', notOffered: true }])
  })
})

describe('what the publish dialog warns about', () => {
  it('names the locales that will be missing (no translation, or only a draft) and the translations still on the previous version\'s text', () => {
    const states = translationStates({
      offered: ['en', 'fr', 'ar', 'de'],
      ownLocale: 'en',
      translations: [t('fr', { ready: true, textHash: 'hash-fr-old' }), t('ar', { textHash: 'hash-ar-old' })],
      previous,
    })
    expect(publicationWarnings(states)).toEqual({ missing: ['ar', 'de'], unchanged: [{ locale: 'fr', since: 2 }, { locale: 'ar', since: 2 }] })
  })

  it('warns of nothing when every locale is ready with new text', () => {
    const states = translationStates({ offered: ['en', 'fr'], ownLocale: 'en', translations: [t('fr', { ready: true })], previous })
    expect(publicationWarnings(states)).toEqual({ missing: [], unchanged: [] })
  })
})
