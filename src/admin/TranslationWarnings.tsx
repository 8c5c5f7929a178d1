'use client'
import React from 'react'

import { languageName, useVersionTranslations } from './useVersionTranslations'

const warningStyle: React.CSSProperties = { margin: '0.6rem 0 0', padding: '0.6rem 0.75rem', border: '1px solid var(--theme-warning-500)', borderRadius: 4, background: 'var(--theme-warning-100)' }

/** In the publish dialog: the languages this version will lack at publication (they can be added
 * later, each frozen when added), and translations still carrying the previous version's text. */
export function TranslationWarnings({ id }: { id: number | string }) {
  const { answer } = useVersionTranslations(id)
  if (!answer) return null
  const { missing, unchanged } = answer.warnings
  if (missing.length === 0 && unchanged.length === 0) return null
  return (
    <div data-testid="translation-warnings" style={warningStyle}>
      {missing.length > 0 && (
        <p style={{ margin: '0 0 0.35rem' }} data-testid="translations-missing">
          <strong>Missing at publication: {missing.map(languageName).join(', ')}.</strong> Readers in {missing.length === 1 ? 'that language' : 'those languages'} will see the {languageName(answer.locale)} text until a translation is added; one marked ready (not a draft) is published with the version, and one added later is frozen when added.
        </p>
      )}
      {unchanged.map(({ locale, since }) => (
        <p key={locale} style={{ margin: '0 0 0.35rem' }} data-testid="translation-unchanged">
          <strong>The {languageName(locale)} translation still has version {since}&apos;s text.</strong> Update it to this version&apos;s changes before publishing, or it will be published as it was.
        </p>
      ))}
    </div>
  )
}
